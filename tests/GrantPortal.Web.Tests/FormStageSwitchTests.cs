using Bunit;
using GrantPortal.Core.Forms;
using GrantPortal.Web.Features.Calls;

namespace GrantPortal.Web.Tests;

public sealed class FormStageSwitchTests : PortalComponentTest
{
    [Fact]
    public void Single_stage_call_offers_no_stage_switch()
    {
        var builder = Render<FormStageSwitch>(p => p.Add(s => s.IsTwoStage, false).Add(s => s.Stage, FormStage.Full));

        Assert.Empty(builder.FindAll("[data-testid=form-stage-switch]"));
    }

    [Fact]
    public void Two_stage_call_shows_which_form_is_edited_and_switches_to_the_other_on_click()
    {
        var chosen = new List<FormStage>();
        var builder = Render<FormStageSwitch>(p => p
            .Add(s => s.IsTwoStage, true)
            .Add(s => s.Stage, FormStage.Full)
            .Add(s => s.StageChanged, stage => chosen.Add(stage)));

        Assert.Equal("true", builder.Find("[data-testid=form-stage-full]").GetAttribute("aria-pressed"));
        Assert.Equal("false", builder.Find("[data-testid=form-stage-concept-note]").GetAttribute("aria-pressed"));
        Assert.Equal("Which form", builder.Find("[data-testid=form-stage-switch]").GetAttribute("aria-label"));

        builder.Find("[data-testid=form-stage-full]").Click();
        builder.Find("[data-testid=form-stage-concept-note]").Click();

        Assert.Equal([FormStage.ConceptNote], chosen);
    }

    [Fact]
    public void Stage_switch_reads_in_korean()
    {
        UseLanguage("ko");
        var builder = Render<FormStageSwitch>(p => p.Add(s => s.IsTwoStage, true).Add(s => s.Stage, FormStage.ConceptNote));

        Assert.Equal("사업 개요서", builder.Find("[data-testid=form-stage-concept-note]").TextContent.Trim());
        Assert.Equal("본 신청서", builder.Find("[data-testid=form-stage-full]").TextContent.Trim());
        Assert.Equal("true", builder.Find("[data-testid=form-stage-concept-note]").GetAttribute("aria-pressed"));
    }
}
