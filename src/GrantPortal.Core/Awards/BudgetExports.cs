using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GrantPortal.Core.Awards;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>One exported cell: text, or a whole-won number that spreadsheets can sum.</summary>
internal readonly record struct ExportCell(string? Text, long? Number)
{
    public static implicit operator ExportCell(string text) => new(text, null);

    public static implicit operator ExportCell(long number) => new(null, number);

    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A year's awards and payments as CSV or Excel files, for finance's own books. Whoever may see the budget (<see cref="BudgetQueries.MaySee"/>).</summary>
public sealed class BudgetExports(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly string[] AwardColumns =
        ["AwardId", "Receipt", "Call", "Organization", "Organization (Korean)", "Project", "Status", "AwardedAt (KST)", "Amount (KRW)", "Paid (KRW)", "Returned (KRW)", "CancellationReason"];

    private static readonly string[] PaymentColumns =
        ["PaymentId", "AwardId", "Receipt", "Organization", "Organization (Korean)", "Tranche", "PlannedOn", "Status", "Amount (KRW)", "RecordedBy", "RecordedAt (KST)", "ApprovedBy", "ApprovedAt (KST)", "PaidOn", "BankReference"];

    /// <summary>Every award of the year, cancelled ones included, for finance. False (nothing written) for anyone else.</summary>
    public async Task<bool> ExportAwardsAsync(CurrentUser user, int year, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!BudgetQueries.MaySee(user))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Awards.AsNoTracking()
            .Where(a => a.Application!.Call!.BudgetYear!.Year == year)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Application!.ReceiptNumber,
                a.Application.Call!.Code,
                a.Application.Organization!.NameKorean,
                a.Application.Organization.Name,
                a.Application.ProjectTitle,
                a.Status,
                a.AwardedAt,
                Amount = (long)a.Amount,
                Paid = db.Payments.Where(p => p.AwardId == a.Id && p.Status == PaymentStatus.Paid).Sum(p => (long)p.Amount),
                Returned = (long)a.ReturnedAmount,
                a.CancellationReason,
            })
            .AsAsyncEnumerable()
            .Select(a => new ExportCell[]
            {
                a.Id, a.ReceiptNumber ?? "", a.Code, new OrganizationName(a.NameKorean, a.Name).In(Languages.English), a.NameKorean, a.ProjectTitle, a.Status.ToString(), Seoul.Format(a.AwardedAt), a.Amount, a.Paid, a.Returned, a.CancellationReason ?? "",
            });
        await WriteAsync(format, "Awards " + year.ToString(CultureInfo.InvariantCulture), AwardColumns, rows, output, ct);
        return true;
    }

    /// <summary>Every payment on the year's awards, with maker and checker, for finance. False for anyone else.</summary>
    public async Task<bool> ExportPaymentsAsync(CurrentUser user, int year, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!BudgetQueries.MaySee(user))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = (
                from p in db.Payments.AsNoTracking()
                join t in db.Tranches on p.TrancheId equals t.Id
                join a in db.Awards on p.AwardId equals a.Id
                where a.Application!.Call!.BudgetYear!.Year == year
                orderby p.Id
                select new
                {
                    p.Id,
                    p.AwardId,
                    a.Application!.ReceiptNumber,
                    a.Application.Organization!.NameKorean,
                    a.Application.Organization.Name,
                    t.Sequence,
                    t.PlannedOn,
                    p.Status,
                    Amount = (long)p.Amount,
                    RecordedBy = db.Users.Where(u => u.Id == p.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
                    p.RecordedAt,
                    ApprovedBy = db.Users.Where(u => u.Id == p.ApprovedById).Select(u => u.DisplayName).FirstOrDefault(),
                    p.ApprovedAt,
                    p.PaidOn,
                    p.BankReference,
                })
            .AsAsyncEnumerable()
            .Select(p => new ExportCell[]
            {
                p.Id, p.AwardId, p.ReceiptNumber ?? "", new OrganizationName(p.NameKorean, p.Name).In(Languages.English), p.NameKorean, p.Sequence, Day(p.PlannedOn), p.Status.ToString(), p.Amount,
                p.RecordedBy ?? "", Seoul.Format(p.RecordedAt), p.ApprovedBy ?? "", p.ApprovedAt is { } approved ? Seoul.Format(approved) : "",
                p.PaidOn is { } paid ? Day(paid) : "", p.BankReference ?? "",
            });
        await WriteAsync(format, "Payments " + year.ToString(CultureInfo.InvariantCulture), PaymentColumns, rows, output, ct);
        return true;
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(ExportFormat format, string sheet, string[] columns, IAsyncEnumerable<ExportCell[]> rows, Stream output, CancellationToken ct)
    {
        if (format == ExportFormat.Csv)
        {
            // UTF-8 with a byte order mark, so Excel reads Korean; written row by row.
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
            await writer.WriteLineAsync(Csv.Line(columns));
            var lines = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteLineAsync(Csv.Line(row.Select(c => c.ToString())));
                if (++lines % 500 == 0)
                {
                    await writer.FlushAsync(ct);
                }
            }

            await writer.FlushAsync(ct);
            return;
        }

        // The package is a zip that needs a seekable stream; the sheet is streamed into it with the SAX writer.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, columns.Select(c => (ExportCell)c));
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = sheet, SheetId = 1, Id = workbook.GetIdOfPart(worksheet) }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ExportCell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            if (cell.Number is { } number)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
            }
            else
            {
                writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.Text ?? "")) });
            }
        }

        writer.WriteEndElement();
    }
}
