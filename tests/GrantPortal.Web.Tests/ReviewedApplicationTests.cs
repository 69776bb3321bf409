using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Reviews;
using GrantPortal.Web.Features.Reviews;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class ReviewedApplicationTests : PortalComponentTest
{
    private static ScoringView View(bool blind, params ReviewAttachment[] files) => new(
        7,
        42,
        "문화예술 특별공모",
        "Culture and arts call",
        blind,
        blind ? null : new OrganizationName("열린문 코리아", "Open Doors Korea"),
        "Memory theatre",
        "A touring play.",
        ProjectCategories.CultureAndArts,
        new Krw(45_000_000),
        new LocalDate(2026, 4, 1),
        ReviewTaskStatus.NotStarted,
        0,
        null,
        new ScoreForm())
    {
        StartDate = new LocalDate(2026, 5, 1),
        EndDate = new LocalDate(2026, 11, 30),
        BudgetLines =
        [
            new ReviewBudgetLine(BudgetCategory.Personnel, "Actors", new Krw(30_000_000), "Six actors, six months"),
            new ReviewBudgetLine(BudgetCategory.Venue, "Theatres", new Krw(15_000_000), "Four venues"),
        ],
        Attachments = files,
        Questions = DefaultForm.Definition,
        Answers = new Dictionary<string, string>
        {
            [DefaultForm.Objectives] = "Four cities.",
            [DefaultForm.Activities] = "Rehearsals and shows.",
            [DefaultForm.Beneficiaries] = "Young defectors.",
        },
    };

    [Fact]
    public void Reviewer_sees_every_budget_line_with_its_justification_the_total_period_and_category()
    {
        var page = Render<ReviewedApplication>(p => p.Add(c => c.View, View(blind: false)));

        var lines = page.FindAll("[data-testid=review-budget-line]");
        Assert.Equal(2, lines.Count);
        Assert.Contains("Personnel", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Actors", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("₩30,000,000", lines[0].QuerySelector(".krw")!.GetAttribute("title"));
        Assert.Contains("Six actors, six months", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("₩45,000,000", page.Find("[data-testid=review-budget-total] .krw").GetAttribute("title"));
        Assert.Equal("2026-05-01 – 2026-11-30", page.Find("[data-testid=review-period]").TextContent.Trim());
        Assert.Equal("Culture and arts", page.Find("[data-testid=review-category]").TextContent.Trim());
    }

    [Fact]
    public void Attachments_are_download_links_to_the_attachment_endpoint()
    {
        var page = Render<ReviewedApplication>(p => p.Add(c => c.View, View(blind: false, new ReviewAttachment(9, "Open Doors plan.pdf", AttachmentKind.Pdf, 2048))));

        var link = page.Find("[data-testid=review-attachment-9]");
        Assert.Equal("/attachments/9", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal("Open Doors plan.pdf", link.TextContent.Trim());
    }

    [Fact]
    public void Blind_review_lists_files_by_number_and_says_why_in_korean()
    {
        UseLanguage("ko");

        var page = Render<ReviewedApplication>(p => p.Add(c => c.View, View(blind: true, new ReviewAttachment(9, "첨부파일 1(PDF)", AttachmentKind.Pdf, 2048))));

        Assert.Contains("파일명 대신 번호로 표시합니다", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Open Doors", page.Markup, StringComparison.Ordinal);
        Assert.Equal("첨부파일 1(PDF)", page.Find("[data-testid=review-attachment-9]").TextContent.Trim());
    }

    [Fact]
    public void An_application_without_files_says_so()
    {
        var page = Render<ReviewedApplication>(p => p.Add(c => c.View, View(blind: false)));

        Assert.Contains("The applicant attached no files.", page.Find("[data-testid=review-attachments]").TextContent, StringComparison.Ordinal);
    }
}
