using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Hosting;

/// <summary>
/// Conditional GET for the public reads, written once: the endpoint's answer is rendered into memory, a 200 gets a strong
/// ETag (the SHA-256 of its bytes) and <c>Cache-Control: public, max-age=300</c>, and a request whose
/// <c>If-None-Match</c> names that tag gets 304 with no body. Hashing the body rather than versioning the data means any
/// change a reader could see (a new award, an edited title, another host name in a link) changes the tag, and nothing
/// else does. Other statuses pass through untouched.
/// </summary>
public sealed class ConditionalGet : IEndpointFilter
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // From the handler on, not only its result: some handlers (the OpenAPI document's) write the body themselves.
        var body = new BufferedBody(context.HttpContext);
        try
        {
            var result = await next(context);
            return new TaggedResult(result as IResult ?? (result is null ? null : TypedResults.Ok(result)), body);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Strong, because the tag changes with every byte: "sha256 in hex", quoted.</summary>
    public static EntityTagHeaderValue TagOf(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(body))}\"");

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 13.1.2); <c>*</c> matches any current answer.</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue tag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().IfNoneMatch.Any(candidate =>
            candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
    }

    /// <summary>Holds what the endpoint writes in memory until <see cref="ReleaseAsync"/> puts the real response body back.</summary>
    private sealed class BufferedBody : IDisposable
    {
        private readonly HttpContext http;
        private readonly IHttpResponseBodyFeature original;
        private readonly StreamResponseBodyFeature buffered;

        public BufferedBody(HttpContext http)
        {
            this.http = http;
            original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            buffered = new StreamResponseBodyFeature(Buffer, original);
            http.Features.Set<IHttpResponseBodyFeature>(buffered);
        }

        public MemoryStream Buffer { get; } = new();

        public async Task<ReadOnlyMemory<byte>> ReleaseAsync()
        {
            try
            {
                await buffered.CompleteAsync();
            }
            finally
            {
                http.Features.Set(original);
            }

            return Buffer.GetBuffer().AsMemory(0, (int)Buffer.Length);
        }

        public void Dispose()
        {
            http.Features.Set(original);
            Buffer.Dispose();
        }
    }

    private sealed class TaggedResult(IResult? inner, BufferedBody buffered) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using var owned = buffered;
            ReadOnlyMemory<byte> body;
            try
            {
                if (inner is not null)
                {
                    await inner.ExecuteAsync(httpContext);
                }
            }
            finally
            {
                body = await buffered.ReleaseAsync();
            }

            var response = httpContext.Response;
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                var tag = TagOf(body.Span);
                var headers = response.GetTypedHeaders();
                headers.ETag = tag;
                // A signed-in reader's answer may carry a renewed sign-in cookie (sliding expiration): it is theirs
                // alone, never stored by a shared cache. A visitor's is public.
                headers.CacheControl = httpContext.User.Identity?.IsAuthenticated == true
                    ? new CacheControlHeaderValue { Private = true, MaxAge = MaxAge }
                    : new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };

                // The same answer for every origin, whether or not the request named one: a shared cache that stored
                // a plain request's answer must not hand a browser's fetch an answer without the CORS header.
                response.Headers.AccessControlAllowOrigin = "*";
                if (Matches(httpContext.Request, tag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    response.Headers.ContentDisposition = default;
                    return;
                }

                response.ContentLength = body.Length;
            }

            // An empty error answer stays unstarted, so the status-code page can still speak to a browser.
            if (body.Length > 0)
            {
                await response.Body.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
