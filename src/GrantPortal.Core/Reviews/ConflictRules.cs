namespace GrantPortal.Core.Reviews;

/// <summary>What conflict detection needs to know about a reviewer.</summary>
public sealed record ReviewerFacts(string ReviewerId, string? Email, int? OrganizationId, IReadOnlyList<AffiliationFact> Affiliations);

public sealed record AffiliationFact(int? OrganizationId, string OrganizationName);

/// <summary>What conflict detection needs to know about the organization behind an application.</summary>
public sealed record ApplicantFacts(int OrganizationId, string Name, string NameKorean, string ContactEmail, string? Website);

/// <summary>The conflict-of-interest rules that apply without anyone declaring anything.</summary>
public static class ConflictRules
{
    // Webmail domains are shared by millions of people: the same domain there says nothing about a tie.
    private static readonly HashSet<string> PublicMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "outlook.com", "hotmail.com",
        "yahoo.com", "icloud.com", "proton.me", "protonmail.com",
    };

    /// <summary>Every rule the pair breaks; empty when none does.</summary>
    public static IReadOnlyList<ConflictSource> Detect(ReviewerFacts reviewer, ApplicantFacts applicant)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(applicant);
        var found = new List<ConflictSource>(3);
        if (reviewer.Affiliations.Any(a => IsSameOrganization(a, applicant)))
        {
            found.Add(ConflictSource.DetectedAffiliation);
        }

        // The organization's own domains are those of its contact address and website. Its members' personal
        // addresses are not: they may sit on any shared domain, and membership is a rule of its own.
        var domain = Domain(reviewer.Email);
        if (domain is not null && !PublicMailDomains.Contains(domain)
            && (domain == Domain(applicant.ContactEmail) || domain == WebsiteDomain(applicant.Website)))
        {
            found.Add(ConflictSource.DetectedEmailDomain);
        }

        if (reviewer.OrganizationId == applicant.OrganizationId)
        {
            found.Add(ConflictSource.DetectedMembership);
        }

        return found;
    }

    internal static string? Domain(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 0 || at == email!.Length - 1 ? null : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    internal static string? WebsiteDomain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var text = website.Contains("://", StringComparison.Ordinal) ? website.Trim() : "https://" + website.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    // Reviewers type affiliations by hand, so a name matches the organization's English or Korean name too.
    private static bool IsSameOrganization(AffiliationFact affiliation, ApplicantFacts applicant) =>
        affiliation.OrganizationId == applicant.OrganizationId
        || (Normalize(affiliation.OrganizationName) is { Length: > 0 } name
            && (name == Normalize(applicant.Name) || name == Normalize(applicant.NameKorean)));

    private static string Normalize(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}

/// <summary>
/// The conflicts in force for a set of applications and reviewers: detected rules not lifted by an officer,
/// plus declared and officer-recorded conflicts still active.
/// </summary>
public sealed class ConflictIndex
{
    private readonly Dictionary<(int ApplicationId, string ReviewerId), List<ConflictSource>> active = [];

    public ConflictIndex(
        IReadOnlyDictionary<int, ApplicantFacts> applications,
        IReadOnlyCollection<ReviewerFacts> reviewers,
        IEnumerable<ConflictOfInterest> recorded)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(recorded);
        var rows = recorded.ToLookup(c => (c.ApplicationId, c.ReviewerId));
        foreach (var (applicationId, applicant) in applications)
        {
            foreach (var reviewer in reviewers)
            {
                var key = (applicationId, reviewer.ReviewerId);
                var lifted = rows[key].Where(c => !c.IsActive).Select(c => c.Source).ToHashSet();
                var sources = ConflictRules.Detect(reviewer, applicant).Where(s => !lifted.Contains(s))
                    .Concat(rows[key].Where(c => c.IsActive).Select(c => c.Source))
                    .Distinct()
                    .ToList();
                if (sources.Count > 0)
                {
                    active[key] = sources;
                }
            }
        }
    }

    public bool IsConflicted(int applicationId, string reviewerId) => active.ContainsKey((applicationId, reviewerId));

    public IReadOnlyList<ConflictSource> Sources(int applicationId, string reviewerId) =>
        active.TryGetValue((applicationId, reviewerId), out var sources) ? sources : [];

    public int Count => active.Count;
}
