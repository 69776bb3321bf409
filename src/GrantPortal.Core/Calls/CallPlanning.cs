namespace GrantPortal.Core.Calls;

/// <summary>
/// What creating and editing a call share: the officer's form checked on its own, then checked against the other
/// calls of its year while the year's row is locked, so the year's envelope is never overspent by two officers
/// saving at the same moment.
/// </summary>
internal static class CallPlanning
{
    public static bool IsOfficer(CurrentUser? user) => user is not null && user.IsIn(Roles.ProgramOfficer);

    /// <summary>
    /// Runs <paramref name="work"/> for a program officer's valid form, in a transaction holding the write lock of
    /// the form's budget year (handed to the work). Every other save in that year waits, so the sums the work reads stay true.
    /// </summary>
    public static async Task<Result<T>> InBudgetYearAsync<T>(
        PortalDbContext db, CurrentUser user, CallForm form, IStringLocalizer<Strings> localizer, Func<BudgetYear, Task<Result<T>>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!IsOfficer(user))
        {
            return Result.NotFound();
        }

        var errors = form.Validate(localizer);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var yearId = await db.BudgetYears.Where(y => y.Year == form.Year).Select(y => (int?)y.Id).SingleOrDefaultAsync(ct);
        if (yearId is not { } id)
        {
            return Result.Invalid(nameof(CallForm.Year), localizer["CallForm_NoBudgetYear", form.Year]);
        }

