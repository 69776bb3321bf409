using System.Globalization;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Localization;
using GrantPortal.Core.Money;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GrantPortal.Core.Tests.Applications;

public sealed class TwoStageTests : IDisposable
{
    private static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly Dictionary<string, int> NoFiles = [];

    private static readonly Instant ConceptDeadline = Seoul.ToInstant(new LocalDateTime(2026, 3, 20, 18, 0));

    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    public TwoStageTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => CultureInfo.CurrentUICulture = originalUiCulture;

    private static CallForm TwoStageForm() => new()
    {
        Year = 2026,
        Code = "CULT",
        TitleKorean = "문화예술 2단계 공모",
        TitleEnglish = "Culture, two stages",
        Opens = new LocalDateTime(2026, 3, 2, 9, 0),
        Closes = new LocalDateTime(2026, 4, 30, 18, 0),
        ConceptNoteCloses = new LocalDateTime(2026, 3, 20, 18, 0),
        MinimumRequest = new Krw(10_000_000),
        MaximumRequest = new Krw(100_000_000),
        Envelope = new Krw(300_000_000),
        ReviewDueOn = new LocalDate(2026, 5, 20),
        Criteria = { new CriterionForm { NameKorean = "타당성", NameEnglish = "Relevance" } },
    };

    private static string? DeadlineError(CallForm form) =>
        form.Validate(Localizer).FirstOrDefault(e => e.Field == nameof(CallForm.ConceptNoteCloses))?.Message;

    private static Call Call(Instant now) => new Call
    {
        Code = "CULT",
        OpensAt = Seoul.ToInstant(new LocalDateTime(2026, 3, 2, 9, 0)),
        ConceptNoteClosesAt = ConceptDeadline,
        ClosesAt = Seoul.ToInstant(new LocalDateTime(2026, 4, 30, 18, 0)),
    }.Also(c => c.Publish(now - Duration.FromDays(30)));

    [Fact]
    public void Concept_deadline_between_opening_and_closing_is_valid()
    {
        Assert.Null(DeadlineError(TwoStageForm()));
        Assert.Empty(TwoStageForm().Validate(Localizer));
    }

    [Fact]
    public void One_stage_call_needs_no_concept_deadline() => Assert.Null(DeadlineError(TwoStageForm() with { ConceptNoteCloses = null }));

    [Fact]
    public void Concept_deadline_at_the_opening_is_refused() =>
        Assert.Equal("The concept-note deadline must come after the opening.", DeadlineError(TwoStageForm() with { ConceptNoteCloses = new LocalDateTime(2026, 3, 2, 9, 0) }));

    [Fact]
    public void Concept_deadline_at_the_closing_is_refused() =>
        Assert.Equal("The concept-note deadline must come before the full proposals' deadline.", DeadlineError(TwoStageForm() with { ConceptNoteCloses = new LocalDateTime(2026, 4, 30, 18, 0) }));

    [Fact]
    public void Concept_deadline_outside_the_budget_year_is_refused() =>
        Assert.NotNull(DeadlineError(TwoStageForm() with { ConceptNoteCloses = new LocalDateTime(2025, 12, 31, 18, 0) }));

