namespace GrantPortal.Core.Applications;

/// <summary>
/// A call's structural eligibility rules, checked when a draft is started and again at submission (an officer may
/// switch a rule on meanwhile, and awards of the year keep coming): one application per organization, at most N
/// awards per organization in the call's budget year, and a minimum age of the organization.
/// </summary>
public static class EligibilityGate
{
    /// <summary>The field a refusal names when the organization has no founding date yet: pages link to its profile.</summary>
    public const string FoundedOnField = "Organization.FoundedOn";

    /// <param name="applicationId">The application being submitted (null when a draft is started): it is not "another" one.</param>
    /// <param name="revisesId">The submitted application a revision replaces: it does not count against the revision either.</param>
    /// <returns>Null when the organization may go on; otherwise the refusal, in the reader's language.</returns>
    internal static async Task<Result?> CheckAsync(
        PortalDbContext db, Call call, int organizationId, int? applicationId, int? revisesId, IStringLocalizer localizer, CancellationToken ct)
    {
        var rules = call.Eligibility;
        if (rules.OneApplicationPerOrganization)
        {
            // Drafts are not applications yet (StartDraft returns to the one begun); withdrawn ones no longer count.
            var other = await db.Applications.AsNoTracking()
                .Where(a => a.CallId == call.Id && a.OrganizationId == organizationId)
                .Where(a => a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
                .Where(a => a.Id != applicationId && a.Id != revisesId)
                .Select(a => a.ReceiptNumber)
                .FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return Result.Refused(localizer["Eligibility_OneApplication", other]);
            }
        }

        if (rules.MaximumAwardsPerYear is { } maximum)
        {
            // Across every call of the same budget year; a cancelled award holds nothing, so it does not count.
            var awards = await db.Awards.AsNoTracking()
                .Where(a => a.OrganizationId == organizationId && a.Status != AwardStatus.Cancelled)
                .Where(a => db.Calls.Any(c => c.Id == a.CallId && c.BudgetYearId == call.BudgetYearId))
                .CountAsync(ct);
            if (awards >= maximum)
            {
                var year = await db.BudgetYears.AsNoTracking().Where(y => y.Id == call.BudgetYearId).Select(y => y.Year).SingleAsync(ct);
                return Result.Refused(localizer["Eligibility_AwardsReached", year, awards, maximum]);
            }
        }

        if (rules.MinimumYearsSinceFounding is { } years)
        {
            var foundedOn = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.FoundedOn).SingleOrDefaultAsync(ct);
            if (foundedOn is not { } founded)
            {
                var message = localizer["Eligibility_FoundedOnMissing", years].Value;
                return new Result(Outcome.Refused, message, [new FieldError(FoundedOnField, message)]);
            }

            var latest = Seoul.ToLocal(call.OpensAt).Date.PlusYears(-years);
            if (founded > latest)
            {
                return Result.Refused(localizer["Eligibility_TooYoung", years, latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
        }

        return null;
    }

    /// <summary>Whether a refusal asks for the organization's founding date, so the page offers the way to its profile.</summary>
    public static bool AsksForFoundingDate(IUseCaseResult result) => result.Errors.Any(e => e.Field == FoundedOnField);
}
