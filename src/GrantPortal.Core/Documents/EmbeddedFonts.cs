using PdfSharp.Fonts;

namespace GrantPortal.Core.Documents;

/// <summary>
/// PDFsharp's fonts come from here and nowhere else: NanumGothic regular and bold, bundled in this assembly
/// (SIL Open Font License 1.1, see Documents/Fonts/README.md). A server without Korean fonts, or with other ones,
/// writes the same PDF, and every font a PDF uses is embedded in it, so the reader needs none either.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "NanumGothic";

    private const string Regular = "NanumGothic";
    private const string Bold = "NanumGothicBold";

    private static readonly Lock Installing = new();
    private static readonly Dictionary<string, Lazy<byte[]>> Faces = new(StringComparer.Ordinal)
    {
        [Regular] = new(() => Load("NanumGothic.ttf")),
        [Bold] = new(() => Load("NanumGothicBold.ttf")),
    };

    /// <summary>
    /// Makes this PDFsharp's font resolver for the process. PDFsharp keeps one resolver globally and refuses a
    /// change once a font was used, so this sets it once and is safe to call before every document.
    /// </summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    /// <summary>Every family asked for is NanumGothic: the documents name no other, and a system font is never used.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // NanumGothic has no italic; PDFsharp slants the regular or bold face when one is asked for.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;

    private static byte[] Load(string file)
    {
        var name = $"GrantPortal.Core.Documents.Fonts.{file}";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(EmbeddedFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
