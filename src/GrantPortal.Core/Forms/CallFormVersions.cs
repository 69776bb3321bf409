using System.Security.Cryptography;

namespace GrantPortal.Core.Forms;

/// <summary>
/// The edition of a call's form an officer loaded: its version number and a fingerprint of its questions. The number
/// alone cannot tell two in-place edits of an unpublished call's version apart; the fingerprint can.
/// </summary>
public sealed record FormEdition(int Number, string Fingerprint)
{
    public static FormEdition Of(int number, FormDefinition definition) => new(number, FingerprintOf(definition));

    private static string FingerprintOf(FormDefinition definition) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonColumns.Write(definition))))[..20];
}

/// <summary>How many applications answered one version of a call's form.</summary>
public sealed record FormVersionUse(int Number, Instant? SavedAt, int Answered);

/// <summary>
/// What the form's use cases share about a call's form versions of one stage: the newest one (a call that has none
/// yet asks the stage's default form, as version 1) and who answered which. Applications from before forms were
/// versioned have no version: they answered version 1 of their stage.
/// </summary>
internal static class CallFormVersions
{
    public static Task<List<ApplicationFormVersion>> ListAsync(PortalDbContext db, int callId, FormStage stage, CancellationToken ct) =>
        db.ApplicationFormVersions.Where(v => v.CallId == callId && v.Stage == stage).OrderBy(v => v.Number).ToListAsync(ct);

    public static (int Number, FormDefinition Definition) Current(IReadOnlyList<ApplicationFormVersion> versions, FormStage stage) =>
        versions.Count == 0 ? (1, FormVersions.DefaultFor(stage)) : (versions[^1].Number, versions[^1].Definition);

    /// <summary>
    /// Per version number (1 when none is stored yet), how many of the call's applications of <paramref name="stage"/>
    /// answered it. Concept notes and full proposals number their versions apart, so each counts only its own.
    /// </summary>
    public static async Task<IReadOnlyList<FormVersionUse>> UsesAsync(
        PortalDbContext db, int callId, FormStage stage, IReadOnlyList<ApplicationFormVersion> versions, CancellationToken ct)
    {
        var counts = await db.Applications.Where(a => a.CallId == callId && a.Stage == stage)
            .GroupBy(a => a.FormVersionId)
            .Select(g => new { VersionId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var unversioned = counts.Where(c => c.VersionId == null).Sum(c => c.Count);
        if (versions.Count == 0)
        {
            return [new FormVersionUse(1, null, unversioned)];
        }

        return versions.Select(v => new FormVersionUse(
                v.Number,
                v.SavedAt,
                counts.Where(c => c.VersionId == v.Id).Sum(c => c.Count) + (v.Number == 1 ? unversioned : 0)))
            .ToList();
    }
}

/// <summary>What saving a call's form does to its versions.</summary>
public enum FormSaveKind
{
    /// <summary>The officer's edition is no longer the newest: nothing is saved.</summary>
    Stale,

    /// <summary>The newest version is replaced: nobody could have seen or answered it.</summary>
    InPlace,

    /// <summary>The form becomes the next version; applications keep the version they answered.</summary>
    NewVersion,
}

/// <summary>
/// The versioning rule of a call's form. An unpublished call whose newest version nobody answered is still the
/// officer's draft, so it changes in place; once applicants can see the form, or anyone answered it, every save
/// adds a version so that each application keeps exactly the questions it answered.
/// </summary>
public static class FormVersioning
{
    public static (FormSaveKind Kind, int Number) Decide(FormEdition current, FormEdition expected, bool isPublished, int answeredCurrent)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current != expected)
        {
            return (FormSaveKind.Stale, current.Number);
        }

        return !isPublished && answeredCurrent == 0 ? (FormSaveKind.InPlace, current.Number) : (FormSaveKind.NewVersion, current.Number + 1);
    }
}
