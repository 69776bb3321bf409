using Bunit;
using GrantPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests;

public sealed class LanguageSwitchTests : PortalComponentTest
{
    [Fact]
    public void Current_language_is_marked_pressed()
    {
        UseLanguage("ko");

        var languageSwitch = Render<LanguageSwitch>();

        Assert.Equal("true", languageSwitch.Find("[data-testid=lang-ko]").GetAttribute("aria-pressed"));
        Assert.Equal("false", languageSwitch.Find("[data-testid=lang-en]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Choosing_english_reloads_the_same_page_through_the_culture_endpoint()
    {
        UseLanguage("ko");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin?page=2");
        var languageSwitch = Render<LanguageSwitch>();

        languageSwitch.Find("[data-testid=lang-en]").Click();

        var target = new Uri(navigation.Uri);
        Assert.Equal("/culture", target.AbsolutePath);
        Assert.Contains("lang=en", target.Query, StringComparison.Ordinal);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString("/admin?page=2"), target.Query, StringComparison.Ordinal);
    }
}
