namespace GrantPortal.Core.Calls;

/// <summary>One rubric criterion as an officer edits it; <see cref="Id"/> is null for a new row.</summary>
public sealed record CriterionForm
{
    public int? Id { get; set; }

    public string NameKorean { get; set; } = "";

    public string NameEnglish { get; set; } = "";

    public decimal Weight { get; set; } = 1m;

    public int ScaleMinimum { get; set; } = 1;

    public int ScaleMaximum { get; set; } = 5;
}

/// <summary>One indicator as an officer edits it; <see cref="Id"/> is null for a new row.</summary>
public sealed record IndicatorForm
{
    public int? Id { get; set; }

    public string Key { get; set; } = "";

    public IndicatorKind Kind { get; set; }

    public string NameKorean { get; set; } = "";

    public string NameEnglish { get; set; } = "";

    public string UnitKorean { get; set; } = "";

    public string UnitEnglish { get; set; } = "";
}

/// <summary>What a program officer enters to create or edit a call. Moments are Seoul wall-clock times.</summary>
public sealed record CallForm
{
    public const int MaximumReviewers = 10;

    public const int AwardConditionsLength = 4000;

    /// <summary>Null when creating a call.</summary>
    public int? Id { get; set; }

    /// <summary>The version the officer opened; a save based on an older one is refused.</summary>
    public int Version { get; set; }

    public int Year { get; set; }

    public string Code { get; set; } = "";

    public string TitleKorean { get; set; } = "";

    public string TitleEnglish { get; set; } = "";

    public string DescriptionKorean { get; set; } = "";

    public string DescriptionEnglish { get; set; } = "";

    public ProjectCategories Categories { get; set; } = ProjectCategories.All;

    public LocalDateTime Opens { get; set; }

    public LocalDateTime Closes { get; set; }

    /// <summary>A two-stage call's concept-note deadline (Seoul time); null for a one-stage call.</summary>
    public LocalDateTime? ConceptNoteCloses { get; set; }

    public Krw MinimumRequest { get; set; }

    public Krw MaximumRequest { get; set; }

    public Krw Envelope { get; set; }

    public int ReviewersPerApplication { get; set; } = 3;

    public LocalDate ReviewDueOn { get; set; }

    public bool BlindReview { get; set; }

    /// <summary>New calls ask for receipts with the final report, as the award letter has always said.</summary>
    public ReceiptRequirement ReceiptsRequired { get; set; } = ReceiptRequirement.FinalReport;

    /// <summary>The award conditions grantees accept before the grant decision, in Korean and English.</summary>
    public string AwardConditionsKorean { get; set; } = "";

    public string AwardConditionsEnglish { get; set; } = "";

    public IList<CriterionForm> Criteria { get; init; } = [];

    /// <summary>Screening questions and structural rules on who may apply.</summary>
    public EligibilityRules Eligibility { get; set; } = new();

    /// <summary>Allowed budget categories, caps per category and the minimum own contribution.</summary>
    public BudgetRules BudgetRules { get; set; } = new();

    /// <summary>The call's output and outcome indicators, in order.</summary>
    public IList<IndicatorForm> Indicators { get; init; } = [];

    public ISet<int> RecommendationIds { get; init; } = new HashSet<int>();

    /// <summary>A starting point for a new call in <paramref name="year"/>: open for a month from the next working morning.</summary>
    public static CallForm Blank(int year, LocalDate today)
    {
        var opens = today.Year == year ? today.PlusDays(1) : new LocalDate(year, 1, 2);
        if (opens.Year != year)
        {
            opens = new LocalDate(year, 12, 31);
        }

        var closes = opens.PlusDays(30);
        if (closes.Year != year)
        {
            closes = new LocalDate(year, 12, 31);
        }

        return new CallForm
        {
            Year = year,
            Opens = opens.At(new LocalTime(9, 0)),
            Closes = closes.At(new LocalTime(18, 0)),
            ReviewDueOn = closes.PlusDays(14),
            Criteria =
            {
                new CriterionForm { NameKorean = "사업의 타당성", NameEnglish = "Relevance", Weight = 1m },
            },
            Indicators = StandardIndicators.All.ToList(),
        };
    }

    /// <summary>
    /// Every rule a call must meet on its own, with messages in the reader's language. The budget of the
    /// year is checked by <see cref="CreateCall"/> and <see cref="UpdateCall"/> inside a transaction, because it depends on other calls.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(IStringLocalizer<Strings> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Add(string field, string key, params object[] arguments) => errors.Add(new FieldError(field, localizer[key, arguments]));

