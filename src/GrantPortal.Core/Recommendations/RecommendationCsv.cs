namespace GrantPortal.Core.Recommendations;

/// <summary>Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into rows of cells.</summary>
public static class RecommendationCsv
{
    /// <summary>The header an import file must start with, in this order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["code", "source_document", "paragraph", "short_title_en", "short_title_ko", "text_en", "text_ko"];

    /// <summary>Rows with the line each starts on, so errors can point at what the person sees in their editor.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<(int, IReadOnlyList<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        var rowHasContent = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    rowHasContent = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++;
                    rowStart = line;
                    break;
                default:
                    cell.Append(c);
                    rowHasContent = true;
                    break;
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent)
            {
                cells.Add(cell.ToString());
                rows.Add((rowStart, cells.ToList()));
            }

            cells.Clear();
            cell.Clear();
            rowHasContent = false;
        }
    }
}
