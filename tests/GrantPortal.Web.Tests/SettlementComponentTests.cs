using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Awards;
using GrantPortal.Core.Disbursements;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reporting;
using GrantPortal.Web.Features.Disbursements;
using GrantPortal.Web.Features.Reporting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.Web.Tests;

/// <summary>The settlement sheet a grantee fills on the final report, and finance's receivables.</summary>
public sealed class SettlementComponentTests : PortalComponentTest
{
    private static readonly CurrentUser Grantee = new("applicant-1", "Kim Ji-won", 7, new HashSet<string> { Roles.Applicant });

    private readonly ServiceProvider useCases;

    public SettlementComponentTests()
    {
        // The base has already built bUnit's container; rendering never reaches the database (the upload and the two
        // finance steps only run on a click), so the use cases come from a second container without one.
        var services = new ServiceCollection();
        services.AddSingleton(new UploadSpendingEvidence(null!, null!, null!));
        services.AddSingleton(new RecordReturnReceived(null!, null!, null!, null!));
        services.AddSingleton(new ConfirmReturnReceived(null!, null!, null!, null!));
        useCases = services.BuildServiceProvider();
        Services.AddFallbackServiceProvider(useCases);
    }

    [Fact]
    public void Line_exactly_at_the_call_amount_needs_no_evidence_and_one_won_over_is_marked()
    {
        var form = Form(
            Line(1, "Venue", 600_000, 400_000),
            Line(2, "Printing", 600_000, 400_001));

        var sheet = Render<SettlementSheetSection>(p => p
            .Add(c => c.View, View(form, canEdit: true))
            .Add(c => c.Form, form)
            .Add(c => c.CanEdit, true)
            .Add(c => c.OnChange, (Action<Action>)(apply => apply()))
            .Add(c => c.User, Grantee));

        Assert.Empty(sheet.FindAll("[data-testid=evidence-needed-0]"));
        Assert.Equal("Evidence needed", sheet.Find("[data-testid=evidence-needed-1]").TextContent.Trim());
        Assert.NotNull(sheet.Find("[data-testid=own-spent-1]"));
        Assert.NotNull(sheet.Find("[data-testid=settlement-interest]"));
        Assert.Contains("₩1,000,000", sheet.Find("[data-testid=settlement-help]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩800,001", sheet.Find("[data-testid=settlement-own-total]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitted_sheet_shows_evidence_interest_and_the_officers_ineligible_amount_read_only()
    {
        var evidence = new EvidenceView(new AttachmentView(31, "세금계산서.pdf", AttachmentKind.Pdf, 1_024, "abc", Instant.FromUtc(2026, 2, 1, 0, 0)), EvidenceKind.TaxInvoice);
        var form = Form(Line(1, "Venue", 5_000_000, 0) with { Evidence = [evidence], IneligibleGrant = new Krw(250_000), IneligibleReason = "Catering" });
        form.InterestEarned = new Krw(12_345);

        var sheet = Render<SettlementSheetSection>(p => p
            .Add(c => c.View, View(form, canEdit: false))
            .Add(c => c.Form, form)
            .Add(c => c.User, Grantee));

        Assert.Empty(sheet.FindAll("[data-testid=own-spent-0]"));
        Assert.Empty(sheet.FindAll("[data-testid=evidence-needed-0]"));
        Assert.Contains("세금계산서.pdf (Tax invoice)", sheet.Find("[data-testid=evidence-0]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩12,345", sheet.Find("[data-testid=settlement-interest-shown]").TextContent, StringComparison.Ordinal);
        Assert.Contains("₩250,000", sheet.Find("[data-testid=ineligible-0]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Catering", sheet.Find("[data-testid=ineligible-0]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Receivable_is_recorded_by_one_finance_user_and_confirmed_only_by_another()
    {
        var organization = new OrganizationName("열린문", "Open Doors Korea");
        var confirmedAt = Instant.FromUtc(2026, 2, 10, 0, 0);
        WorklistReceivable[] receivables =
        [
            new(1, 11, organization, "Owed project", new Krw(700_000), ReturnStatus.Owed, confirmedAt, null, null, null, false, 0),
            new(2, 12, organization, "Mine project", new Krw(15_000), ReturnStatus.Recorded, confirmedAt, new LocalDate(2026, 2, 20), "RTN-1", "Finance Han", true, 1),
            new(3, 13, organization, "Other project", new Krw(20_000), ReturnStatus.Recorded, confirmedAt, new LocalDate(2026, 2, 21), "RTN-2", "Finance Seo", false, 1),
        ];
        SignInAs("finance-1", Roles.Finance);

        var list = Render<ReceivableList>(p => p.Add(c => c.Receivables, receivables));

        Assert.NotNull(list.Find("[data-testid=receivable-record-1]"));
        Assert.Empty(list.FindAll("[data-testid=receivable-confirm-2]"));
        Assert.Contains("another finance user confirms", list.Find("[data-testid=own-receivable-2]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.Find("[data-testid=receivable-confirm-3]"));
        Assert.Contains("/awards/11", list.Markup, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        useCases.Dispose();
    }

    private static ReportDraft Form(params SpendingLineDraft[] lines) => new() { SpendingLines = [.. lines] };

    private static SpendingLineDraft Line(int id, string item, long grant, long own) => new()
    {
        SpendingLineId = id, Category = BudgetCategory.Venue, Item = item, Budgeted = new Krw(grant), Spent = new Krw(grant), OwnSpent = new Krw(own),
    };

    private static ReportView View(ReportDraft form, bool canEdit) => new(
        5, 9, ReportKind.Final, canEdit ? ReportStatus.Draft : ReportStatus.Submitted, new LocalDate(2026, 12, 10), "Young defenders academy",
        new OrganizationName("열린문", "Open Doors Korea"), "NKHR", 2026, new Krw(50_000_000), 3, form, null, null, null, 0, [], [], [], canEdit, false,
        SpendingBaseline.For(ReportKind.Final, null, null, new LocalDate(2026, 12, 10)), true, new Krw(1_000_000));
}
