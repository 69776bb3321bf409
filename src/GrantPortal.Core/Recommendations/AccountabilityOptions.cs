using System.ComponentModel.DataAnnotations;

namespace GrantPortal.Core.Recommendations;

/// <summary>
/// Who the funder is and how its answer to the UN is worded, from the "Accountability" configuration section.
/// Another funder deploying the portal changes these, not code. Templates take {placeholders}:
/// {code}, {title}, {government}, {funder}, {amount}, {organizations}, {projects}, {years}, {kinds},
/// {examples}, {disbursed}, {participants}, {events}, {publications}, {reach}.
/// </summary>
public sealed class AccountabilityOptions
{
    public const string Section = "Accountability";

    /// <summary>The funder's organization identifier in open data (org-id.guide style).</summary>
    [Required]
    public string FunderIdentifier { get; set; } = "";

    /// <summary>The funder's registered 360Giving prefix, which starts every grant identifier.</summary>
    [Required]
    [RegularExpression("^360G-.+", ErrorMessage = "A 360Giving grant prefix starts with 360G-.")]
    public string GrantIdentifierPrefix { get; set; } = "";

    /// <summary>Put before a recipient's registration number to make its organization identifier.</summary>
    [Required]
    public string RecipientIdentifierPrefix { get; set; } = "";

    /// <summary>The vocabulary name under which recommendation codes appear in 360Giving classifications.</summary>
    [Required]
    public string ClassificationVocabulary { get; set; } = "";

    [Required]
    public AccountabilityWording English { get; set; } = new();

    [Required]
    public AccountabilityWording Korean { get; set; } = new();

    public AccountabilityWording For(string language) => language == "en" ? English : Korean;
}

/// <summary>The funder's name and the sentences of its narrative in one language.</summary>
public sealed class AccountabilityWording
{
    /// <summary>The funder as it names itself in open data, e.g. "Ministry of Unification, Republic of Korea".</summary>
    [Required]
    public string FunderName { get; set; } = "";

    /// <summary>The subject of the narrative's sentences, e.g. "the Ministry of Unification".</summary>
    [Required]
    public string Funder { get; set; } = "";

    /// <summary>The government as the response names it, e.g. "the ROK government".</summary>
    [Required]
    public string Government { get; set; } = "";

    [Required]
    public string Heading { get; set; } = "";

    [Required]
    public string Opening { get; set; } = "";

    [Required]
    public string Projects { get; set; } = "";

    [Required]
    public string Disbursed { get; set; } = "";

    [Required]
    public string Indicators { get; set; } = "";

    [Required]
    public string NoFunding { get; set; } = "";

    /// <summary>Joins the last item of a list: ", and " in English, "과 " or ", " in Korean.</summary>
    [Required]
    public string ListJoin { get; set; } = "";

    /// <summary>What each kind of project is called in the narrative, by category name (CapacityBuilding, CultureAndArts, ...).</summary>
    public Dictionary<string, string> Categories { get; set; } = [];
}
