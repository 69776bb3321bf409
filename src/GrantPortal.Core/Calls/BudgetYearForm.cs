namespace GrantPortal.Core.Calls;

/// <summary>A budget year as the officer opens or changes it. <see cref="Version"/> is null for a new year.</summary>
public sealed class BudgetYearForm
{
    /// <summary>The earliest year the portal accepts; the reference data starts in 2023.</summary>
    public const int FirstYear = 2000;

    /// <summary>How many years ahead of the current Seoul year a budget can be opened.</summary>
    public const int YearsAhead = 5;

    public const int NoteMaximum = 2000;

    public int Year { get; set; }

    public Krw Envelope { get; set; }

    public string? Note { get; set; }

    public int? Version { get; set; }

    public bool IsNew => Version is null;

    /// <summary>The note as stored: trimmed, and null when blank.</summary>
    public string? TrimmedNote => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

    /// <summary>
    /// Why the form cannot be saved as it stands: the asker is no program officer (the year "does not exist" for
    /// them), or fields are wrong. Null when it can; what the year's calls divide is checked under the year's lock.
    /// </summary>
    internal Result? Refusal(CurrentUser? user, IStringLocalizer<Strings> localizer, LocalDate today)
    {
        if (!CallPlanning.IsOfficer(user))
        {
            return Result.NotFound();
        }

        var errors = Validate(localizer, today);
        return errors.Count > 0 ? Result.Invalid(errors) : null;
    }

    /// <summary>Every rule the form meets on its own, in the reader's language.</summary>
    public IReadOnlyList<FieldError> Validate(IStringLocalizer<Strings> localizer, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        var lastYear = today.Year + YearsAhead;
        if (IsNew && (Year < FirstYear || Year > lastYear))
        {
            errors.Add(new FieldError(nameof(Year), localizer["BudgetYear_YearOutOfRange", FirstYear, lastYear]));
        }

        if (Envelope.IsNegative || Envelope.IsZero)
        {
            errors.Add(new FieldError(nameof(Envelope), localizer["BudgetYear_EnvelopeRequired"]));
        }
        else if (Envelope > Krw.Ceiling)
        {
            errors.Add(new FieldError(nameof(Envelope), localizer["BudgetYear_EnvelopeTooLarge", Krw.Ceiling.ForReader()]));
        }

        if (Note is { Length: > NoteMaximum })
        {
            errors.Add(new FieldError(nameof(Note), localizer["BudgetYear_NoteTooLong", NoteMaximum]));
        }

        return errors;
    }
}
