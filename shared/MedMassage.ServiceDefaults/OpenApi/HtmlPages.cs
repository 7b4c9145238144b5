using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace MedMassage.ServiceDefaults.OpenApi;

public static class HtmlPages
{
    /// <summary>
    /// The endpoint answers a page for a browser (<c>text/html</c>, 200), which its <c>Results</c> type cannot tell; on
    /// a group, every endpoint of it.
    /// </summary>
    public static TBuilder ProducesHtmlPage<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ProducesHtml());

    private sealed class ProducesHtml : IProducesResponseTypeMetadata
    {
        public Type? Type => typeof(string);

        public int StatusCode => StatusCodes.Status200OK;

        public string? Description => "The page, for the browser.";

        public IEnumerable<string> ContentTypes => ["text/html"];
    }
}
