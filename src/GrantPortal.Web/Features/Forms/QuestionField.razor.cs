using Microsoft.AspNetCore.Components.Forms;
using NodaTime;

namespace GrantPortal.Web.Features.Forms;

/// <summary>
/// One question, drawn for its type. It keeps no answer of its own: every change goes out through
/// <see cref="Changed"/> as the one string <see cref="AnswerFormat"/> describes, and comes back as <see cref="Answer"/>.
/// </summary>
public sealed partial class QuestionField
{
    private MudFileUpload<IBrowserFile>? fileUpload;
    private bool uploading;
    private IUseCaseResult? uploadResult;

    [Parameter, EditorRequired]
    public Question Question { get; set; } = new();

    /// <summary>The current answer, written as <see cref="AnswerFormat"/> says; null when unanswered.</summary>
    [Parameter]
    public string? Answer { get; set; }

    [Parameter]
    public string Language { get; set; } = Languages.Current;

    [Parameter]
    public string? Error { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<AnswerChange> Changed { get; set; }

    [Parameter]
    public EventCallback Blur { get; set; }

    /// <summary>File question: the files already attached to it.</summary>
    [Parameter]
    public IReadOnlyList<AttachmentView> Files { get; set; } = [];

    [Parameter]
    public Func<IBrowserFile, Task<Result<AttachmentView>>>? Upload { get; set; }

    [Parameter]
    public Func<AttachmentView, Task>? RemoveFile { get; set; }

    private string AnswerId => $"answer-{Question.Key}";

    private string LabelText => Question.Required ? $"{Question.Label(Language)} *" : Question.Label(Language);

    private string? Help => Question.Help(Language) is { Length: > 0 } help ? help : null;

    private string DisplayText => AnswerFormat.Display(Question, Answer, Language, L);

    private IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => AnswerFormat.ReadRows(Answer);

    private HashSet<string> Selected => AnswerFormat.ReadKeys(Answer).ToHashSet(StringComparer.Ordinal);

    private IEnumerable<(string Key, string Label)> Options => Question.Type == QuestionType.YesNo
        ? [(AnswerFormat.Yes, L["Common_Yes"]), (AnswerFormat.No, L["Common_No"])]
        : Question.Choices.Select(c => (c.Key, c.Label(Language)));

    private int Length => Answer?.Length ?? 0;

    private bool LengthOk => (Question.MinLength is not { } min || Length == 0 || Length >= min) && (Question.MaxLength is not { } max || Length <= max);

    private string CounterText
    {
        get
        {
            var count = Length.ToString("N0", CultureInfo.CurrentCulture);
            static string N(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
            var limits = (Question.MinLength, Question.MaxLength) switch
            {
                ({ } min, { } max) => L["Forms_LengthBetween", N(min), N(max)].Value,
                ({ } min, null) => L["Forms_LengthAtLeast", N(min)].Value,
                (null, { } max) => L["Forms_LengthAtMost", N(max)].Value,
                _ => "",
            };
            return limits.Length > 0 ? L["Forms_CharacterCount", count, limits] : L["Forms_CharacterCountOnly", count];
        }
    }

    private string? RangeHelp
    {
        get
        {
            var range = (Question.Minimum, Question.Maximum) switch
            {
                ({ } min, { } max) => L["Forms_RangeBetween", Number(min), Number(max)].Value,
                ({ } min, null) => L["Forms_RangeAtLeast", Number(min)].Value,
                (null, { } max) => L["Forms_RangeAtMost", Number(max)].Value,
                _ => null,
            };
            return string.Join(" · ", new[] { Help, range }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : null;
        }
    }

    private IReadOnlyList<AttachmentKind> Kinds => Question.FileKinds.Count > 0 ? Question.FileKinds : Enum.GetValues<AttachmentKind>();

    private string Accept => string.Join(',', Kinds.Select(FileSignatures.Extension)) + (Kinds.Contains(AttachmentKind.Jpeg) ? ",.jpeg" : "");

    private string FileHint => string.Join(" · ", new[] { Help, L["Forms_FileLimits", string.Join(", ", Kinds.Select(k => k.Label())), Question.MaxFiles].Value }.Where(s => !string.IsNullOrEmpty(s)));

    private string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture) + (Question.Unit(Language) is { Length: > 0 } unit ? " " + unit : "");

    /// <summary>A whole number is typed as digits (grouping commas are allowed while typing and removed).</summary>
    private static string DigitsOnly(string? typed) => new((typed ?? "").Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());

    private Task TypedAsync(string? value) => Changed.InvokeAsync(new AnswerChange(Question.Key, value ?? "", Typing: true));

    private Task ChosenAsync(string value) => Changed.InvokeAsync(new AnswerChange(Question.Key, value, Typing: false));

    private Task AmountChangedAsync(Krw amount) =>
        Changed.InvokeAsync(new AnswerChange(Question.Key, amount.IsZero ? "" : AnswerFormat.WriteNumber(amount.Won), Typing: true));

    private Task DateChangedAsync(DateTime? date) =>
        ChosenAsync(date is { } d ? AnswerFormat.WriteDate(LocalDate.FromDateTime(d)) : "");

    private Task ToggledAsync(string key, bool on)
    {
        var keys = Question.Choices.Select(c => c.Key).Where(k => k == key ? on : Selected.Contains(k)).ToList();
        return ChosenAsync(keys.Count == 0 ? "" : AnswerFormat.WriteKeys(keys));
    }

    private Task RowsChangedAsync((IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, bool Typing) change) =>
        Changed.InvokeAsync(new AnswerChange(Question.Key, change.Rows.Count == 0 ? "" : AnswerFormat.WriteRows(change.Rows), change.Typing));

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || Upload is null)
        {
            return;
        }

        uploading = true;
        uploadResult = null;
        try
        {
            var result = await Upload(file);
            uploadResult = result.Succeeded ? null : result;
        }
        finally
        {
            uploading = false;

            // The picker forgets the file once it is stored (or refused), so the same file can be chosen again.
            if (fileUpload is not null)
            {
                await fileUpload.ClearAsync();
            }
        }
    }
}
