using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Hosting;

/// <summary>Request-size limits per kind of endpoint (configuration "Security:*").</summary>
public sealed record RequestLimits
{
    /// <summary>Anonymous feedback submissions (API, form, kiosk).</summary>
    public long FeedbackBytes { get; init; } = 64 * 1024;
    /// <summary>Everything else that writes: forms and entity writes.</summary>
    public long DefaultBytes { get; init; } = 1024 * 1024;
    /// <summary>File uploads (indicator exports, plans); buffered to disk by the form reader, not to memory.</summary>
    public long UploadMegabytes { get; init; } = 200;
}

/// <summary>
/// Response headers and request limits for every request (docs/security.md): a strict Content-Security-Policy (no
/// inline script; inline styles allowed for the SVG charts), no framing except of the public results, nosniff,
/// Referrer-Policy, and a request-size limit per endpoint answered with 413 and a message before the body is read.
/// </summary>
public static partial class SecurityMiddleware
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{1}; frame-ancestors {0}";

    /// <param name="identityProvider">
    /// The origin of the county's identity provider, when one is configured: the sign-out form redirects there, and
    /// browsers hold form-action to every address a form's redirects pass through.
    /// </param>
    public static IApplicationBuilder UseSecurityHeadersAndLimits(this IApplicationBuilder app, RequestLimits limits, string? identityProvider = null) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path.Value ?? "";
        var embeddable = path.StartsWith("/results/", StringComparison.OrdinalIgnoreCase) || path.Equals("/feedback/trend.svg", StringComparison.OrdinalIgnoreCase);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, Csp, embeddable ? "*" : "'none'", identityProvider is null ? "" : " " + identityProvider);
        if (!embeddable) headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        // Board screen tokens travel in the query: never pass an address on to another site.
        headers["Referrer-Policy"] = "same-origin";

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var limit = LimitFor(path, limits);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            if (http.Request.ContentLength > limit)
            {
                await TooLargeAsync(http, limit);
                return;
            }
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
            {
                await TooLargeAsync(http, limit);
            }
            return;
        }
        await next(http);
    });

    public static long LimitFor(string path, RequestLimits limits)
    {
        if (path.StartsWith("/api/v1/feedback/responses", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/f/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/kiosk/", StringComparison.OrdinalIgnoreCase))
            return limits.FeedbackBytes;
        if (path.Equals("/indicators/import", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/v1/imports/", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/programmes/import", StringComparison.OrdinalIgnoreCase))
            return limits.UploadMegabytes * 1024 * 1024;
        return limits.DefaultBytes;
    }

    private static async Task TooLargeAsync(HttpContext http, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(Texts.Format("Security.TooLarge", null, limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB"));
    }

    /// <summary>A path with its secrets (signed feedback links in /f/, /kiosk/ and /feedback/qr/) replaced, for logs and traces.</summary>
    public static string RedactPath(string path) => TokenPath().Replace(path, "$1***$2");

    [GeneratedRegex(@"^(/(?:f|kiosk|feedback/qr|p|pulse/qr)/)[^/]+?(\.png|\.svg)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPath();

    /// <summary>A query string with its secrets (board screen tokens, any token=…) replaced, for logs.</summary>
    public static string RedactQuery(string query) => TokenParameter().Replace(query, "$1=***");

    [GeneratedRegex(@"([?&](?:token|access_token|key|code)[^=&]*)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();
}

/// <summary>
/// One log line per request with the query's secrets redacted (ASP.NET Core's own request lines, which carry the
/// whole query with board screen tokens, are turned down to warnings), and storage failures answered with 503 and
/// logged as one clear line — once per minute per kind of failure, not a stack trace per request.
/// </summary>
public static class RequestLogging
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> LastLogged = new();

    public static IApplicationBuilder UseRedactedRequestLogAndStorageGuard(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Tilannekuva.Requests");
        return app.Use(async (http, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // Every line logged while serving the request carries its ids (never its path: tokens travel in some paths).
            var activity = System.Diagnostics.Activity.Current;
            using var scope = log.BeginScope(new Dictionary<string, object?>
            {
                ["RequestId"] = http.TraceIdentifier, ["TraceId"] = activity?.TraceId.ToString(), ["SpanId"] = activity?.SpanId.ToString(),
            });
            try
            {
                await next(http);
            }
            catch (Exception e) when (IsStorageFailure(e) && !http.Response.HasStarted)
            {
                var kind = e.GetType().Name + ":" + (e.InnerException?.GetType().Name ?? "");
                var now = DateTimeOffset.UtcNow;
                if (!LastLogged.TryGetValue(kind, out var last) || now - last > TimeSpan.FromMinutes(1))
                {
                    LastLogged[kind] = now;
                    // The message only: the exception's text names the failure (disk full, connection refused), never a row's values.
                    log.LogError("Storage failure ({Kind}): {Message}. Requests are answered with 503 until it is fixed; repeats are not logged for a minute.",
                        e.GetType().Name, FirstLine(e.InnerException?.Message ?? e.Message));
                }
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(Texts.Get("Security.StorageFailure"));
            }
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("{Method} {Path}{Query} {Status} {Ms:0} ms", http.Request.Method, SecurityMiddleware.RedactPath(http.Request.Path.Value ?? ""),
                    SecurityMiddleware.RedactQuery(http.Request.QueryString.Value ?? ""), http.Response.StatusCode,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
    }

    private static bool IsStorageFailure(Exception e) => e switch
    {
        IOException io when io.HResult is unchecked((int)0x80070070) or 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => true,
        System.Data.Common.DbException => true,
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: System.Data.Common.DbException } => true,
        InvalidOperationException { InnerException: System.Data.Common.DbException } => true,
        _ => false,
    };

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
