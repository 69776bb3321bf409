using GrantPortal.Core.Recommendations;

namespace GrantPortal.Core.Tests.Recommendations;

public sealed class RecommendationCsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_know_their_line()
    {
        var rows = RecommendationCsv.Read(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\n"));

        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, y", "say \"hi\""], rows[1].Cells);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal(["two\nlines", "z"], rows[2].Cells);
        Assert.Equal(3, rows[2].Line);
    }

    [Fact]
    public void Empty_trailing_cell_is_a_cell()
    {
        var rows = RecommendationCsv.Read(new StringReader("a,b,\n"));

        Assert.Equal(["a", "b", ""], Assert.Single(rows).Cells);
    }
}
