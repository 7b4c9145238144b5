using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MedMassage.Fhir;

/// <summary>
/// A search's parameters, read strictly: a parameter the type does not support is refused (400) rather than
/// silently ignored, so a system never mistakes an unfiltered answer for a filtered one. The first fault found,
/// in the order the handler reads its parameters, is kept in <see cref="Error"/> for one check before searching.
/// </summary>
public sealed class FhirSearch
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;
    public const int MaxPage = 1000;

    private static readonly HashSet<string> Always = ["_count", "_page", "_format"];

    private readonly HttpRequest _request;
    private readonly IQueryCollection _query;
    private readonly string _type;

    private FhirSearch(HttpRequest request, string type)
    {
        _request = request;
        _query = request.Query;
        _type = type;
    }

    public int Count { get; private set; } = DefaultCount;
    public int Page { get; private set; } = 1;
    public int Skip => (Page - 1) * Count;

    /// <summary>Why the search cannot be answered (a 400), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The search of <paramref name="type"/> in <paramref name="request"/>, its paging read; see <see cref="Error"/>.</summary>
    public static FhirSearch Read(HttpRequest request, string type)
    {
        var search = new FhirSearch(request, type);
        var allowed = FhirCatalogue.Get(type).SearchParameters.Select(p => p.Name).ToHashSet();
        if (request.Query.Keys.FirstOrDefault(k => !Always.Contains(k) && !allowed.Contains(k)) is { } unknown)
        {
            return search.Fault($"{type} cannot be searched by '{unknown}'; supported: {string.Join(", ", allowed.Order())}.");
        }
        if (!Number(request.Query["_count"], DefaultCount, 1, MaxCount, out var count))
        {
            return search.Fault($"_count must be a whole number from 1 to {MaxCount}.");
        }
        if (!Number(request.Query["_page"], 1, 1, MaxPage, out var page))
        {
            return search.Fault($"_page must be a whole number from 1 to {MaxPage}.");
        }
        (search.Count, search.Page) = (count, page);
        return search;
    }

    public string? Single(string name) => _query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public IEnumerable<string> All(string name) => _query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());

    /// <summary>The id in a reference parameter (<c>Patient/abc</c>, an absolute URL, or the bare id); a fault goes to <see cref="Error"/>.</summary>
    public string? Reference(string name, string type)
    {
        if (Single(name) is not { } value)
        {
            return null;
        }
        if (FhirReferences.TryId(value, type, out var id))
        {
            return id;
        }
        Fault($"{name} must reference a {type} ({type}/id).");
        return null;
    }

    /// <summary>
    /// The range of a date parameter, every value ANDed (<c>date=ge2027-01-01&amp;date=lt2027-02-01</c>); a fault goes
    /// to <see cref="Error"/>.
    /// </summary>
    public DateRange? Dates(string name)
    {
        DateRange? range = null;
        foreach (var value in All(name))
        {
            if (!DateRange.TryParse(value, out var parsed))
            {
                Fault($"{name} must be a date (yyyy, yyyy-mm, yyyy-mm-dd or an instant) with an optional eq, ge, gt, le or lt prefix.");
                return null;
            }
            range = range is null ? parsed : range.Intersect(parsed);
        }
        return range;
    }

    /// <summary>A token parameter: <c>system|code</c>, <c>|code</c> or <c>code</c>.</summary>
    public (string? System, string? Code)? Token(string name)
    {
        if (Single(name) is not { } value)
        {
            return null;
        }
        var bar = value.IndexOf('|');
        return bar < 0 ? (null, value) : (value[..bar], value[(bar + 1)..]);
    }

    /// <summary>The page asked for of everything found, already in order, as a searchset Bundle.</summary>
    public Bundle Bundle(IReadOnlyCollection<Resource> found) => Bundle(found, r => r);

    /// <summary>The page asked for of everything found, already in order, each mapped to FHIR, as a searchset Bundle.</summary>
    public Bundle Bundle<T>(IReadOnlyCollection<T> found, Func<T, Resource> toFhir) => Bundle(found.Count, found.Skip(Skip).Take(Count).Select(toFhir));

    /// <summary>A searchset Bundle with <c>total</c> and self, next and previous links on the public base.</summary>
    public Bundle Bundle(int total, IEnumerable<Resource> resources)
    {
        var fhirBase = FhirBase.Of(_request);
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset, Total = total, Id = Guid.NewGuid().ToString("N") };
        bundle.Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = PageUrl(fhirBase, Page) });
        if (Page * Count < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(fhirBase, Page + 1) });
        }
        if (Page > 1)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(fhirBase, Page - 1) });
        }
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{fhirBase}{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match },
            });
        }
        return bundle;
    }

    private string PageUrl(string fhirBase, int page)
    {
        var query = _query.Where(q => q.Key != "_page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        query.Add(new("_page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(fhirBase + _type, query);
    }

    private FhirSearch Fault(string error)
    {
        Error ??= error;
        return this;
    }

    private static bool Number(string? value, int fallback, int min, int max, out int number)
    {
        number = fallback;
        return string.IsNullOrEmpty(value) || (int.TryParse(value, out number) && number >= min && number <= max);
    }
}
