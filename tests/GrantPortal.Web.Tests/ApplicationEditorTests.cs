using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Web.Features.Applications;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class ApplicationEditorTests : PortalComponentTest
{
    private readonly List<(ApplicationDraft Form, int Version)> saves = [];

    [Fact]
    public void Validation_messages_render_per_field()
    {
        var editor = RenderEditor(submit: () => Task.FromResult<Result<SubmissionReceipt>>(Result.Invalid(
        [
            new FieldError(nameof(ApplicationDraft.ProjectTitle), "Enter the project title."),
            new FieldError(nameof(ApplicationDraft.Summary), "Enter a summary of the project."),
            new FieldError(nameof(ApplicationDraft.BudgetLines), "Add at least one budget line."),
            new FieldError(nameof(ApplicationDraft.DeclarationAccepted), "Confirm the declaration before submitting."),
            new FieldError("Deadline", "The deadline for this call has passed: applications closed at 2026-03-10 18:00 KST."),
        ])));

        editor.Find("[data-testid=submit]").Click();

        Assert.Contains("5 item(s) need attention", editor.Find("[data-testid=submit-errors]").TextContent, StringComparison.Ordinal);
        var fieldErrors = editor.FindAll(".mud-input-helper-text").Select(e => e.TextContent).ToList();
        Assert.Contains(fieldErrors, t => t.Contains("Enter the project title.", StringComparison.Ordinal));
        Assert.Contains(fieldErrors, t => t.Contains("Enter a summary of the project.", StringComparison.Ordinal));
        Assert.Contains("Add at least one budget line.", editor.Find("[data-testid=error-BudgetLines]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Confirm the declaration", editor.Find("[data-testid=error-DeclarationAccepted]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-03-10 18:00 KST", editor.Find("[data-testid=error-Deadline]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Autosave_indicator_shows_saved_at_after_leaving_a_field()
    {
        var editor = RenderEditor();
        var title = editor.FindAll("input")[0];

        title.Input("Young defenders academy");
        editor.FindAll("input")[0].Blur();

        // The clock stands at 2026-03-01 00:00 UTC, which is 09:00:00 in Seoul.
        editor.WaitForAssertion(() => Assert.Equal("Saved at 09:00:00", editor.Find("[data-testid=saved-at]").TextContent.Trim()));
        var (form, version) = Assert.Single(saves);
        Assert.Equal("Young defenders academy", form.ProjectTitle);
        Assert.Equal(3, version);
    }

    [Fact]
    public void Autosave_runs_after_a_pause_in_typing()
    {
        var editor = RenderEditor(delay: TimeSpan.FromMilliseconds(400));

        editor.FindAll("input")[0].Input("Y");
        editor.FindAll("input")[0].Input("Young");

        editor.WaitForAssertion(() => Assert.Contains("Saved at", editor.Find("[data-testid=saved-at]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Equal("Young", Assert.Single(saves).Form.ProjectTitle);
    }

    [Fact]
    public void Stale_save_shows_the_message_and_keeps_the_text()
    {
        var editor = RenderEditor(save: (_, _) => Task.FromResult<Result<DraftSaved>>(
            Result.Conflict("This draft was saved from another tab or by a colleague after you opened it.")));

        editor.FindAll("input")[0].Input("My careful wording");
        editor.FindAll("input")[0].Blur();

        editor.WaitForAssertion(() => Assert.Contains("another tab", editor.Find("[data-testid=save-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("My careful wording", editor.FindAll("input")[0].GetAttribute("value"));
        Assert.True(editor.Find("[data-testid=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Requested_total_is_checked_against_the_calls_limits()
    {
        var view = View() with { Form = new ApplicationDraft { BudgetLines = [new BudgetLineDraft { Item = "Trainers", Amount = new Krw(5_000_000) }] } };

        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, view)
            .Add(c => c.SaveDraft, SaveAsync)
            .Add(c => c.SubmitDraft, () => Submitted("x")));

        var total = editor.Find("[data-testid=requested-total]");
        Assert.Contains("₩5,000,000", total.TextContent, StringComparison.Ordinal);
        Assert.Contains("₩10,000,000 to ₩100,000,000", total.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-error-text", total.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_amount_is_refused_in_its_field_with_the_reason_and_never_saved()
    {
        var view = View() with { Form = new ApplicationDraft { ProjectTitle = "Academy", BudgetLines = [new BudgetLineDraft { Item = "Trainers", Amount = new Krw(2_000_000) }] } };
        var submitted = false;
        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, view)
            .Add(c => c.SaveDraft, SaveAsync)
            .Add(c => c.SubmitDraft, () => { submitted = true; return Submitted("x"); })
            .Add(c => c.AutosaveDelay, TimeSpan.FromMinutes(5)));

        editor.Find("input[data-testid=budget-amount-1]").Input("-500,000");
        editor.Find("[data-testid=submit]").Click();

        // The typed text stays for the person to correct; the line keeps its last amount, and nothing is submitted.
        var field = editor.Find("input[data-testid=budget-amount-1]");
        Assert.Equal("-500,000", field.GetAttribute("value"));
        Assert.Contains("cannot be negative", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("Correct the marked amount", editor.Find("[data-testid=submit-errors]").TextContent, StringComparison.Ordinal);
        Assert.False(submitted);
        Assert.All(saves, s => Assert.Equal(new Krw(2_000_000), s.Form.BudgetLines[0].Amount));

        editor.Find("input[data-testid=budget-amount-1]").Input("500000");

        Assert.DoesNotContain("cannot be negative", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_are_grouped_by_thousands_as_they_are_typed()
    {
        var view = View() with { Form = new ApplicationDraft { BudgetLines = [new BudgetLineDraft { Item = "Trainers" }] } };
        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, view)
            .Add(c => c.SaveDraft, SaveAsync)
            .Add(c => c.SubmitDraft, () => Submitted("x")));

        editor.Find("input[data-testid=budget-amount-1]").Input("12500000");

        Assert.Equal("12,500,000", editor.Find("input[data-testid=budget-amount-1]").GetAttribute("value"));
        Assert.Contains("₩12,500,000", editor.Find("[data-testid=requested-total]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_fields_say_their_format_in_either_language()
    {
        var english = RenderEditor();
        Assert.Contains("Format yyyy-mm-dd, e.g. 2026-05-01", english.Markup, StringComparison.Ordinal);
        Assert.Equal(2, english.FindAll("input[placeholder=yyyy-mm-dd]").Count);

        UseLanguage("ko");
        var korean = RenderEditor();
        Assert.Contains("형식: YYYY-MM-DD (예: 2026-05-01)", korean.Markup, StringComparison.Ordinal);
        Assert.Equal(2, korean.FindAll("input[placeholder=YYYY-MM-DD]").Count);
    }

    [Fact]
    public void A_draft_of_a_closed_call_offers_no_submit_and_says_when_it_closed()
    {
        Clock.Reset(Instant.FromUtc(2026, 3, 10, 9, 0, 1));

        var editor = RenderEditor();

        Assert.Empty(editor.FindAll("[data-testid=submit]"));
        Assert.Equal("This call closed at 2026-03-10 18:00 KST. Your draft is kept, but it can no longer be submitted.", editor.Find("[data-testid=call-closed]").TextContent);
    }

    [Fact]
    public void A_refusal_for_the_deadline_takes_the_submit_button_away()
    {
        var editor = RenderEditor(submit: () => Task.FromResult<Result<SubmissionReceipt>>(
            Result.Invalid("Deadline", "The deadline for this call has passed: applications closed at 2026-03-05 18:00 KST.")));

        editor.Find("[data-testid=submit]").Click();

        Assert.Contains("2026-03-05 18:00 KST", editor.Find("[data-testid=error-Deadline]").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[data-testid=submit]"));
    }

    [Fact]
    public void An_uploaded_file_is_listed_once_with_its_remove_button()
    {
        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, View())
            .Add(c => c.SaveDraft, SaveAsync)
            .Add(c => c.SubmitDraft, () => Submitted("x"))
            .Add(c => c.Upload, (file, _) => Task.FromResult(Result.Done(
                new AttachmentView(5, file.Name, AttachmentKind.Pdf, file.Size, "hash", Clock.GetCurrentInstant())))));

        editor.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.4", "project-plan.pdf"));

        editor.WaitForAssertion(() => Assert.Single(editor.FindAll("[data-testid=attachment]")));
        Assert.Single(editor.FindAll("[data-testid=attachment] button[aria-label]"));
        Assert.Equal(1, CountOccurrences(editor.Find("section[aria-labelledby=attachments-heading]").TextContent, "project-plan.pdf"));
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    [Fact]
    public void Korean_form_shows_the_total_and_the_calls_limits_in_korean_units()
    {
        UseLanguage("ko");
        var view = View() with { Form = new ApplicationDraft { BudgetLines = [new BudgetLineDraft { Item = "강사비", Amount = new Krw(45_000_000) }] } };

        var editor = Render<ApplicationEditor>(p => p
            .Add(c => c.View, view)
            .Add(c => c.SaveDraft, SaveAsync)
            .Add(c => c.SubmitDraft, () => Submitted("x")));

        var total = editor.Find("[data-testid=requested-total]").TextContent;
        Assert.Contains("4,500만 원", total, StringComparison.Ordinal);
        Assert.Contains("허용 범위 1,000만 원 ~ 1억 원", total, StringComparison.Ordinal);
        Assert.DoesNotContain("₩", total, StringComparison.Ordinal);
    }

    private IRenderedComponent<ApplicationEditor> RenderEditor(
        Func<ApplicationDraft, int, Task<Result<DraftSaved>>>? save = null,
        Func<Task<Result<SubmissionReceipt>>>? submit = null,
        TimeSpan? delay = null) =>
        Render<ApplicationEditor>(p => p
            .Add(c => c.View, View())
            .Add(c => c.SaveDraft, save ?? SaveAsync)
            .Add(c => c.SubmitDraft, submit ?? (() => Submitted("2026-NKHR-0001")))
            .Add(c => c.AutosaveDelay, delay ?? TimeSpan.FromMinutes(5)));

    private Task<Result<DraftSaved>> SaveAsync(ApplicationDraft form, int version)
    {
        saves.Add((form, version));
        return Task.FromResult(Result.Done(new DraftSaved(version + 1, Clock.GetCurrentInstant())));
    }

    private static Task<Result<SubmissionReceipt>> Submitted(string receipt) =>
        Task.FromResult(Result.Done(new SubmissionReceipt(receipt, AlreadySubmitted: false)));

    private static ApplicationView View() => new(
        Id: 7,
        CallId: 1,
        CallCode: "NKHR",
        CallTitleEnglish: "North Korean human rights 2026",
        CallTitleKorean: "2026 북한인권 증진 사업",
        CallClosesAt: Instant.FromUtc(2026, 3, 10, 9, 0),
        CallCategories: ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
        CallMinimumRequest: new Krw(10_000_000),
        CallMaximumRequest: new Krw(100_000_000),
        BudgetYear: 2026,
        OrganizationId: 1,
        OrganizationName: new OrganizationName("열린문", "Open Doors Korea"),
        Status: ApplicationStatus.Draft,
        ReceiptNumber: null,
        SubmittedAt: null,
        LastSavedAt: Instant.FromUtc(2026, 2, 28, 0, 0),
        WithdrawalReason: null,
        Version: 3,
        Form: new ApplicationDraft(),
        Attachments: [],
        CanEdit: true,
        CanWithdraw: false);
}
