namespace GrantPortal.Web.Components.Layout;

public static class PortalTheme
{
    private static readonly string[] FontFamily = ["Pretendard", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "system-ui", "sans-serif"];

    /// <summary>Colours chosen for WCAG AA contrast on white; fonts that carry Hangul on every platform without a download.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1B4D89",
            Secondary = "#6A3E91",
            AppbarBackground = "#1B4D89",
            Success = "#1E7B3C",
            Warning = "#8A5300",
            Error = "#B3261E",
            Info = "#0B5CAD",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Body1 = new Body1Typography { FontFamily = FontFamily },
            Body2 = new Body2Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
        },
    };
}