        return await db.InTransactionAsync(RowLock.On<BudgetYear>(id), async () =>
        {
            var budget = await db.BudgetYears.AsNoTracking().SingleAsync(y => y.Id == id, ct);
            return await work(budget);
        }, ct);
    }

    /// <summary>The code as it is stored and shown in receipt numbers: trimmed, in capitals.</summary>
    public static string Code(CallForm form) => form.Code.Trim().ToUpperInvariant();

    /// <summary>
    /// What the other calls of the year forbid, checked under the year's lock: a code already used in the year, or an
    /// envelope larger than what the other calls leave. Null when neither.
    /// </summary>
    public static async Task<Result?> RefuseAsync(
        PortalDbContext db, CallForm form, BudgetYear budget, IStringLocalizer<Strings> localizer, ILogger logger, CancellationToken ct)
    {
        var code = Code(form);
        var callId = form.Id ?? 0;
        if (await db.Calls.AnyAsync(c => c.BudgetYearId == budget.Id && c.Code == code && c.Id != callId, ct))
        {
            return Result.Invalid(nameof(CallForm.Code), localizer["CallForm_CodeTaken", code, form.Year]);
        }

        var others = new Krw(await db.Calls.Where(c => c.BudgetYearId == budget.Id && c.Id != callId).SumAsync(c => (long)c.Envelope, ct));
        var remaining = budget.Envelope - others;
        if (form.Envelope <= remaining)
        {
            return null;
        }

        var shown = Krw.Max(remaining, Krw.Zero);
        logger.LogInformation("Call envelope {Envelope} refused in {Year}: {Remaining} remains", form.Envelope.Won, budget.Year, shown.Won);

        // Refused, and marked on the envelope field, which is the number to change.
        var message = localizer["Calls_OverBudget", budget.Year, shown.ForReader()].Value;
        return Result.Refused(message) with { Errors = [new FieldError(nameof(CallForm.Envelope), message)] };
    }

    public static void Apply(Call call, CallForm form, int yearId)
    {
        call.BudgetYearId = yearId;
        call.Code = Code(form);
        call.TitleKorean = form.TitleKorean.Trim();
        call.TitleEnglish = form.TitleEnglish.Trim();
        call.DescriptionKorean = form.DescriptionKorean.Trim();
        call.DescriptionEnglish = form.DescriptionEnglish.Trim();
        call.Categories = form.Categories & ProjectCategories.All;
        call.OpensAt = Seoul.ToInstant(form.Opens);
        call.ClosesAt = Seoul.ToInstant(form.Closes);
        call.ConceptNoteClosesAt = form.ConceptNoteCloses is { } conceptNoteCloses ? Seoul.ToInstant(conceptNoteCloses) : null;
        call.MinimumRequest = form.MinimumRequest;
        call.MaximumRequest = form.MaximumRequest;
        call.Envelope = form.Envelope;
        call.ReviewersPerApplication = form.ReviewersPerApplication;
        call.ReviewDueOn = form.ReviewDueOn;
        call.BlindReview = form.BlindReview;
        call.ReceiptsRequired = Enum.IsDefined(form.ReceiptsRequired) ? form.ReceiptsRequired : ReceiptRequirement.FinalReport;
        call.AwardConditionsKorean = form.AwardConditionsKorean?.Trim() ?? "";
        call.AwardConditionsEnglish = form.AwardConditionsEnglish?.Trim() ?? "";
        call.Eligibility = EligibilityCheck.Normalized(form.Eligibility);
        call.BudgetRules = form.BudgetRules;

        // Criteria keep their ids where the officer kept the row, so scores already given stay attached.
        var kept = form.Criteria.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        call.Criteria.RemoveAll(r => !kept.Contains(r.Id));
        for (var i = 0; i < form.Criteria.Count; i++)
        {
            var input = form.Criteria[i];
            var criterion = call.Criteria.FirstOrDefault(r => input.Id is { } id && r.Id == id);
            if (criterion is null)
            {
                criterion = new RubricCriterion();
                call.Criteria.Add(criterion);
            }

            criterion.Order = i + 1;
            criterion.NameKorean = input.NameKorean.Trim();
            criterion.NameEnglish = input.NameEnglish.Trim();
            criterion.Weight = input.Weight;
            criterion.ScaleMinimum = input.ScaleMinimum;
            criterion.ScaleMaximum = input.ScaleMaximum;
        }

        ApplyIndicators(call, form);
        call.Recommendations.RemoveAll(r => !form.RecommendationIds.Contains(r.RecommendationId));
        foreach (var recommendationId in form.RecommendationIds.Where(id => call.Recommendations.All(r => r.RecommendationId != id)))
        {
            call.Recommendations.Add(new CallRecommendation { RecommendationId = recommendationId });
        }
    }

    /// <summary>
    /// Indicators keep their ids (and keys) where the officer kept the row, so targets and actuals stay attached;
    /// <see cref="IndicatorsCheck.RefuseRemovalAsync"/> has already refused removing one that has any.
    /// </summary>
    private static void ApplyIndicators(Call call, CallForm form)
    {
        var kept = form.Indicators.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        call.Indicators.RemoveAll(i => !kept.Contains(i.Id));
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var input = form.Indicators[i];
            var indicator = call.Indicators.FirstOrDefault(r => input.Id is { } id && r.Id == id);
            if (indicator is null)
            {
                indicator = new CallIndicator { Key = input.Key.Trim() };
                call.Indicators.Add(indicator);
            }

            indicator.Order = i + 1;
            indicator.Kind = input.Kind;
            indicator.NameKorean = input.NameKorean.Trim();
            indicator.NameEnglish = input.NameEnglish.Trim();
            indicator.UnitKorean = input.UnitKorean.Trim();
            indicator.UnitEnglish = input.UnitEnglish.Trim();
        }
    }

    /// <summary>The audit event of a saved call: "call.created" (no before) or "call.changed".</summary>
    public static AuditEvent Audit(Instant now, CurrentUser user, Call call, string? before) => AuditEvent.Record(
        now,
        user.AsActor(),
        before is null ? "call.created" : "call.changed",
        nameof(Call),
        call.Id.ToString(CultureInfo.InvariantCulture),
        before,
        Snapshot(call));

    public static string Snapshot(Call c) => JsonSerializer.Serialize(new
    {
        c.Code,
        c.TitleKorean,
        c.TitleEnglish,
        Categories = c.Categories.ToString(),
        Envelope = c.Envelope.Won,
        MinimumRequest = c.MinimumRequest.Won,
        MaximumRequest = c.MaximumRequest.Won,
        OpensAt = c.OpensAt.ToString(),
        ClosesAt = c.ClosesAt.ToString(),
        ConceptNoteClosesAt = c.ConceptNoteClosesAt?.ToString(),
        c.ReviewersPerApplication,
        ReviewDueOn = c.ReviewDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.BlindReview,
        ReceiptsRequired = c.ReceiptsRequired.ToString(),
        c.AwardConditionsKorean,
        c.AwardConditionsEnglish,
        Eligibility = JsonSerializer.SerializeToElement(c.Eligibility, JsonColumns.Options),
        BudgetRules = JsonSerializer.SerializeToElement(c.BudgetRules, JsonColumns.Options),
        Criteria = c.Criteria.OrderBy(r => r.Order).Select(r => new { r.NameEnglish, r.Weight, r.ScaleMinimum, r.ScaleMaximum }),
        Indicators = c.Indicators.OrderBy(i => i.Order).Select(i => new { i.Key, Kind = i.Kind.ToString(), i.NameKorean, i.NameEnglish, i.UnitKorean, i.UnitEnglish }),
        Recommendations = c.Recommendations.Select(r => r.RecommendationId).Order(),
    });
}
