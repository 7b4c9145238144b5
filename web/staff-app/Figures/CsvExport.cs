using System.Globalization;
using System.Text;

namespace MedMassage.StaffApp.Figures;

/// <summary>
/// Tables as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or line breaks quoted, quotes doubled;
/// numbers in the invariant culture so any spreadsheet reads them), offered as a download link without script.
/// </summary>
public static class CsvExport
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var csv = new StringBuilder();
        Line(csv, header);
        foreach (var row in rows)
        {
            Line(csv, [.. row.Select(Field)]);
        }
        return csv.ToString();
    }

    /// <summary>A data: address the browser saves as a file (the link's download attribute names it).</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());

    private static string Field(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));
        csv.Append("\r\n");
    }
}