        var code = Code.Trim();
        if (code.Length is < 2 or > 16 || !code.All(char.IsAsciiLetterOrDigit))
        {
            Add(nameof(Code), "CallForm_CodeFormat");
        }

        if (string.IsNullOrWhiteSpace(TitleKorean))
        {
            Add(nameof(TitleKorean), "CallForm_TitleKoreanRequired");
        }

        foreach (var (field, text) in new[] { (nameof(AwardConditionsKorean), AwardConditionsKorean), (nameof(AwardConditionsEnglish), AwardConditionsEnglish) })
        {
            if ((text?.Trim().Length ?? 0) > AwardConditionsLength)
            {
                Add(field, "Agreement_ConditionsTooLong", AwardConditionsLength);
            }
        }

        if (string.IsNullOrWhiteSpace(TitleEnglish))
        {
            Add(nameof(TitleEnglish), "CallForm_TitleEnglishRequired");
        }

        if ((Categories & ProjectCategories.All) == ProjectCategories.None)
        {
            Add(nameof(Categories), "CallForm_CategoryRequired");
        }

        if (Opens.Year != Year)
        {
            Add(nameof(Opens), "CallForm_OutsideYear", Year);
        }

        if (Closes.Year != Year)
        {
            Add(nameof(Closes), "CallForm_OutsideYear", Year);
        }

        if (Closes <= Opens)
        {
            Add(nameof(Closes), "CallForm_ClosesBeforeOpens");
        }

        errors.AddRange(TwoStageCheck.Validate(this, localizer));
        ValidateAmount(MinimumRequest, nameof(MinimumRequest));
        ValidateAmount(MaximumRequest, nameof(MaximumRequest));
        ValidateAmount(Envelope, nameof(Envelope));
        if (Envelope.IsZero)
        {
            Add(nameof(Envelope), "CallForm_EnvelopeRequired");
        }

        if (MinimumRequest > MaximumRequest)
        {
            Add(nameof(MaximumRequest), "CallForm_MinimumAboveMaximum");
        }

        if (MaximumRequest > Envelope)
        {
            Add(nameof(MaximumRequest), "CallForm_MaximumAboveEnvelope");
        }

        if (ReviewersPerApplication is < 1 or > MaximumReviewers)
        {
            Add(nameof(ReviewersPerApplication), "CallForm_ReviewersRange", MaximumReviewers);
        }

        if (ReviewDueOn <= Closes.Date)
        {
            Add(nameof(ReviewDueOn), "CallForm_ReviewDueBeforeClosing");
        }

        if (Criteria.Count == 0)
        {
            Add(nameof(Criteria), "CallForm_CriterionRequired");
        }

        for (var i = 0; i < Criteria.Count; i++)
        {
            var criterion = Criteria[i];
            var prefix = $"{nameof(Criteria)}[{i}].";
            if (string.IsNullOrWhiteSpace(criterion.NameKorean) || string.IsNullOrWhiteSpace(criterion.NameEnglish))
            {
                Add(prefix + nameof(CriterionForm.NameKorean), "CallForm_CriterionNameRequired", i + 1);
            }

            if (criterion.Weight <= 0m || criterion.Weight > 100m)
            {
                Add(prefix + nameof(CriterionForm.Weight), "CallForm_CriterionWeight", i + 1);
            }

            if (criterion.ScaleMinimum >= criterion.ScaleMaximum || criterion.ScaleMinimum < 0 || criterion.ScaleMaximum > 100)
            {
                Add(prefix + nameof(CriterionForm.ScaleMaximum), "CallForm_CriterionScale", i + 1);
            }
        }

        errors.AddRange(EligibilityCheck.Validate(Eligibility, localizer));
        errors.AddRange(BudgetRulesCheck.Validate(BudgetRules, localizer));
        errors.AddRange(IndicatorsCheck.Validate(Indicators, localizer));
        return errors;

        void ValidateAmount(Krw amount, string field)
        {
            if (amount.IsNegative)
            {
                Add(field, "CallForm_AmountNegative");
            }
            else if (amount > Krw.Ceiling)
            {
                Add(field, "CallForm_AmountTooLarge", Krw.Ceiling.ForReader());
            }
        }
    }
}
