using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

public sealed partial class Register
{
    /// <summary>The form's id, which the layout's language switch submits so nothing typed is lost.</summary>
    public const string FormId = "register";

    private Dictionary<string, string> fieldErrors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "register")]
    private RegistrationForm Input { get; set; } = default!;

    // After a language switch the form comes back as it was typed; otherwise a new account starts in the language
    // the person is reading the form in.
    protected override void OnInitialized() =>
        Input ??= RegistrationDraft.TakeBack(HttpContext, Protection)
            ?? new RegistrationForm { PreferredLanguage = Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) };

    private async Task SubmitAsync()
    {
        var posted = HttpContext.Request.HasFormContentType ? await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted) : null;
        if (posted is not null && posted.TryGetValue(LanguageSwitchKeepsFormAttribute.FieldName, out var language) && !string.IsNullOrEmpty(language))
        {
            SwitchLanguage(Languages.Normalize(language!));
            return;
        }

        await RegisterAsync();
    }

    /// <summary>The language switch on this page: keep what was typed, change the language, and show the form again in it.</summary>
    private void SwitchLanguage(string language)
    {
        RegistrationDraft.Keep(HttpContext, Protection, Input with { PreferredLanguage = language });
        CultureEndpoint.WriteCookie(HttpContext, language);
        Navigation.NavigateTo("/Account/Register", forceLoad: true);
    }

    private async Task RegisterAsync()
    {
        var result = await Registration.RegisterAsync(Input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            fieldErrors = result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
            return;
        }

        var user = await UserManager.FindByIdAsync(result.Value!);
        await SignInManager.SignInAsync(user!, isPersistent: false);
        CultureEndpoint.WriteCookie(HttpContext, Input.PreferredLanguage);
        Navigation.NavigateTo("/?registered=1", forceLoad: true);
    }
}
