using System.Globalization;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Kernel;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Core.Tests.Applications;

/// <summary>The rules of a request for more information that hold before any database is asked.</summary>
public sealed class InformationRequestRuleTests
{
    private static readonly Instant Now = Seoul.ToInstant(new LocalDateTime(2026, 3, 20, 10, 0));
    private static readonly LocalDate Today = new(2026, 3, 20);
    private static readonly IStringLocalizer<Strings> Resources =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly CurrentUser Officer = new("officer-1", "Officer Park", null, new HashSet<string> { Roles.ProgramOfficer });

    private static readonly FormDefinition Form = new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "plan",
                Questions =
                [
                    new Question { Key = "safety", Type = QuestionType.LongText, Required = true, MinLength = 10, MaxLength = 50, LabelEnglish = "Safety plan", LabelKorean = "안전 계획" },
                    new Question { Key = "staff", Type = QuestionType.WholeNumber, Minimum = 1, Maximum = 20, LabelEnglish = "Staff", LabelKorean = "인원" },
                ],
            },
        ],
    };

    private readonly RequestMoreInformation requests = new(
        new UnusedDatabase(), new FakeClock(Now), new KeyLocalizer(), new OrganizationMail(new FakeClock(Now)),
        new PortalLinks(Options.Create(new ReminderOptions())), NullLogger<RequestMoreInformation>.Instance);

    [Fact]
    public async Task Request_without_a_message_is_refused_on_the_message()
    {
        var result = await requests.RequestAsync(Officer, 1, new InformationRequestForm { Message = "  ", QuestionKeys = ["safety"], DueOn = Today.PlusDays(7) });

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal([nameof(InformationRequestForm.Message)], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Request_that_reopens_nothing_is_refused()
    {
        var result = await requests.RequestAsync(Officer, 1, new InformationRequestForm { Message = "Please explain.", QuestionKeys = [], DueOn = Today.PlusDays(7) });

        Assert.Equal([nameof(InformationRequestForm.QuestionKeys)], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(InformationRequestRules.MaxDueDays, true)]
    [InlineData(InformationRequestRules.MaxDueDays + 1, false)]
    public async Task Due_date_must_be_after_today_and_within_thirty_days(int days, bool accepted)
    {
        var form = new InformationRequestForm { Message = "Please explain.", QuestionKeys = ["safety"], DueOn = Today.PlusDays(days) };

        // An accepted form goes on to the database, which this test does not have.
        var reachedDatabase = await Record.ExceptionAsync(() => requests.RequestAsync(Officer, 1, form)) is InvalidOperationException;

        Assert.Equal(accepted, reachedDatabase);
        if (!accepted)
        {
            var result = await requests.RequestAsync(Officer, 1, form);
            Assert.Equal([nameof(InformationRequestForm.DueOn)], result.Errors.Select(e => e.Field));
        }
    }

    [Fact]
    public async Task Only_program_officers_may_request_more_information()
    {
        var applicant = new CurrentUser("applicant-1", "Kim", 7, new HashSet<string> { Roles.Applicant });

        var result = await requests.RequestAsync(applicant, 1, new InformationRequestForm { Message = "x", QuestionKeys = ["safety"], DueOn = Today.PlusDays(3) });

        Assert.Equal(Outcome.NotFound, result.Outcome);
    }

    [Fact]
    public void Reopenable_are_the_built_in_fields_then_the_form_then_answers_to_removed_questions()
    {
        var answers = new Dictionary<string, string> { ["safety"] = "A plan", ["old-question"] = "kept" };

        var keys = InformationRequestRules.Reopenable(Form, answers).Select(i => i.Key);

        Assert.Equal([.. ReopenableFields.All, "safety", "staff", "old-question"], keys);
    }

    [Theory]
    [InlineData("ProjectTitle", ReopenableFields.ProjectTitle)]
    [InlineData("StartDate", ReopenableFields.ProjectDates)]
    [InlineData("EndDate", ReopenableFields.ProjectDates)]
    [InlineData("BudgetLines[2].Item", ReopenableFields.BudgetLines)]
    [InlineData("DeclarationAccepted", null)]
    [InlineData("Category", null)]
    public void A_submission_error_belongs_to_the_field_that_reopens_it(string errorField, string? reopenable) =>
        Assert.Equal(reopenable, ReopenableFields.Of(errorField));

    [Fact]
    public void A_draft_cannot_be_asked_for_more_information()
    {
        var draft = Application.StartDraft(NewCall(), 1, "applicant-1", Now);

        Assert.Throws<InvalidOperationException>(() => InformationRequest.Open(draft, "Why?", ["Summary"], Today.PlusDays(3), Officer, Now));
    }

    [Fact]
    public void The_request_keeps_what_the_application_said_before_and_after()
    {
        var application = Submitted();
        var request = InformationRequest.Open(application, " Explain the safety plan. ", ["safety", "safety"], Today.PlusDays(3), Officer, Now);
        application.Answers = new Dictionary<string, string>(application.Answers) { ["safety"] = "Escorts on every trip." };
        request.Answer(application, "applicant-1", Now + Duration.FromDays(1));

        Assert.Equal("Explain the safety plan.", request.Message);
        Assert.Equal(["safety"], request.QuestionKeys);
        Assert.Equal("Buddy system.", request.Before.Answers["safety"]);
        Assert.Equal("Escorts on every trip.", request.After.Answers["safety"]);
        Assert.Equal("2026-04-01", request.Before.StartDate);
        Assert.False(request.IsOpen);
        Assert.Throws<InvalidOperationException>(() => request.Answer(application, "applicant-1", Now));
    }

    [Theory]
    [InlineData("ko", "안전 계획", "인원")]
    [InlineData("en", "Safety plan", "Staff")]
    public void A_reopened_answer_over_its_limit_reads_exactly_as_at_submission(string language, string safetyLabel, string staffLabel)
    {
        var application = Submitted();
        application.Answers = new Dictionary<string, string> { ["safety"] = new string('가', 51), ["staff"] = "21" };
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var atSubmission = AnswerRules.Validate(Form, application.Answers, new Dictionary<string, int>(), language, Resources);
            var atResubmission = InformationRequestRules.CheckReopened(Form, application, ["safety", "staff"], language, Resources);

            Assert.Equal(atSubmission, atResubmission);
            Assert.Equal(["Answers[safety]", "Answers[staff]"], atResubmission.Select(e => e.Field));
            Assert.Contains(safetyLabel, atResubmission[0].Message, StringComparison.Ordinal);
            Assert.Contains("50", atResubmission[0].Message, StringComparison.Ordinal);
            Assert.Contains(staffLabel, atResubmission[1].Message, StringComparison.Ordinal);
            Assert.Contains("20", atResubmission[1].Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Only_the_reopened_questions_are_held_against_the_resubmission()
    {
        var application = Submitted();
        application.Answers = new Dictionary<string, string> { ["safety"] = "too short", ["staff"] = "21" };

        var errors = InformationRequestRules.CheckReopened(Form, application, ["staff"], Languages.English, new KeyLocalizer());

        Assert.Equal(["Answers[staff]"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0, "Answers_FileRequired")]
    [InlineData(1, null)]
    [InlineData(2, "Answers_TooManyFiles")]
    public void A_reopened_file_question_counts_its_own_files_as_at_submission(int files, string? error)
    {
        var letter = new Question { Key = "letter", Type = QuestionType.File, Required = true, MaxFiles = 1, LabelEnglish = "Letter", LabelKorean = "추천서" };
        var form = new FormDefinition { Sections = [new FormSection { Key = "files", Questions = [letter] }] };
        var application = Submitted();
        application.Attachments.Add(new Attachment { DisplayName = "general.pdf" });
        for (var i = 0; i < files; i++)
        {
            application.Attachments.Add(new Attachment { DisplayName = $"letter-{i}.pdf", QuestionKey = "letter" });
        }

        var errors = InformationRequestRules.CheckReopened(form, application, ["letter"], Languages.English, new KeyLocalizer());

        Assert.Equal(error, errors.SingleOrDefault()?.Message);
        Assert.Equal(AnswerRules.Validate(form, application.Answers, new Dictionary<string, int> { ["letter"] = files }, Languages.English, new KeyLocalizer()), errors);
    }

    [Fact]
    public void A_file_question_compares_by_its_files_names_before_and_after()
    {
        var letter = new Question { Key = "letter", Type = QuestionType.File, LabelEnglish = "Letter", LabelKorean = "추천서" };
        var application = Submitted();
        application.Attachments.Add(new Attachment { DisplayName = "draft letter.pdf", QuestionKey = "letter" });
        application.Attachments.Add(new Attachment { DisplayName = "budget.xlsx" });
        var request = InformationRequest.Open(application, "Please send the signed letter.", ["letter"], Today.PlusDays(3), Officer, Now);
        application.Attachments.RemoveAt(0);
        application.Attachments.Add(new Attachment { DisplayName = "signed letter.pdf", QuestionKey = "letter" });
        request.Answer(application, "applicant-1", Now);
        var item = new ReopenedItem("letter", letter);

        Assert.Equal("draft letter.pdf", InformationRequestRules.Text(request.Before, item, Languages.English, new KeyLocalizer()));
        Assert.Equal("signed letter.pdf", InformationRequestRules.Text(request.After, item, Languages.English, new KeyLocalizer()));
    }

    private static Application Submitted()
    {
        var application = Application.StartDraft(NewCall(), 1, "applicant-1", Now);
        application.ProjectTitle = "Young defenders academy";
        application.StartDate = new LocalDate(2026, 4, 1);
        application.Answers = new Dictionary<string, string> { ["safety"] = "Buddy system." };
        application.BudgetLines.Add(new BudgetLine { Item = "Trainers", Amount = new Krw(20_000_000) });
        application.Submit("2026-NKHR-0001", Now);
        return application;
    }

    private static Call NewCall() => new()
    {
        Code = "NKHR",
        TitleEnglish = "North Korean human rights 2026",
        TitleKorean = "2026 북한인권 증진 사업",
        OpensAt = Now - Duration.FromDays(30),
        ClosesAt = Now - Duration.FromDays(5),
    };

    private sealed class KeyLocalizer : IStringLocalizer<Strings>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    /// <summary>These rules are checked before the database is opened; opening it answers "not found" by failing loudly.</summary>
    private sealed class UnusedDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("The rules under test must not open the database.");
    }
}
