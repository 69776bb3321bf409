using GrantPortal.Core.Accounts;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Reviews;
using GrantPortal.IntegrationTests.Applications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GrantPortal.IntegrationTests.Reviews;

/// <summary>
/// Two submitted applications (Open Doors Korea, with one PDF, and Hana Forum) in a call wanting two reviewers each, and three
/// reviewers: Ahn (culture), Baek (capacity building) and Cho, whose mail is at opendoors.example, so the rules
/// find a conflict between Cho and Open Doors.
/// </summary>
internal sealed class ReviewScenario
{
    private ReviewScenario(ApplicationScenario applications) => Applications = applications;

    public ApplicationScenario Applications { get; }

    public PortalTestHost Host => Applications.Host;

    public int OpenDoorsApplication { get; private set; }

    public int HanaApplication { get; private set; }

    /// <summary>A PDF Open Doors attached, named after itself as applicants often do.</summary>
    public int OpenDoorsAttachment { get; private set; }

    public CurrentUser Officer => Applications.Officer;

    public CurrentUser Ahn { get; } = Reviewer("reviewer-ahn", "Ahn");

    public CurrentUser Baek { get; } = Reviewer("reviewer-baek", "Baek");

    public CurrentUser Cho { get; } = Reviewer("reviewer-cho", "Cho");

    public CurrentUser Finance { get; } = new("finance-1", "Finance", null, new HashSet<string> { Roles.Finance });

    public ReviewQueries Reviews => Host.Services.GetRequiredService<ReviewQueries>();

    public AssignmentQueries Assignments => Host.Services.GetRequiredService<AssignmentQueries>();

    public RankingQueries Ranking => Host.Services.GetRequiredService<RankingQueries>();

    public ReviewerProfileService Profiles => Host.Services.GetRequiredService<ReviewerProfileService>();

    public AssignReviewers AssignReviewers => Host.Services.GetRequiredService<AssignReviewers>();

    public AddReviewer AddReviewer => Host.Services.GetRequiredService<AddReviewer>();

    public RemoveReviewer RemoveReviewer => Host.Services.GetRequiredService<RemoveReviewer>();

    public PinConflict PinConflict => Host.Services.GetRequiredService<PinConflict>();

    public LiftConflict LiftConflict => Host.Services.GetRequiredService<LiftConflict>();

    public DeclareConflict DeclareConflict => Host.Services.GetRequiredService<DeclareConflict>();

    public WithdrawDeclaration WithdrawDeclaration => Host.Services.GetRequiredService<WithdrawDeclaration>();

    public SaveReview SaveReview => Host.Services.GetRequiredService<SaveReview>();

    public SubmitReview SubmitReview => Host.Services.GetRequiredService<SubmitReview>();

    public ReopenReview ReopenReview => Host.Services.GetRequiredService<ReopenReview>();

    public DecideApplication DecideApplication => Host.Services.GetRequiredService<DecideApplication>();

    public static async Task<ReviewScenario> CreateAsync(PortalTestHost host)
    {
        var scenario = new ReviewScenario(await ApplicationScenario.CreateAsync(host));
        var apps = scenario.Applications;
        scenario.OpenDoorsApplication = await apps.CompleteDraftAsync("Young defenders academy");
        var upload = await apps.Uploads.UploadAsync(apps.Applicant, scenario.OpenDoorsApplication, "Open Doors Korea budget.pdf",
            new MemoryStream("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()));
        Assert.True(upload.Succeeded, upload.Message);
        scenario.OpenDoorsAttachment = upload.Value!.Id;
        Assert.True((await apps.Submit.SubmitAsync(apps.Applicant, scenario.OpenDoorsApplication)).Succeeded);
        var started = await apps.StartDraft.StartDraftAsync(apps.OtherApplicant, apps.CallId);
        scenario.HanaApplication = started.Value;
        var view = await apps.Queries.GetAsync(apps.OtherApplicant, scenario.HanaApplication);
        var draft = ApplicationScenario.CompleteDraft("Memory theatre") with { Category = ProjectCategories.CultureAndArts };
        Assert.True((await apps.SaveDraft.SaveDraftAsync(apps.OtherApplicant, scenario.HanaApplication, draft, view!.Version)).Succeeded);
        Assert.True((await apps.Submit.SubmitAsync(apps.OtherApplicant, scenario.HanaApplication)).Succeeded);

        var now = host.Clock.GetCurrentInstant();
        await using var db = await host.CreateDbContextAsync();
        var call = await db.Calls.Include(c => c.Criteria).SingleAsync(c => c.Id == apps.CallId);
        call.ReviewersPerApplication = 2;
        call.Criteria.Add(new RubricCriterion { Order = 1, NameEnglish = "Relevance", NameKorean = "타당성", Weight = 2m, ScaleMinimum = 1, ScaleMaximum = 5 });
        call.Criteria.Add(new RubricCriterion { Order = 2, NameEnglish = "Budget", NameKorean = "예산", Weight = 1m, ScaleMinimum = 1, ScaleMaximum = 5 });
        var roleId = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleAsync();
        foreach (var (user, email, expertise) in new[]
        {
            (scenario.Ahn, "ahn@university.example", ProjectCategories.CultureAndArts),
            (scenario.Baek, "baek@institute.example", ProjectCategories.CapacityBuilding),
            (scenario.Cho, "cho@opendoors.example", ProjectCategories.CapacityBuilding),
        })
        {
            db.Users.Add(new PortalUser
            {
                Id = user.UserId,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = user.Name,
                CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.UserId, RoleId = roleId });
            db.ReviewerProfiles.Add(new ReviewerProfile { UserId = user.UserId, Expertise = expertise });
        }

        await db.SaveChangesAsync();
        return scenario;
    }

    public static ScoreForm Complete(ScoringView view, decimal relevance, decimal budget, ReviewRecommendation recommendation = ReviewRecommendation.Fund)
    {
        var form = view.Form with { Criteria = view.Form.Criteria.Select(c => c with { }).ToList() };
        form.Criteria[0].Score = relevance;
        form.Criteria[0].Comment = "Relevant to the call.";
        form.Criteria[1].Score = budget;
        form.Criteria[1].Comment = "Costs are explained.";
        form.OverallComment = "A sound proposal.";
        form.Recommendation = recommendation;
        return form;
    }

    /// <summary>The assignment of <paramref name="reviewer"/> to <paramref name="applicationId"/>, if any.</summary>
    public async Task<int?> AssignmentOfAsync(CurrentUser reviewer, int applicationId)
    {
        await using var db = await Host.CreateDbContextAsync();
        return await db.ReviewAssignments.Where(a => a.ReviewerId == reviewer.UserId && a.ApplicationId == applicationId).Select(a => (int?)a.Id).SingleOrDefaultAsync();
    }

    private static CurrentUser Reviewer(string id, string name) => new(id, name, null, new HashSet<string> { Roles.Reviewer });
}
