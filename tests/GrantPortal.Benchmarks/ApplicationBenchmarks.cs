using System.Diagnostics;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Applications;
using GrantPortal.Core.Forms;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Money;
using GrantPortal.Core.Notifications;
using GrantPortal.Core.Organizations;
using GrantPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.Benchmarks;

/// <summary>The applications' figures: a deadline burst of submissions, and the officer's intake list over a large call.</summary>
internal static class ApplicationBenchmarks
{
    private static readonly SystemClock Clock = SystemClock.Instance;

    /// <summary>
    /// 500 applicants submit complete applications in the last minute before the deadline, with up to 50 requests
    /// in flight and every tenth applicant double-clicking. Proves no submission is lost or duplicated.
    /// </summary>
    public static async Task<int> DeadlineBurstAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var applicants = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var (callId, drafts) = await PrepareDraftsAsync(host.DbFactory, applicants);
        var service = host.Services.GetRequiredService<SubmitApplication>();

        using var inFlight = new SemaphoreSlim(50);
        var latencies = new List<double>(applicants * 2);
        var receipts = new List<(int ApplicationId, string? Receipt)>(applicants * 2);
        var started = Stopwatch.GetTimestamp();
        var requests = drafts.SelectMany(d => d.ApplicationId % 10 == 0 ? [d, d] : new[] { d }).Select(async draft =>
        {
            await inFlight.WaitAsync();
            try
            {
                var begin = Stopwatch.GetTimestamp();
                var result = await service.SubmitAsync(draft.User, draft.ApplicationId);
                var elapsed = Measure.Milliseconds(begin);
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    receipts.Add((draft.ApplicationId, result.Value?.ReceiptNumber));
                }
            }
            finally
            {
                inFlight.Release();
            }
        });
        await Task.WhenAll(requests);
        var totalSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Each submission recorded its confirmation in the outbox; the outbox job sends them after the burst.
        await host.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

        await using var db = await host.DbFactory.CreateDbContextAsync();
        var submitted = await db.Applications.CountAsync(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted);
        var distinctReceipts = await db.Applications.Where(a => a.CallId == callId && a.ReceiptNumber != null).Select(a => a.ReceiptNumber).Distinct().CountAsync();
        var failedRequests = receipts.Count(r => r.Receipt is null);
        var inconsistentDoubleClicks = receipts.GroupBy(r => r.ApplicationId).Count(g => g.Select(r => r.Receipt).Distinct().Count() > 1);
        var mails = Directory.Exists(host.MailFolder) ? Directory.GetFiles(host.MailFolder, "*.eml").Length : 0;
        latencies.Sort();

        Console.WriteLine("| provider | applicants | requests | submissions/s | p50 | p95 | max | peak memory | submitted | distinct receipts | lost | duplicated | confirmation mails |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(
            $"| {host.Provider} | {applicants} | {latencies.Count} | {applicants / totalSeconds:0.0} | {Measure.Ms(Measure.Percentile(latencies, 50))} | " +
            $"{Measure.Ms(Measure.Percentile(latencies, 95))} | {Measure.Ms(latencies[^1])} | {Measure.PeakMemory()} | {submitted} | {distinctReceipts} | " +
            $"{applicants - submitted} | {submitted - distinctReceipts + inconsistentDoubleClicks} | {mails} |");
        var portalOk = submitted == applicants && distinctReceipts == applicants && failedRequests == 0 && inconsistentDoubleClicks == 0 && mails == applicants;

        // The floor, in the same process and run: a second call's drafts written as bare SQL with the same concurrency.
        var (floorCallId, floorDrafts) = await PrepareDraftsAsync(host.DbFactory, applicants, FloorCallCode, offset: 1_000_000);
        var floor = await BareSqlFloor.RunAsync(host.Provider, host.ConnectionString, floorCallId, FloorCallCode, floorDrafts, concurrency: 50);
        Console.WriteLine();
        FloorResult.PrintHeader();
        floor.PrintRow(host.Provider, 50);
        Console.WriteLine();
        Console.WriteLine(floor.Ratio(applicants / totalSeconds, Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 95)) +
            $" (the portal also answered {latencies.Count - applicants} double clicks; the floor sends one batch per submission)");
        Console.WriteLine($"load average: {LoadAverage()}");
        return portalOk && floor.Complete ? 0 : 1;
    }

    /// <summary>The code of the call whose drafts the bare-SQL floor submits; its receipts never meet the portal's.</summary>
    internal const string FloorCallCode = "FLOOR";

    /// <summary>The 1, 5 and 15 minute load averages, to mark figures taken on a busy machine.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The officer's first intake page (25 rows, newest first, with counts by status) over 50,000 applications.</summary>
    public static async Task<int> IntakeFirstPageAsync(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "sqlite";
        var total = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        await using var host = await BenchmarkHost.StartAsync(provider);
        var callId = await PrepareSubmittedAsync(host.DbFactory, total);
        await MeasureIntakeAsync(host, callId, total);
        Console.WriteLine($"peak memory: {Measure.PeakMemory()}");
        return 0;
    }

    /// <summary>The intake list's first page three ways (plain, filtered, searched), 40 runs each after a warm-up, as Markdown rows.</summary>
    internal static async Task MeasureIntakeAsync(BenchmarkHost host, int callId, int total)
    {
        var service = host.Services.GetRequiredService<ApplicationIntake>();
        var officer = new CurrentUser("bench-officer", "Officer", null, new HashSet<string> { Roles.ProgramOfficer });

        var queries = new (string Name, ApplicationQuery Query)[]
        {
            ("first page, newest first", new ApplicationQuery { CallId = callId }),
            ("filtered by status", new ApplicationQuery { CallId = callId, Status = ApplicationStatus.Submitted }),
            ("title search", new ApplicationQuery { CallId = callId, TitleSearch = "인권" }),
        };
        Console.WriteLine("| provider | applications | query | p50 | p95 | SQL commands per page | rows | total |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, query) in queries)
        {
            await service.SearchAsync(officer, query);
            var latencies = new List<double>();
            long commands = 0;
            IntakePage? page = null;
            for (var i = 0; i < 40; i++)
            {
                host.Commands.Reset();
                var begin = Stopwatch.GetTimestamp();
                page = await service.SearchAsync(officer, query);
                latencies.Add(Measure.Milliseconds(begin));
                commands = host.Commands.Count;
            }

            latencies.Sort();
            Console.WriteLine(
                $"| {host.Provider} | {total} | {name} | {Measure.Ms(Measure.Percentile(latencies, 50))} | {Measure.Ms(Measure.Percentile(latencies, 95))} | " +
                $"{commands} | {page!.Rows.Count} | {page.TotalCount} |");
        }

    }

    internal sealed record Draft(int ApplicationId, CurrentUser User);

    /// <summary>
    /// A new open call (code <paramref name="code"/>) and <paramref name="applicants"/> verified organizations, each with an
    /// account and a complete draft ready to submit. <paramref name="offset"/> keeps a second set's organizations and accounts apart.
    /// </summary>
    internal static async Task<(int CallId, List<Draft> Drafts)> PrepareDraftsAsync(IDbContextFactory<PortalDbContext> dbFactory, int applicants, string code = "BNCH", int offset = 0)
    {
        var now = Clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync();
        var call = await CreateOpenCallAsync(db, now, code);
        var organizations = Enumerable.Range(offset + 1, applicants).Select(i => NewOrganization(i, now)).ToList();
        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync();

        // Real accounts, so each confirmation mail has an address and a language.
        db.Users.AddRange(organizations.Select((o, i) => new PortalUser
        {
            Id = $"bench-user-{offset + i}",
            UserName = $"applicant{offset + i}@bench.example",
            NormalizedUserName = $"APPLICANT{offset + i}@BENCH.EXAMPLE",
            Email = $"applicant{offset + i}@bench.example",
            NormalizedEmail = $"APPLICANT{offset + i}@BENCH.EXAMPLE",
            DisplayName = $"신청자 {offset + i}",
            PreferredLanguage = i % 3 == 0 ? Languages.English : Languages.Korean,
            OrganizationId = o.Id,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync();

        var applications = organizations.Select((o, i) => CompleteDraft(call, o.Id, $"bench-user-{offset + i}", i, now)).ToList();
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        var drafts = applications.Select((a, i) => new Draft(a.Id, new CurrentUser($"bench-user-{offset + i}", $"Applicant {offset + i}", a.OrganizationId, new HashSet<string> { Roles.Applicant }))).ToList();
        return (call.Id, drafts);
    }

    /// <summary>A draft with every answer the default form asks, a budget within the call's limits and the declaration accepted.</summary>
    internal static Application CompleteDraft(Call call, int organizationId, string userId, int i, Instant now)
    {
        var year = Seoul.ToLocal(now).Year;
        var application = Application.StartDraft(call, organizationId, userId, now);
        application.ProjectTitle = $"북한인권 기록 역량강화 사업 {i}";
        application.Summary = "탈북민 증언 기록과 청년 활동가 교육을 함께 진행합니다.";
        application.Answers[DefaultForm.Objectives] = "증언 기록 100건, 청년 활동가 30명 양성";
        application.Answers[DefaultForm.Activities] = "워크숍 6회, 기록 인터뷰, 결과 보고서 발간";
        application.Answers[DefaultForm.Beneficiaries] = "청년 활동가, 탈북민";
        application.StartDate = new LocalDate(year, 1, 1).PlusMonths(1);
        application.EndDate = new LocalDate(year, 12, 1);
        application.Category = ProjectCategories.CapacityBuilding;
        application.DeclarationAccepted = true;
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "워크숍 운영", Amount = new Krw(30_000_000), Justification = "6회 × 500만 원" });
        application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Publication, Item = "보고서 발간", Amount = new Krw(10_000_000), Justification = "500부" });
        return application;
    }

    /// <summary>
    /// <paramref name="total"/> submitted applications from 2,000 organizations in one call; with a
    /// <paramref name="form"/>, the call asks it and every application answers every question.
    /// </summary>
    internal static async Task<int> PrepareSubmittedAsync(IDbContextFactory<PortalDbContext> dbFactory, int total, FormDefinition? form = null)
    {
        var now = Clock.GetCurrentInstant();
        int callId;
        int? formVersionId = null;
        List<int> organizationIds;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var call = await CreateOpenCallAsync(db, now);
            callId = call.Id;
            if (form is not null)
            {
                var version = new ApplicationFormVersion { CallId = call.Id, Stage = FormStage.Full, Number = 1, Definition = form, SavedAt = now, SavedById = "bench-officer" };
                db.ApplicationFormVersions.Add(version);
                await db.SaveChangesAsync();
                formVersionId = version.Id;
            }

            var organizations = Enumerable.Range(1, 2_000).Select(i => NewOrganization(i, now)).ToList();
            db.Organizations.AddRange(organizations);
            await db.SaveChangesAsync();
            organizationIds = organizations.Select(o => o.Id).ToList();
        }

        string[] themes = ["인권 기록", "청년 활동가 역량강화", "오페라 공연", "다큐멘터리 영화", "연극", "국제 학술회의", "증언 아카이브"];
        for (var batchStart = 0; batchStart < total; batchStart += 5_000)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            for (var i = batchStart; i < Math.Min(total, batchStart + 5_000); i++)
            {
                var application = Application.StartDraft(call, organizationIds[i % organizationIds.Count], "bench", now, formVersionId);
                if (form is not null)
                {
                    application.Answers = BenchmarkForms.Answers(form, i);
                }

                application.ProjectTitle = $"{themes[i % themes.Length]} 사업 {i}";
                application.Category = ProjectCategories.CapacityBuilding;
                application.BudgetLines.Add(new BudgetLine { Category = BudgetCategory.Activities, Item = "활동", Amount = new Krw(10_000_000 + (i % 40) * 1_000_000) });
                application.Submit($"{Seoul.ToLocal(now).Year}-BNCH-{i + 1:00000}", now - Duration.FromSeconds(total - i));
                db.Applications.Add(application);
            }

            await db.SaveChangesAsync();
        }

        return callId;
    }

    internal static async Task<Call> CreateOpenCallAsync(PortalDbContext db, Instant now, string code = "BNCH")
    {
        // A second call of the same run (the bare-SQL floor's) shares the year's budget.
        var yearNumber = Seoul.ToLocal(now).Year;
        var year = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == yearNumber);
        if (year is null)
        {
            year = BudgetYear.Open(yearNumber, new Krw(100_000_000_000));
            db.BudgetYears.Add(year);
            await db.SaveChangesAsync();
        }

        var call = new Call
        {
            BudgetYearId = year.Id,
            Code = code,
            TitleEnglish = "Benchmark call",
            TitleKorean = "성능 측정 공모",
            Envelope = new Krw(50_000_000_000),
            MinimumRequest = new Krw(5_000_000),
            MaximumRequest = new Krw(100_000_000),
            OpensAt = now - Duration.FromDays(14),
            ClosesAt = now + Duration.FromHours(2),
            ReviewDueOn = Seoul.ToLocal(now).Date.PlusDays(30),
        };
        call.Publish(now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call;
    }

    internal static Organization NewOrganization(int i, Instant now)
    {
        var organization = Organization.Register($"Benchmark Organization {i}", $"성능 측정 단체 {i}", RegistrationNumberCheck.Complete($"9{i:00000000}"), OrganizationType.NonProfitPrivateOrganization, $"담당자 {i}", $"office{i}@bench{i}.example", now);
        organization.Verify("bench-officer", now);
        return organization;
    }
}
