using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no link or image elsewhere can sign a person out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", SignOutAsync);
        return endpoints;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<PortalUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }
}
