namespace GrantPortal.Web.Hosting;

/// <summary>
/// The signed-in person as Core knows them, handed to an endpoint of a <see cref="SignedInEndpoints.MapSignedInGroup"/>
/// group as a parameter: <c>(int id, SignedIn person, …) =&gt; store.OpenAsync(person.User, id, ct)</c>.
/// </summary>
public sealed record SignedIn(CurrentUser User)
{
    public static ValueTask<SignedIn?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(CurrentUser.From(context.User) is { } user ? new SignedIn(user) : null);
    }
}

public static class SignedInEndpoints
{
    /// <summary>
    /// A route group whose endpoints need a signed-in person: authorization is required once for the group, and a
    /// request whose principal Core does not know as a person is challenged before any endpoint runs. What that person
    /// may see is still Core's answer, endpoint by endpoint. Every response carries <c>nosniff</c> (<see cref="SecurityHeaders"/>)
    /// and <c>Cache-Control: no-store</c>: what one person downloads must not stay in a shared computer's or proxy's cache.
    /// </summary>
    public static RouteGroupBuilder MapSignedInGroup(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).RequireAuthorization();
        group.AddEndpointFilter(static async (context, next) =>
        {
            if (CurrentUser.From(context.HttpContext.User) is null)
            {
                return TypedResults.Challenge();
            }

            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        return group;
    }
}
