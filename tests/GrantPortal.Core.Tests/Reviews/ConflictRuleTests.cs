using GrantPortal.Core.Reviews;

namespace GrantPortal.Core.Tests.Reviews;

public sealed class ConflictRuleTests
{
    private static readonly ApplicantFacts OpenDoors = new(7, "Open Doors Korea", "열린문", "contact@opendoors.example", "https://www.open-doors.example/about");

    private static ReviewerFacts Reviewer(string email = "expert@university.example", int? organizationId = null, params AffiliationFact[] affiliations) =>
        new("r1", email, organizationId, affiliations);

    [Fact]
    public void Unrelated_reviewer_has_no_conflict() =>
        Assert.Empty(ConflictRules.Detect(Reviewer(), OpenDoors));

    [Fact]
    public void Declared_affiliation_with_the_applicant_is_a_conflict()
    {
        Assert.Equal([ConflictSource.DetectedAffiliation], ConflictRules.Detect(Reviewer(affiliations: new AffiliationFact(7, "anything")), OpenDoors));
        Assert.Equal([ConflictSource.DetectedAffiliation], ConflictRules.Detect(Reviewer(affiliations: new AffiliationFact(null, " 열린 문 ")), OpenDoors));
        Assert.Equal([ConflictSource.DetectedAffiliation], ConflictRules.Detect(Reviewer(affiliations: new AffiliationFact(null, "open doors korea")), OpenDoors));
        Assert.Empty(ConflictRules.Detect(Reviewer(affiliations: new AffiliationFact(8, "Hana Forum")), OpenDoors));
    }

    [Fact]
    public void Same_email_domain_as_the_organization_is_a_conflict_except_public_webmail()
    {
        Assert.Equal([ConflictSource.DetectedEmailDomain], ConflictRules.Detect(Reviewer("Board@OpenDoors.example"), OpenDoors));
        Assert.Equal([ConflictSource.DetectedEmailDomain], ConflictRules.Detect(Reviewer("kim@open-doors.example"), OpenDoors));
        var webmail = OpenDoors with { ContactEmail = "opendoors@naver.com", Website = null };
        Assert.Empty(ConflictRules.Detect(Reviewer("someone@naver.com"), webmail));
    }

    [Fact]
    public void Membership_of_the_applying_organization_is_a_conflict() =>
        Assert.Equal([ConflictSource.DetectedMembership], ConflictRules.Detect(Reviewer(organizationId: 7), OpenDoors));

    [Fact]
    public void Lifted_detected_conflicts_stop_counting_and_active_declared_ones_count()
    {
        var reviewers = new[] { Reviewer("x@opendoors.example"), new ReviewerFacts("r2", "y@university.example", null, []) };
        var applications = new Dictionary<int, ApplicantFacts> { [1] = OpenDoors };
        var lifted = new ConflictOfInterest { ApplicationId = 1, ReviewerId = "r1", Source = ConflictSource.DetectedEmailDomain, LiftedAt = NodaTime.Instant.FromUtc(2026, 3, 1, 0, 0) };
        var declared = new ConflictOfInterest { ApplicationId = 1, ReviewerId = "r2", Source = ConflictSource.Declared };

        var index = new ConflictIndex(applications, reviewers, [lifted, declared]);

        Assert.False(index.IsConflicted(1, "r1"));
        Assert.Equal([ConflictSource.Declared], index.Sources(1, "r2"));
    }
}
