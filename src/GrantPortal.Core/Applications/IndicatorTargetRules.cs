namespace GrantPortal.Core.Applications;

/// <summary>
/// An application's targets for its call's indicators: whole numbers from zero, one per indicator, all of them set
/// by submission. Autosave keeps whatever is typed (an empty field is no target yet) and refuses only a negative one.
/// </summary>
internal static class IndicatorTargetRules
{
    /// <summary>The field an indicator's target is marked on: <c>IndicatorTargets[participants]</c>.</summary>
    public static string Field(string key) => $"{nameof(ApplicationDraft.IndicatorTargets)}[{key}]";

    /// <summary>The call's indicators, in order, as the application form and its checks need them.</summary>
    public static Task<List<CallIndicator>> OfCallAsync(PortalDbContext db, int callId, CancellationToken ct) =>
        db.CallIndicators.AsNoTracking().Where(i => i.CallId == callId).OrderBy(i => i.Order).ToListAsync(ct);

    /// <summary>What no draft may hold: a negative target.</summary>
    public static FieldError? Refuse(ApplicationDraft form, IReadOnlyList<CallIndicator> indicators, IStringLocalizer<Strings> localizer)
    {
        foreach (var indicator in indicators)
        {
            if (form.IndicatorTargets.GetValueOrDefault(indicator.Id) is < 0)
            {
                return new FieldError(Field(indicator.Key), localizer["Indicators_TargetNegative", indicator.Name(Languages.Current)]);
            }
        }

        return null;
    }

    /// <summary>Submission: every indicator of the call has a target.</summary>
    public static IEnumerable<FieldError> ValidateForSubmission(ApplicationDraft form, IReadOnlyList<CallIndicator> indicators, IStringLocalizer<Strings> localizer)
    {
        foreach (var indicator in indicators)
        {
            var target = form.IndicatorTargets.GetValueOrDefault(indicator.Id);
            if (target is null)
            {
                yield return new FieldError(Field(indicator.Key), localizer["Indicators_TargetRequired", indicator.Name(Languages.Current)]);
            }
            else if (target < 0)
            {
                yield return new FieldError(Field(indicator.Key), localizer["Indicators_TargetNegative", indicator.Name(Languages.Current)]);
            }
        }
    }

    /// <summary>Replaces the application's targets by the form's, for the call's indicators only; empty fields hold no row.</summary>
    public static void Copy(ApplicationDraft form, Application application, IReadOnlyList<CallIndicator> indicators)
    {
        application.IndicatorTargets.Clear();
        foreach (var indicator in indicators)
        {
            if (form.IndicatorTargets.GetValueOrDefault(indicator.Id) is { } target and >= 0)
            {
                application.IndicatorTargets.Add(new IndicatorTarget { CallIndicatorId = indicator.Id, Target = target });
            }
        }
    }
}
