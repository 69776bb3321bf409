using GrantPortal.Core.Applications;
using GrantPortal.Core.Organizations;
using NodaTime;

namespace GrantPortal.Core.Tests.Applications;

public sealed class ApplyStateTests
{
    private static readonly Instant Opens = Instant.FromUtc(2026, 3, 1, 1, 0);
    private static readonly Instant Closes = Instant.FromUtc(2026, 3, 10, 9, 0);
    private static readonly Instant During = Instant.FromUtc(2026, 3, 5, 0, 0);

    [Fact]
    public void A_verified_organization_may_apply_to_an_open_call() =>
        Assert.Equal(ApplyStep.Apply, Decide(During, ApplyReader.Applicant, VerificationState.Verified, hasDraft: false));

    [Fact]
    public void An_organization_with_a_draft_is_sent_back_to_it_instead_of_starting_another() =>
        Assert.Equal(ApplyStep.Continue, Decide(During, ApplyReader.Applicant, VerificationState.Verified, hasDraft: true));

    [Theory]
    [InlineData(VerificationState.Pending, ApplyStep.OrganizationPending)]
    [InlineData(VerificationState.Rejected, ApplyStep.OrganizationRejected)]
    public void An_unverified_organization_is_told_why_it_cannot_apply_even_with_a_draft(VerificationState verification, ApplyStep expected)
    {
        Assert.Equal(expected, Decide(During, ApplyReader.Applicant, verification, hasDraft: false));
        Assert.Equal(expected, Decide(During, ApplyReader.Applicant, verification, hasDraft: true));
    }

    [Fact]
    public void A_visitor_is_asked_to_sign_in() =>
        Assert.Equal(ApplyStep.SignIn, Decide(During, ApplyReader.Visitor, null, hasDraft: false));

    [Theory]
    [InlineData(ApplyReader.Visitor, null)]
    [InlineData(ApplyReader.Applicant, VerificationState.Verified)]
    [InlineData(ApplyReader.Applicant, VerificationState.Pending)]
    public void A_call_that_has_not_opened_or_has_closed_says_so_to_everyone(ApplyReader reader, VerificationState? verification)
    {
        Assert.Equal(ApplyStep.NotYetOpen, Decide(Opens - Duration.FromSeconds(1), reader, verification, hasDraft: false));
        Assert.Equal(ApplyStep.Closed, Decide(Closes + Duration.FromSeconds(1), reader, verification, hasDraft: true));
    }

    [Fact]
    public void The_opening_and_closing_moments_belong_to_the_open_call_as_submissions_do()
    {
        Assert.Equal(ApplyStep.Apply, Decide(Opens, ApplyReader.Applicant, VerificationState.Verified, hasDraft: false));
        Assert.Equal(ApplyStep.Apply, Decide(Closes, ApplyReader.Applicant, VerificationState.Verified, hasDraft: false));
    }

    [Fact]
    public void Staff_are_never_given_an_apply_state() =>
        Assert.Throws<ArgumentException>(() => Decide(During, ApplyReader.Staff, null, hasDraft: false));

    private static ApplyStep Decide(Instant now, ApplyReader reader, VerificationState? verification, bool hasDraft) =>
        ApplyState.Decide(now, Opens, Closes, reader, verification, hasDraft);
}
