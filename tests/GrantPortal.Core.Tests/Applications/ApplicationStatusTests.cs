using GrantPortal.Core.Applications;
using GrantPortal.Core.Calls;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.Core.Tests.Applications;

public sealed class ApplicationStatusTests
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 3, 1, 0, 0));

    /// <summary>The business rule, written out independently of <see cref="ApplicationStatusMachine"/>.</summary>
    private static readonly HashSet<(ApplicationStatus From, ApplicationStatus To)> Allowed =
    [
        (ApplicationStatus.Draft, ApplicationStatus.Submitted),
        (ApplicationStatus.Submitted, ApplicationStatus.UnderReview),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Submitted, ApplicationStatus.Rejected),
        (ApplicationStatus.UnderReview, ApplicationStatus.Awarded),
        (ApplicationStatus.UnderReview, ApplicationStatus.Rejected),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> AllPairs()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<ApplicationStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Status_machine_allows_exactly_the_listed_moves(ApplicationStatus from, ApplicationStatus to) =>
        Assert.Equal(Allowed.Contains((from, to)), ApplicationStatusMachine.CanMove(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Application_moves_only_along_allowed_transitions(ApplicationStatus from, ApplicationStatus to)
    {
        if (to == ApplicationStatus.Draft)
        {
            // No operation returns an application to draft: a change after submission is a resubmission.
            return;
        }

        var application = ApplicationIn(from);

        if (Allowed.Contains((from, to)))
        {
            MoveTo(application, to);
            Assert.Equal(to, application.Status);
        }
        else
        {
            var refused = Assert.Throws<InvalidStatusTransitionException>(() => MoveTo(application, to));
            Assert.Equal((from, to), (refused.From, refused.To));
            Assert.Equal(from, application.Status);
        }
    }

    [Fact]
    public void Submitted_application_can_no_longer_be_edited()
    {
        var application = ApplicationIn(ApplicationStatus.Submitted);

        Assert.False(application.IsEditableByApplicant);
        Assert.Throws<InvalidOperationException>(() => application.MarkSaved(clock.GetCurrentInstant()));
    }

    [Fact]
    public void Submission_stamps_receipt_number_and_time()
    {
        var application = ApplicationIn(ApplicationStatus.Draft);
        clock.AdvanceMinutes(5);

        application.Submit("2026-NKHR-0042", clock.GetCurrentInstant());

        Assert.Equal("2026-NKHR-0042", application.ReceiptNumber);
        Assert.Equal(clock.GetCurrentInstant(), application.SubmittedAt);
    }

    [Fact]
    public void Withdrawal_without_a_reason_is_refused()
    {
        var application = ApplicationIn(ApplicationStatus.Submitted);

        Assert.Throws<ArgumentException>(() => application.Withdraw("  ", clock.GetCurrentInstant()));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    private Application ApplicationIn(ApplicationStatus status)
    {
        var application = Application.StartDraft(new Call(), organizationId: 1, userId: "applicant-1", clock.GetCurrentInstant());
        ApplicationStatus[] path = status switch
        {
            ApplicationStatus.Draft => [],
            ApplicationStatus.Submitted => [ApplicationStatus.Submitted],
            ApplicationStatus.UnderReview => [ApplicationStatus.Submitted, ApplicationStatus.UnderReview],
            ApplicationStatus.Awarded => [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Awarded],
            ApplicationStatus.Rejected => [ApplicationStatus.Submitted, ApplicationStatus.Rejected],
            ApplicationStatus.Withdrawn => [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            MoveTo(application, step);
        }

        Assert.Equal(status, application.Status);
        return application;
    }

    private void MoveTo(Application application, ApplicationStatus to)
    {
        var now = clock.GetCurrentInstant();
        switch (to)
        {
            case ApplicationStatus.Submitted:
                application.Submit("2026-NKHR-0001", now);
                break;
            case ApplicationStatus.UnderReview:
                application.StartReview();
                break;
            case ApplicationStatus.Awarded:
                application.MarkAwarded();
                break;
            case ApplicationStatus.Rejected:
                application.MarkRejected();
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw("The project lead left the organization.", now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to));
        }
    }
}
