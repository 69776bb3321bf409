using System.Text.Json;
using GrantPortal.Core.Accounts;
using GrantPortal.Core.Auditing;
using GrantPortal.Core.Calls;
using GrantPortal.Core.Data;
using GrantPortal.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace GrantPortal.Core.Reviews;

public sealed record AffiliationForm
{
    public string OrganizationName { get; set; } = "";

    public AffiliationKind Kind { get; set; }
}

/// <summary>A reviewer's own profile: the categories they know and the organizations they are tied to.</summary>
public sealed record ReviewerProfileForm
{
    public ProjectCategories Expertise { get; set; }

    public string Biography { get; set; } = "";

    public List<AffiliationForm> Affiliations { get; init; } = [];
}

/// <summary>Reviewers keep their expertise and declared affiliations up to date; conflict detection reads them.</summary>
public sealed class ReviewerProfileService(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    public async Task<ReviewerProfileForm?> GetMineAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.Reviewer))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.ReviewerProfiles.AsNoTracking().Include(p => p.Affiliations).SingleOrDefaultAsync(p => p.UserId == user.UserId, ct);
        return new ReviewerProfileForm
        {
            Expertise = profile?.Expertise ?? ProjectCategories.None,
            Biography = profile?.Biography ?? "",
            Affiliations = profile?.Affiliations.OrderBy(a => a.Id).Select(a => new AffiliationForm { OrganizationName = a.OrganizationName, Kind = a.Kind }).ToList() ?? [],
        };
    }

    public async Task<IReadOnlyList<FieldError>> SaveMineAsync(CurrentUser user, ReviewerProfileForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsIn(Roles.Reviewer))
        {
            return [new FieldError("", localizer["Reviews_NotFound"])];
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < form.Affiliations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(form.Affiliations[i].OrganizationName) || form.Affiliations[i].OrganizationName.Length > 200)
            {
                errors.Add(new FieldError($"Affiliations[{i}].OrganizationName", localizer["Reviews_AffiliationNameRequired"]));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.ReviewerProfiles.Include(p => p.Affiliations).SingleOrDefaultAsync(p => p.UserId == user.UserId, ct);
        if (profile is null)
        {
            profile = new ReviewerProfile { UserId = user.UserId };
            db.ReviewerProfiles.Add(profile);
        }

        var before = JsonSerializer.Serialize(new { Expertise = profile.Expertise.ToString(), Affiliations = profile.Affiliations.Select(a => new { a.OrganizationName, Kind = a.Kind.ToString() }) });
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.NameKorean }).ToListAsync(ct);
        profile.Expertise = form.Expertise & ProjectCategories.All;
        profile.Biography = string.IsNullOrWhiteSpace(form.Biography) ? null : form.Biography.Trim();
        profile.Affiliations.Clear();
        foreach (var input in form.Affiliations)
        {
            var name = input.OrganizationName.Trim();

            // Tie the affiliation to a registered organization when the name is one, so detection survives renames.
            var known = organizations.FirstOrDefault(o =>
                string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(o.NameKorean, name, StringComparison.Ordinal));
            profile.Affiliations.Add(new ReviewerAffiliation { ReviewerId = user.UserId, OrganizationName = name, Kind = input.Kind, OrganizationId = known?.Id });
        }

        db.AuditEvents.Add(AuditEvent.Record(clock.GetCurrentInstant(), user.AsActor(), "reviewer.profile-changed", nameof(ReviewerProfile), user.UserId, before,
            JsonSerializer.Serialize(new { Expertise = profile.Expertise.ToString(), Affiliations = profile.Affiliations.Select(a => new { a.OrganizationName, Kind = a.Kind.ToString() }) })));
        await db.SaveChangesAsync(ct);
        return [];
    }
}
