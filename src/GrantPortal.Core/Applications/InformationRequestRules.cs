namespace GrantPortal.Core.Applications;

/// <summary>What the request-for-more-information use cases and queries share: which questions can reopen, and how a reopened item reads.</summary>
public static class InformationRequestRules
{
    /// <summary>An answer is due at least tomorrow and at most this many days ahead: long enough to gather papers, short enough for intake to go on.</summary>
    public const int MaxDueDays = 30;

    /// <summary>The form the application answered; the empty form when it answered none (an application from before configurable calls).</summary>
    internal static async Task<FormDefinition> FormOfAsync(PortalDbContext db, int? formVersionId, CancellationToken ct) =>
        formVersionId is { } id
            ? await db.ApplicationFormVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Definition).SingleOrDefaultAsync(ct) ?? FormDefinition.Empty
            : FormDefinition.Empty;

    /// <summary>
    /// What an officer may reopen on an application: the built-in fields, then every question of the form it answered,
    /// then any answer it holds under a key that form no longer has (removing a question never removes an answer).
    /// </summary>
    public static IReadOnlyList<ReopenedItem> Reopenable(FormDefinition form, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        var items = ReopenableFields.All.Select(key => new ReopenedItem(key, null)).ToList();
        items.AddRange(form.Questions.Select(q => new ReopenedItem(q.Key, q)));
        items.AddRange(answers.Keys.Where(k => form.Find(k) is null && !ReopenableFields.IsBuiltIn(k)).Order(StringComparer.Ordinal).Select(k => new ReopenedItem(k, null)));
        return items;
    }

    /// <summary>The reopened items of a request in the order asked, each with its question when the form has one.</summary>
    public static IReadOnlyList<ReopenedItem> Items(IEnumerable<string> keys, FormDefinition form) =>
        keys.Select(k => new ReopenedItem(k, ReopenableFields.IsBuiltIn(k) ? null : form.Find(k))).ToList();

    /// <summary>
    /// The form's own answer rules (<see cref="AnswerRules.Validate"/>), the same that held at submission, reported only
    /// for the reopened questions: a locked answer cannot be corrected, so it is not held against the resubmission.
    /// Checked against the version the application answered; a question that version lacks is checked for nothing.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckReopened(FormDefinition form, Application application, IEnumerable<string> reopenedKeys, string language, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reopenedKeys);
        var reopened = reopenedKeys.Select(AnswerRules.Field).ToHashSet(StringComparer.Ordinal);
        var files = application.Attachments.Where(f => f.QuestionKey is not null)
            .GroupBy(f => f.QuestionKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return AnswerRules.Validate(form, application.Answers, files, language, localizer).Where(e => reopened.Contains(e.Field)).ToList();
    }

    /// <summary>Whether a file question's or the general attachments' files may change now: only while an open request reopens them.</summary>
    internal static async Task<bool> ReopensFilesAsync(PortalDbContext db, int applicationId, string? questionKey, CancellationToken ct)
    {
        var key = questionKey ?? ReopenableFields.Attachments;
        var open = await db.InformationRequests.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.AnsweredAt == null)
            .Select(r => r.QuestionKeys)
            .ToListAsync(ct);
        return open.Any(keys => keys.Contains(key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Why the files of a file question (or, with no key, the general attachments) of a submitted application may not
    /// change now; null when an open request reopens them. The applicant reads which item stayed locked, or, with no
    /// request open, that the application is submitted.
    /// </summary>
    internal static async Task<string?> FilesLockedAsync(PortalDbContext db, int applicationId, string? questionKey, IStringLocalizer localizer, CancellationToken ct)
    {
        if (await ReopensFilesAsync(db, applicationId, questionKey, ct))
        {
            return null;
        }

        if (!await db.InformationRequests.AnyAsync(r => r.ApplicationId == applicationId && r.AnsweredAt == null, ct))
        {
            return localizer["Application_NotEditable"];
        }

        var key = questionKey ?? ReopenableFields.Attachments;
        var formVersionId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.FormVersionId).SingleAsync(ct);
        var question = questionKey is null ? null : (await FormOfAsync(db, formVersionId, ct)).Find(questionKey);
        return localizer["InformationRequest_Locked", new ReopenedItem(key, question).Label(Languages.Current, localizer)];
    }

    /// <summary>
    /// What a reopened item said in a snapshot, as a reader sees it: text as written, dates as a range, budget lines and
    /// files one per line, custom answers through <see cref="AnswerFormat.Display"/>, a file question as its files' names.
    /// </summary>
    public static string Text(ApplicationSnapshot snapshot, ReopenedItem item, string language, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(localizer);
        var culture = CultureInfo.GetCultureInfo(language);
        return item.Key switch
        {
            ReopenableFields.ProjectTitle => snapshot.ProjectTitle,
            ReopenableFields.Summary => snapshot.Summary,
            ReopenableFields.ProjectDates => $"{snapshot.StartDate} – {snapshot.EndDate}",
            ReopenableFields.BudgetLines => string.Join(
                Environment.NewLine,
                snapshot.BudgetLines.Select(l => $"{localizer["BudgetCategory_" + l.Category]} · {l.Item} · {new Krw(l.Won).Format(culture)}")),
            ReopenableFields.Attachments => string.Join(Environment.NewLine, snapshot.Attachments.Where(f => f.QuestionKey is null).Select(f => f.Name)),
            _ when item.Question is { Type: QuestionType.File } => string.Join(Environment.NewLine, snapshot.Attachments.Where(f => f.QuestionKey == item.Key).Select(f => f.Name)),
            _ => snapshot.Answers.TryGetValue(item.Key, out var answer)
                ? item.Question is { } question ? AnswerFormat.Display(question, answer, language, localizer) : answer
                : "",
        };
    }
}

/// <summary>One thing a request reopens: a built-in field (no question) or a custom question by its key.</summary>
public sealed record ReopenedItem(string Key, Question? Question)
{
    public bool IsBuiltIn => ReopenableFields.IsBuiltIn(Key);

    /// <summary>The name a reader sees: the question's label, the built-in field's name, or the bare key of a question the form no longer has.</summary>
    public string Label(string language, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return IsBuiltIn ? localizer["InformationRequest_Field_" + Key] : Question?.Label(language) ?? Key;
    }
}
