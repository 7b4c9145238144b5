using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// PostgreSQL cannot store a NUL character in text or jsonb, and no clinic's text needs one: a request body whose
/// string holds one is refused as unreadable (400) before anything runs, instead of failing at the database.
/// </summary>
internal sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text may not contain the NUL character (\\u0000).")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// The same refusal for text that reaches the database another way (a FHIR resource, a header): PostgreSQL's "cannot
/// store this character" (22021, 22P05) is the caller's input, answered 400; the transaction was rolled back whole.
/// </summary>
internal sealed class UnstorableTextExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The request holds text that cannot be stored.",
                        Detail = "Text may not contain the NUL character (\\u0000). Nothing was changed.",
                    },
                });
            }
        }
        return false;
    }
}
