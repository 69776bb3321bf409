using Bunit;
using GrantPortal.Web.Features.Accounts;

namespace GrantPortal.Web.Tests;

public sealed class AccountFormTests : PortalComponentTest
{
    [Fact]
    public void Field_with_an_error_shows_the_message_and_is_announced_as_invalid()
    {
        var errors = new Dictionary<string, string> { ["RegistrationNumber"] = "The registration number has 10 digits." };

        var field = Render<TextField>(p => p
            .Add(c => c.Id, "reg-number")
            .Add(c => c.Label, "Registration number")
            .Add(c => c.Value, "12345")
            .Add(c => c.Errors, errors)
            .Add(c => c.Field, "RegistrationNumber"));

        var input = field.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("Input.RegistrationNumber", input.GetAttribute("name"));
        Assert.Contains("reg-number-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("The registration number has 10 digits.", field.Find("#reg-number-error").TextContent);
        Assert.Equal("12345", input.GetAttribute("value"));
    }

    [Fact]
    public void Password_field_never_sends_the_typed_password_back_to_the_browser()
    {
        var field = Render<TextField>(p => p
            .Add(c => c.Id, "reg-password")
            .Add(c => c.Label, "Password")
            .Add(c => c.Type, "password")
            .Add(c => c.Value, "secret that was too short")
            .Add(c => c.Errors, new Dictionary<string, string>())
            .Add(c => c.Field, "Password"));

        Assert.Null(field.Find("input").GetAttribute("value"));
        Assert.Empty(field.FindAll("#reg-password-error"));
    }
}
