using Bunit;
using GrantPortal.Core.Applications;
using GrantPortal.Web.Features.Calls;
using NodaTime;

namespace GrantPortal.Web.Tests;

public sealed class TwoStageApplyPanelTests : PortalComponentTest
{
    private static readonly Instant Opens = Instant.FromUtc(2026, 2, 1, 0, 0);
    private static readonly Instant ConceptCloses = Instant.FromUtc(2026, 2, 20, 9, 0);
    private static readonly Instant Closes = Instant.FromUtc(2026, 3, 10, 9, 0);

    [Fact]
    public void Apply_on_a_two_stage_call_starts_a_concept_note()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes) { TwoStage = new TwoStageApply(ConceptCloses) });

        Assert.Equal("/concept-notes/new?call=7", panel.Find("[data-testid=apply]").GetAttribute("href"));
        Assert.Contains("2026-02-20 18:00 KST", panel.Find("[data-testid=concept-deadline]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Invited_organization_is_offered_the_full_proposal()
    {
        var stage = new TwoStageApply(ConceptCloses) { ConceptNoteId = 12, ConceptNoteStatus = ApplicationStatus.Submitted, Decision = ShortlistDecision.Invited };

        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes) { TwoStage = stage });

        Assert.Equal("/concept-notes/12/full-proposal", panel.Find("[data-testid=write-full-proposal]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
    }

    [Fact]
    public void Organization_not_invited_reads_the_reason_and_gets_no_way_to_apply()
    {
        var stage = new TwoStageApply(ConceptCloses)
        {
            ConceptNoteId = 12, ConceptNoteStatus = ApplicationStatus.Submitted, Decision = ShortlistDecision.NotInvited, DecisionReason = "Repeats last year's project.",
        };

        var panel = RenderPanel(new ApplyState(7, ApplyStep.Apply, Opens, Closes) { TwoStage = stage });

        Assert.Contains("Repeats last year's project.", panel.Find("[data-testid=concept-decision]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
        Assert.Empty(panel.FindAll("[data-testid=write-full-proposal]"));
    }

    [Fact]
    public void After_the_concept_deadline_a_new_organization_finds_the_call_closed()
    {
        var panel = RenderPanel(new ApplyState(7, ApplyStep.Closed, Opens, Closes) { TwoStage = new TwoStageApply(ConceptCloses) });

        Assert.Contains("2026-02-20 18:00 KST", panel.Find("[data-testid=apply-closed]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=apply]"));
    }

    private IRenderedComponent<ApplyPanel> RenderPanel(ApplyState state) =>
        Render<ApplyPanel>(p => p.Add(c => c.State, state).Add(c => c.CallTitle, "Culture, two stages"));
}
