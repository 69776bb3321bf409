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

/// <summary>An organization a reviewer declared a tie to.</summary>
public sealed record ReviewerTie(string OrganizationName, AffiliationKind Kind);

/// <summary>A conflict in force that was declared by the reviewer or recorded by an officer, on one application.</summary>
public sealed record ReviewerConflict(int ApplicationId, string ProjectTitle, string? ReceiptNumber, string CallCode, ConflictSource Source, string? Reason, Instant RecordedAt);

/// <summary>One reviewer as program officers see them: what they know, whom they are tied to, what they cannot review.</summary>
public sealed record ReviewerEntry(
    string Id,
    string Name,
    string? Email,
    ProjectCategories Expertise,
    string? Biography,
    IReadOnlyList<ReviewerTie> Affiliations,
    IReadOnlyList<ReviewerConflict> Conflicts,
    int OpenAssignments);

/// <summary>
/// Reviewers keep their expertise and declared affiliations up to date; conflict detection reads them. Program
/// officers read every reviewer's profile, with the conflicts on record, to know whom they can assign.
/// </summary>
public sealed class ReviewerProfileService(IDbContextFactory<PortalDbContext> dbFactory, IClock clock, IStringLocalizer<Strings> localizer)
{
    /// <summary>Every reviewer, by name, for program officers; empty for anyone else.</summary>
    public async Task<IReadOnlyList<ReviewerEntry>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsIn(Roles.ProgramOfficer))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviewers = await ConflictFacts.ReviewersAsync(db, null, ct);
        var ids = reviewers.Select(r => r.ReviewerId).ToList();
        var names = await ReviewRules.ReviewerNamesAsync(db, ids, ct);
        var profiles = await db.ReviewerProfiles.AsNoTracking().Include(p => p.Affiliations).Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);

        // Rows in force that someone recorded; detected conflicts follow from the affiliations listed beside them.
        var conflicts = (await db.Conflicts.AsNoTracking()
                .Where(c => ids.Contains(c.ReviewerId) && c.LiftedAt == null)
                .Join(db.Applications, c => c.ApplicationId, a => a.Id, (c, a) => new
                {
                    c.ReviewerId,
                    c.ApplicationId,
                    a.ProjectTitle,
                    a.ReceiptNumber,
                    a.Call!.Code,
                    c.Source,
                    c.Reason,
                    c.RecordedAt,
                })
                .ToListAsync(ct))
            .ToLookup(c => c.ReviewerId, c => new ReviewerConflict(c.ApplicationId, c.ProjectTitle, c.ReceiptNumber, c.Code, c.Source, c.Reason, c.RecordedAt));
        var open = await db.ReviewAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.ReviewerId) && a.Application!.Status == ApplicationStatus.UnderReview
                && (a.Review == null || a.Review.Status != ReviewStatus.Submitted))
            .GroupBy(a => a.ReviewerId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return reviewers
            .Select(r =>
            {
                var profile = profiles.GetValueOrDefault(r.ReviewerId);
                return new ReviewerEntry(
                    r.ReviewerId,
                    names.GetValueOrDefault(r.ReviewerId, r.ReviewerId),
                    r.Email,
                    profile?.Expertise ?? ProjectCategories.None,
                    profile?.Biography,
                    profile?.Affiliations.OrderBy(a => a.Id).Select(a => new ReviewerTie(a.OrganizationName, a.Kind)).ToList() ?? [],
                    conflicts[r.ReviewerId].OrderByDescending(c => c.RecordedAt).ToList(),
                    open.GetValueOrDefault(r.ReviewerId));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

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

    public async Task<Result> SaveMineAsync(CurrentUser user, ReviewerProfileForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        if (!user.IsIn(Roles.Reviewer))
        {
            return Result.NotFound();
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
            return Result.Invalid(errors);
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
        return Result.Done();
    }
}
