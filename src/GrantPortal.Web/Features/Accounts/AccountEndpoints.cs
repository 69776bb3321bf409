using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no link, image or form elsewhere can sign a person out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", SignOutAsync);
        return endpoints;
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<PortalUser> signIn)
    {
        // The antiforgery middleware only marks a bad token; an endpoint that binds no form field has to ask itself.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }
}
