namespace GrantPortal.Core.Calls;

/// <summary>
/// The rules for a call's indicators as an officer edits them: a stable key, both names and units, no two
/// indicators a roll-up could not tell apart. Field names follow the form: <c>Indicators[2].UnitKorean</c>.
/// </summary>
public static class IndicatorsCheck
{
    public const int MaximumIndicators = 20;

    public static IReadOnlyList<FieldError> Validate(IList<IndicatorForm> indicators, IStringLocalizer<Strings> localizer)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new List<FieldError>();
        void Add(string field, string key, params object[] arguments) => errors.Add(new FieldError(field, localizer[key, arguments]));

        if (indicators.Count > MaximumIndicators)
        {
            Add(nameof(CallForm.Indicators), "Indicators_TooMany", MaximumIndicators);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<(string, string)>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{nameof(CallForm.Indicators)}[{i}].");
            var number = i + 1;
            var key = indicator.Key.Trim();
            if (!IsKey(key))
            {
                Add(prefix + nameof(IndicatorForm.Key), "Indicators_KeyFormat", number);
            }
            else if (!keys.Add(key))
            {
                Add(prefix + nameof(IndicatorForm.Key), "Indicators_KeyTaken", number, key);
            }

            if (!Enum.IsDefined(indicator.Kind))
            {
                Add(prefix + nameof(IndicatorForm.Kind), "Indicators_KindRequired", number);
            }

            Text(indicator.NameKorean, 200, prefix + nameof(IndicatorForm.NameKorean), "Indicators_NameKoreanRequired", number);
            Text(indicator.NameEnglish, 200, prefix + nameof(IndicatorForm.NameEnglish), "Indicators_NameEnglishRequired", number);
            Text(indicator.UnitKorean, 40, prefix + nameof(IndicatorForm.UnitKorean), "Indicators_UnitKoreanRequired", number);
            Text(indicator.UnitEnglish, 40, prefix + nameof(IndicatorForm.UnitEnglish), "Indicators_UnitEnglishRequired", number);

            // Roll-ups add indicators of the same name and unit, so two of them in one call would read as one.
            if (!string.IsNullOrWhiteSpace(indicator.NameKorean) && !names.Add(IndicatorIdentity.Of(indicator.NameKorean, indicator.UnitKorean)))
            {
                Add(prefix + nameof(IndicatorForm.NameKorean), "Indicators_NameTaken", number, indicator.NameKorean.Trim(), indicator.UnitKorean.Trim());
            }
        }

        return errors;

        void Text(string value, int limit, string field, string requiredKey, int number)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, requiredKey, number);
            }
            else if (value.Trim().Length > limit)
            {
                Add(field, "Indicators_TooLong", number, limit);
            }
        }
    }

    /// <summary>Lower-case letters, digits and underscores, starting with a letter, at most 64 characters: "events_held".</summary>
    public static bool IsKey(string key) =>
        key.Length is > 0 and <= 64 && char.IsAsciiLetterLower(key[0]) && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>
    /// Refuses a save that would remove an indicator applicants already set targets for or grantees reported on:
    /// those figures would lose what they measure. Null when nothing such is removed.
    /// </summary>
    internal static async Task<Result?> RefuseRemovalAsync(PortalDbContext db, Call call, CallForm form, IStringLocalizer<Strings> localizer, CancellationToken ct)
    {
        var kept = form.Indicators.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        var removed = call.Indicators.Where(i => !kept.Contains(i.Id)).Select(i => i.Id).ToList();
        if (removed.Count == 0)
        {
            return null;
        }

        var used = await db.IndicatorTargets.Where(t => removed.Contains(t.CallIndicatorId)).Select(t => (int?)t.CallIndicatorId).FirstOrDefaultAsync(ct)
            ?? await db.IndicatorActuals.Where(a => removed.Contains(a.CallIndicatorId)).Select(a => (int?)a.CallIndicatorId).FirstOrDefaultAsync(ct);
        if (used is null)
        {
            return null;
        }

        var indicator = call.Indicators.Single(i => i.Id == used);
        return Result.Invalid(nameof(CallForm.Indicators), localizer["Indicators_InUse", indicator.Name(Languages.Current)]);
    }
}

/// <summary>What makes two indicators of different calls the same figure in a roll-up: their Korean name and unit.</summary>
public static class IndicatorIdentity
{
    public static (string Name, string Unit) Of(string nameKorean, string unitKorean) => (nameKorean.Trim(), unitKorean.Trim());
}
