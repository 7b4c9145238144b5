using System.Text;
using MedMassage.StaffApp.Figures;

namespace MedMassage.StaffApp.Tests;

public sealed class CsvExportTests
{
    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_numbers_use_the_invariant_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("es-ES"); // writes 0,25 for a quarter
        try
        {
            var csv = CsvExport.Write(["name", "rate"], [["Lopez, Maria", 0.25m], ["Say \"hi\"", null], ["two\nlines", 3]]);
            Assert.Equal("name,rate\r\n\"Lopez, Maria\",0.25\r\n\"Say \"\"hi\"\"\",\r\n\"two\nlines\",3\r\n", csv);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_download_link_carries_the_csv_with_a_byte_order_mark_for_spreadsheets()
    {
        var uri = CsvExport.DataUri("a,b\r\n");
        Assert.StartsWith("data:text/csv;charset=utf-8;base64,", uri, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(uri[(uri.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("a,b\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
