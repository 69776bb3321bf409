using GrantPortal.Core.Accounts;
using GrantPortal.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace GrantPortal.Core.Applications;

/// <summary>What the person reading a call can do about applying to it, from where they read it.</summary>
public enum ApplyStep
{
    /// <summary>The call does not take applications yet.</summary>
    NotYetOpen,

    /// <summary>The call no longer takes applications.</summary>
    Closed,

    /// <summary>A visitor who is not signed in: signing in (or registering the organization) comes first.</summary>
    SignIn,

    /// <summary>The organization waits for the ministry's verification, and cannot apply until then.</summary>
    OrganizationPending,

    /// <summary>The ministry could not verify the organization; it corrects its details and asks again first.</summary>
    OrganizationRejected,

    /// <summary>The organization may start an application.</summary>
    Apply,

    /// <summary>The organization has a draft for this call: it continues that one rather than starting a second.</summary>
    Continue,
}

/// <summary>Who is reading: ministry staff are offered nothing about applying.</summary>
public enum ApplyReader
{
    Visitor,
    Applicant,
    Staff,
}

/// <summary>
/// One call's apply state for its reader. <see cref="DraftId"/> is the draft to continue; <see cref="SubmittedId"/>
/// the organization's latest submitted application to the call, which it can open whatever the step (an organization
/// may propose more than one project to a call, so a submission does not stop it from applying again).
/// </summary>
public sealed record ApplyState(int CallId, ApplyStep Step, Instant OpensAt, Instant ClosesAt)
{
    public int? DraftId { get; init; }

    public int? SubmittedId { get; init; }

    /// <summary>The one rule, shared by every page that shows a call: the call's time first, then who asks.</summary>
    public static ApplyStep Decide(Instant now, Instant opensAt, Instant closesAt, ApplyReader reader, VerificationState? verification, bool hasDraft)
    {
        if (reader == ApplyReader.Staff)
        {
            throw new ArgumentException("Staff are offered nothing about applying; ask only for visitors and applicants.", nameof(reader));
        }

        if (now < opensAt)
        {
            return ApplyStep.NotYetOpen;
        }

        if (now > closesAt)
        {
            return ApplyStep.Closed;
        }

        if (reader == ApplyReader.Visitor)
        {
            return ApplyStep.SignIn;
        }

        return verification switch
        {
            VerificationState.Verified => hasDraft ? ApplyStep.Continue : ApplyStep.Apply,
            VerificationState.Rejected => ApplyStep.OrganizationRejected,
            _ => ApplyStep.OrganizationPending,
        };
    }

    public static ApplyReader ReaderOf(CurrentUser? user) =>
        user is null ? ApplyReader.Visitor
        : user.IsIn(Roles.Applicant) && user.OrganizationId is not null ? ApplyReader.Applicant
        : ApplyReader.Staff;
}

public sealed partial class ApplicationService
{
    /// <summary>
    /// What the reader can do about applying to each of the given published calls, for a whole list at once: the
    /// number of queries does not grow with the number of calls. An applicant's drafts and submissions are their own
    /// organization's only. Staff get an empty answer: the pages offer them nothing about applying.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ApplyState>> ApplyStatesAsync(CurrentUser? user, IReadOnlyCollection<int> callIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        var reader = ApplyState.ReaderOf(user);
        if (reader == ApplyReader.Staff || callIds.Count == 0)
        {
            return new Dictionary<int, ApplyState>();
        }

        var ids = callIds.Distinct().ToList();
        var now = clock.GetCurrentInstant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.IsPublished && ids.Contains(c.Id))
            .Select(c => new { c.Id, c.OpensAt, c.ClosesAt })
            .ToListAsync(ct);

        VerificationState? verification = null;
        var drafts = new Dictionary<int, int>();
        var submitted = new Dictionary<int, int>();
        if (reader == ApplyReader.Applicant && user!.OrganizationId is { } organizationId)
        {
            verification = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == organizationId)
                .Select(o => (VerificationState?)o.Verification)
                .SingleOrDefaultAsync(ct);

            // A revision's draft belongs to the submitted application it revises, and is reached from there.
            var applications = await db.Applications.AsNoTracking()
                .Where(a => a.OrganizationId == organizationId && ids.Contains(a.CallId))
                .Where(a => a.Status == ApplicationStatus.Draft ? a.RevisesId == null : a.Status != ApplicationStatus.Withdrawn)
                .Select(a => new { a.Id, a.CallId, a.Status })
                .ToListAsync(ct);

            // The oldest draft is the one StartDraftAsync returns to; the latest submission is the one in force.
            foreach (var application in applications.OrderBy(a => a.Id))
            {
                if (application.Status == ApplicationStatus.Draft)
                {
                    drafts.TryAdd(application.CallId, application.Id);
                }
                else
                {
                    submitted[application.CallId] = application.Id;
                }
            }
        }

        return calls.ToDictionary(
            c => c.Id,
            c =>
            {
                var draft = drafts.TryGetValue(c.Id, out var draftId) ? draftId : (int?)null;
                var step = ApplyState.Decide(now, c.OpensAt, c.ClosesAt, reader, verification, draft is not null);
                return new ApplyState(c.Id, step, c.OpensAt, c.ClosesAt)
                {
                    DraftId = step == ApplyStep.Continue ? draft : null,
                    SubmittedId = submitted.TryGetValue(c.Id, out var submittedId) ? submittedId : null,
                };
            });
    }

    /// <summary>One call's apply state; null for staff and for a call that is not published.</summary>
    public async Task<ApplyState?> ApplyStateAsync(CurrentUser? user, int callId, CancellationToken ct = default)
    {
        var states = await ApplyStatesAsync(user, [callId], ct);
        return states.GetValueOrDefault(callId);
    }
}