    [Fact]
    public void Concept_notes_number_in_their_own_series()
    {
        var prefix = TwoStageRules.ReceiptPrefix(2026, "CULT");

        Assert.Equal("2026-CULT-C0001", TwoStageRules.NextReceipt(prefix, null));
        Assert.Equal("2026-CULT-C0042", TwoStageRules.NextReceipt(prefix, "2026-CULT-C0041"));
        Assert.Equal("2026-CULT-C10000", TwoStageRules.NextReceipt(prefix, "2026-CULT-C9999"));

        // A full proposal's receipt never continues the concept-note series, nor shares its numbers.
        Assert.Equal("2026-CULT-C0001", TwoStageRules.NextReceipt(prefix, "2026-CULT-0007"));
        Assert.False("2026-CULT-0001".StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_an_invited_concept_note_leads_to_a_full_proposal()
    {
        var now = ConceptDeadline + Duration.FromDays(3);
        var call = Call(now);

        Assert.Null(TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Submitted, ShortlistDecision.Invited, call, now));
        Assert.Equal("TwoStage_NotInvited", TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Submitted, ShortlistDecision.NotInvited, call, now));
        Assert.Equal("TwoStage_NotDecidedYet", TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Submitted, null, call, now));
        Assert.Equal("TwoStage_NotAConceptNote", TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Draft, null, call, now));
        Assert.Equal("TwoStage_NotAConceptNote", TwoStageRules.WhyNoFullProposal(FormStage.Full, ApplicationStatus.Submitted, ShortlistDecision.Invited, call, now));
    }

    [Fact]
    public void Invited_organization_cannot_start_after_the_full_proposal_deadline()
    {
        var call = Call(ConceptDeadline);

        Assert.Null(TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Submitted, ShortlistDecision.Invited, call, call.ClosesAt));
        Assert.Equal("TwoStage_FullProposalClosed",
            TwoStageRules.WhyNoFullProposal(FormStage.ConceptNote, ApplicationStatus.Submitted, ShortlistDecision.Invited, call, call.ClosesAt + Duration.FromSeconds(1)));
    }

    [Fact]
    public void Concept_notes_never_enter_review_award_or_rejection()
    {
        Assert.True(ApplicationStatusMachine.CanMove(FormStage.ConceptNote, ApplicationStatus.Draft, ApplicationStatus.Submitted));
        Assert.True(ApplicationStatusMachine.CanMove(FormStage.ConceptNote, ApplicationStatus.Submitted, ApplicationStatus.Withdrawn));
        Assert.False(ApplicationStatusMachine.CanMove(FormStage.ConceptNote, ApplicationStatus.Submitted, ApplicationStatus.UnderReview));
        Assert.False(ApplicationStatusMachine.CanMove(FormStage.ConceptNote, ApplicationStatus.Submitted, ApplicationStatus.Rejected));
        Assert.True(ApplicationStatusMachine.CanMove(FormStage.Full, ApplicationStatus.Submitted, ApplicationStatus.UnderReview));
    }

    [Fact]
    public void Concept_note_stage_takes_notes_up_to_its_deadline_only()
    {
        var call = Call(ConceptDeadline);

        Assert.True(call.TakesConceptNotesAt(ConceptDeadline));
        Assert.False(call.TakesConceptNotesAt(ConceptDeadline + Duration.FromSeconds(1)));
        Assert.False(call.TakesConceptNotesAt(call.OpensAt - Duration.FromSeconds(1)));
    }

    [Fact]
    public void New_organizations_find_the_call_closed_after_the_concept_deadline()
    {
        var call = Call(ConceptDeadline);
        var after = ConceptDeadline + Duration.FromMinutes(1);

        Assert.Equal(ApplyStep.Apply, TwoStageApply.Decide(ConceptDeadline, call.OpensAt, ConceptDeadline, call.ClosesAt, ApplyReader.Applicant, VerificationState.Verified, false, false));
        Assert.Equal(ApplyStep.Closed, TwoStageApply.Decide(after, call.OpensAt, ConceptDeadline, call.ClosesAt, ApplyReader.Applicant, VerificationState.Verified, false, false));
        Assert.Equal(ApplyStep.Closed, TwoStageApply.Decide(after, call.OpensAt, ConceptDeadline, call.ClosesAt, ApplyReader.Visitor, null, false, false));
        Assert.Equal(ApplyStep.Apply, TwoStageApply.Decide(after, call.OpensAt, ConceptDeadline, call.ClosesAt, ApplyReader.Applicant, VerificationState.Verified, false, true));
    }

    [Fact]
    public void Concept_note_over_its_character_limit_names_the_question()
    {
        var draft = new ConceptNoteDraft
        {
            ProjectTitle = "연극",
            Summary = "요약",
            Answers = { [ConceptNoteForm.Concept] = new string('가', 1501), [ConceptNoteForm.EstimatedRequest] = "50000000" },
        };

        var errors = TwoStageRules.Validate(draft, ConceptNoteForm.Definition, NoFiles, organizationVerified: true, Localizer);

        var error = Assert.Single(errors);
        Assert.Equal(AnswerRules.Field(ConceptNoteForm.Concept), error.Field);
        Assert.Equal("“Concept” takes at most 1500 characters (now 1501).", error.Message);
        draft.Answers[ConceptNoteForm.Concept] = new string('가', 1500);
        Assert.Empty(TwoStageRules.Validate(draft, ConceptNoteForm.Definition, NoFiles, organizationVerified: true, Localizer));
    }

    [Fact]
    public void Concept_note_questions_of_every_type_are_checked_as_application_answers_are()
    {
        var form = ConceptNoteForm.Definition with
        {
            Sections =
            [
                .. ConceptNoteForm.Definition.Sections,
                new FormSection
                {
                    Key = "more",
                    Questions =
                    [
                        new Question { Key = "audience", Type = QuestionType.WholeNumber, Required = true, Minimum = 10, Maximum = 500, LabelKorean = "관객 수", LabelEnglish = "Audience" },
                        new Question { Key = "letter", Type = QuestionType.File, Required = true, LabelKorean = "추천서", LabelEnglish = "Letter" },
                        new Question { Key = "first_show", Type = QuestionType.Date, LabelKorean = "첫 공연", LabelEnglish = "First show" },
                    ],
                },
            ],
        };
        var draft = new ConceptNoteDraft
        {
            ProjectTitle = "연극",
            Summary = "요약",
            Answers = { [ConceptNoteForm.Concept] = "공연", [ConceptNoteForm.EstimatedRequest] = "50000000", ["audience"] = "501", ["first_show"] = "2026-13-01" },
        };

        var errors = TwoStageRules.Validate(draft, form, NoFiles, organizationVerified: true, Localizer);

        Assert.Equal(["Answers[audience]", "Answers[letter]", "Answers[first_show]"], errors.Select(e => e.Field));
        draft.Answers["audience"] = "500";
        draft.Answers["first_show"] = "2026-05-01";
        Assert.Empty(TwoStageRules.Validate(draft, form, new Dictionary<string, int> { ["letter"] = 1 }, organizationVerified: true, Localizer));
    }

    [Fact]
    public void Default_concept_note_form_can_be_saved_by_the_builder_as_it_stands()
    {
        Assert.Empty(FormDefinitionRules.Validate(ConceptNoteForm.Definition, Localizer));
    }

    [Fact]
    public void Full_proposal_is_prefilled_only_with_answers_its_form_asks_as_the_same_type()
    {
        var concept = new FormDefinition
        {
            Sections =
            [
                new FormSection
                {
                    Key = "c",
                    Questions =
                    [
                        new Question { Key = DefaultForm.Objectives, Type = QuestionType.LongText },
                        new Question { Key = "partners", Type = QuestionType.ShortText },
                        new Question { Key = "letter", Type = QuestionType.File },
                        new Question { Key = ConceptNoteForm.Concept, Type = QuestionType.LongText },
                    ],
                },
            ],
        };
        var full = new FormDefinition
        {
            Sections =
            [
                new FormSection
                {
                    Key = "f",
                    Questions =
                    [
                        new Question { Key = DefaultForm.Objectives, Type = QuestionType.LongText },
                        new Question { Key = "partners", Type = QuestionType.Table },
                        new Question { Key = "letter", Type = QuestionType.File },
                    ],
                },
            ],
        };

        Assert.Equal([DefaultForm.Objectives], TwoStageRules.PrefilledKeys(concept, full));
    }
}

internal static class TestObjectExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
