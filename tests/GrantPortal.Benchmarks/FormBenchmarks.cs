using System.Diagnostics;
using System.Globalization;
using Bunit;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Money;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Time;
using GrantPortal.Web.Features.Forms;
using GrantPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>
/// A large custom form, as its applicant meets it: opening the draft (Core's query), the first render of the form
/// on the server, and one autosave round trip.
/// </summary>
internal static class FormBenchmarks
{
    public static async Task<int> SixtyQuestionsAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var form = BenchmarkForms.Build(questions, withFiles: true);
        var (applicant, applicationId) = await PrepareDraftAsync(host, form);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Korean);

        Console.WriteLine("| provider | questions | step | p50 | p95 | SQL commands | notes |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");

        // Opening the page: the application with its call, budget, files, indicators and the form version it answers.
        var queries = host.Services.GetRequiredService<ApplicationQueries>();
        var view = await queries.GetAsync(applicant, applicationId) ?? throw new InvalidOperationException("The draft is not visible to its applicant.");
        var (open, openCommands) = await TimeAsync(host, runs, () => queries.GetAsync(applicant, applicationId));
        Console.WriteLine($"| {host.Provider} | {questions} | open the draft (Core query) | {Measure.Ms(Measure.Percentile(open, 50))} | {Measure.Ms(Measure.Percentile(open, 95))} | {openCommands} | form version {view.FormVersionNumber}, {view.Form.Answers.Count} answers |");

        // The first render of the form in a fresh renderer each time, as a new circuit meets it (after one warm-up for the JIT).
        var answers = new Dictionary<string, string>(view.Form.Answers, StringComparer.Ordinal);
        await RenderFormAsync(view.FormDefinition, answers);
        var renders = new List<double>(runs);
        var markup = 0;
        for (var i = 0; i < runs; i++)
        {
            (var elapsed, markup) = await RenderFormAsync(view.FormDefinition, new Dictionary<string, string>(answers, StringComparer.Ordinal));
            renders.Add(elapsed);
        }

        renders.Sort();
        Console.WriteLine($"| {host.Provider} | {questions} | first render of the form (server) | {Measure.Ms(Measure.Percentile(renders, 50))} | {Measure.Ms(Measure.Percentile(renders, 95))} | 0 | {markup / 1024.0:0} KiB of HTML |");

        // Autosave: one answer changed per save, the whole form sent, as the editor does on each pause in typing.
        var drafts = host.Services.GetRequiredService<SaveDraft>();
        var longTexts = view.FormDefinition.Sections.SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.LongText).ToList();
        var draft = view.Form;
        var version = view.Version;
        var saves = new List<double>(runs);
        var commands = new List<long>(runs);
        for (var i = 0; i <= runs; i++)
        {
            var question = longTexts[i % longTexts.Count];
            draft = draft with { Answers = new Dictionary<string, string>(draft.Answers, StringComparer.Ordinal) { [question.Key] = BenchmarkForms.Answer(question, i + 7)! } };
            host.Commands.Reset();
            var begin = Stopwatch.GetTimestamp();
            var saved = await drafts.SaveDraftAsync(applicant, applicationId, draft, version);
            var elapsed = Measure.Milliseconds(begin);
            if (!saved.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Autosave {i} was refused: {saved.Message}");
                return 1;
            }

            version = saved.Value!.Version;
            if (i > 0)
            {
                saves.Add(elapsed);
                commands.Add(host.Commands.Count);
            }
        }

        saves.Sort();
        Console.WriteLine($"| {host.Provider} | {questions} | autosave round trip (Core use case) | {Measure.Ms(Measure.Percentile(saves, 50))} | {Measure.Ms(Measure.Percentile(saves, 95))} | {commands.Min()}–{commands.Max()} | {runs} saves, every one kept |");

        await using var db = await host.DbFactory.CreateDbContextAsync();
        var stored = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => new { a.Version, a.Answers }).SingleAsync();
        var last = longTexts[runs % longTexts.Count];
        Console.WriteLine($"peak memory: {Measure.PeakMemory()}");
        return stored.Version == version && stored.Answers[last.Key] == draft.Answers[last.Key] ? 0 : 1;
    }

    private static async Task<(List<double> Sorted, long Commands)> TimeAsync(BenchmarkHost host, int runs, Func<Task> action)
    {
        var latencies = new List<double>(runs);
        long commands = 0;
        for (var i = 0; i < runs; i++)
        {
            host.Commands.Reset();
            var begin = Stopwatch.GetTimestamp();
            await action();
            latencies.Add(Measure.Milliseconds(begin));
            commands = host.Commands.Count;
        }

        latencies.Sort();
        return (latencies, commands);
    }

    /// <summary>Renders the applicant's form with MudBlazor's services and the portal's resources; the time of the first render.</summary>
    private static async Task<(double Milliseconds, int MarkupLength)> RenderFormAsync(FormDefinition definition, Dictionary<string, string> answers)
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        context.Services.AddSingleton<IClock>(SystemClock.Instance);
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var begin = Stopwatch.GetTimestamp();
        var form = context.Render<FormQuestions>(parameters => parameters
            .Add(p => p.Definition, definition)
            .Add(p => p.Answers, answers)
            .Add(p => p.Language, Languages.Korean));
        var elapsed = Measure.Milliseconds(begin);
        return (elapsed, form.Markup.Length);
    }

    private static async Task<(CurrentUser Applicant, int ApplicationId)> PrepareDraftAsync(BenchmarkHost host, FormDefinition form)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = await host.DbFactory.CreateDbContextAsync();
        var call = await ApplicationBenchmarks.CreateOpenCallAsync(db, now);
        var version = new ApplicationFormVersion { CallId = call.Id, Stage = FormStage.Full, Number = 1, Definition = form, SavedAt = now, SavedById = "bench-officer" };
        db.ApplicationFormVersions.Add(version);
        var organization = ApplicationBenchmarks.NewOrganization(1, now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();

        var year = Seoul.ToLocal(now).Year;
        var draft = Application.StartDraft(call, organization.Id, "bench-user", now, version.Id);
        draft.ProjectTitle = "북한인권 기록 역량강화 사업";
        draft.Summary = "탈북민 증언 기록과 청년 활동가 교육을 함께 진행합니다.";
        draft.StartDate = new LocalDate(year, 1, 1).PlusMonths(1);
        draft.EndDate = new LocalDate(year, 12, 1);
        draft.Category = ProjectCategories.CapacityBuilding;
        draft.Answers = BenchmarkForms.Answers(form, 1);
        draft.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "워크숍 운영", Amount = new Krw(30_000_000), Justification = "6회 × 500만 원" });
        db.Applications.Add(draft);
        await db.SaveChangesAsync();
        return (new CurrentUser("bench-user", "Applicant", organization.Id, new HashSet<string> { Roles.Applicant }), draft.Id);
    }
}
