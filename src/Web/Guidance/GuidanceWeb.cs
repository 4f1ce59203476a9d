using System.Globalization;
using Tilannekuva.Access;
using Tilannekuva.Guidance;
using Tilannekuva.Guidance.Figures;
using Tilannekuva.Guidance.Queue;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Guidance;

/// <summary>The guidance chat's web side: SignalR, CORS for embedding sites (Guidance:AllowedOrigins), the embed script, texts for the widget, figures and the contacts export.</summary>
public static class GuidanceWeb
{
    public const string CorsPolicy = "guidance-embed";

    /// <summary>Roles that see the chat figures.</summary>
    public const string FigureReaders = Roles.Admin + "," + Roles.Director + "," + Roles.Analyst + "," + Roles.Advisor + "," + Roles.Manager;

    public static IServiceCollection AddGuidanceWeb(this IServiceCollection services, IConfiguration config, Tilannekuva.Storage.DatabaseOptions db)
    {
        services.AddGuidance(config, db);
        // The service tray as the bot's second source (Guidance defines the interface; the tray's search implements it here).
        services.AddSingleton<Tilannekuva.Guidance.Bot.IServiceSource, TrayServiceSource>();
        services.AddSingleton<AdvisorConnections>();
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 16 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var origins = GuidanceSettings.From(config).Origins;
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            // Embedding sites reach the hub and the texts without credentials: the chat id is the capability, not a cookie.
            if (origins.Length > 0) p.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST").DisallowCredentials();
        }));
        return services;
    }

    public static WebApplication MapGuidance(this WebApplication app)
    {
        // Once the server is stopping, new hub connections are refused (503). SignalR closes its connections when stopping begins, and
        // the pages reconnect at once (first delay 0): without this they got a new connection to the stopping server before Kestrel
        // unbound, and that connection held the stop until the host's shutdown timeout (30 s; dotnet/aspnetcore#58947). Measured
        // with `bench chat --restart-after`: the stop took 30 s with 2 or 20 conversations. Refused, a page tries again after its next
        // delay (1 s) and finds the new server.
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (context, next) =>
        {
            if (stopping.IsCancellationRequested && context.Request.Path.StartsWithSegments(ChatHub.Path))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }
            await next(context);
        });
        app.MapHub<ChatHub>(ChatHub.Path, o => o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets
                | Microsoft.AspNetCore.Http.Connections.HttpTransportType.ServerSentEvents | Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling)
            .AllowAnonymous().RequireCors(CorsPolicy);

        // The widget's texts in one language (the resident page and the embed script share them).
        app.MapGet("/chat/texts/{lang}", (string lang) =>
        {
            var culture = new CultureInfo(Texts.Cultures.Contains(lang) ? lang : Texts.DefaultCulture);
            var keys = Texts.KeysByCulture()[Texts.DefaultCulture].Where(k => k.StartsWith("Guidance.Chat.", StringComparison.Ordinal)
                || k.StartsWith("Guidance.Resolution.", StringComparison.Ordinal) || k.StartsWith("Guidance.Error.", StringComparison.Ordinal) || k.StartsWith("Guidance.Day.", StringComparison.Ordinal) || k.StartsWith("Guidance.Console.", StringComparison.Ordinal));
            return Results.Json(keys.ToDictionary(k => k, k => Texts.Get(k, culture)));
        }).AllowAnonymous().RequireCors(CorsPolicy);

        // One script tag on the county's site: <script src="https://<product>/chat/embed.js" data-team="NEUVONTA" data-lang="fi" async></script>
        app.MapGet("/chat/embed.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(Path.Combine(app.Environment.WebRootPath, "js", "chat-embed.js"), "text/javascript; charset=utf-8");
        }).AllowAnonymous();

        var api = app.MapGroup("/api/v1/guidance").WithTags("Guidance").RequireAuthorization(p => p
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme, Tilannekuva.Web.Auth.ApiTokenAuthentication.SchemeName)
            .RequireRole(FigureReaders.Split(',')));
        api.MapGet("/figures", async (DateOnly? from, DateOnly? to, string? lang, GuidanceDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (f, t) = Period(from, to, clock);
            return Results.Json(await GuidanceFigures.ComputeAsync(db, f, t, Texts.Cultures.Contains(lang) ? lang! : Texts.DefaultCulture, null, ct));
        });
        // Chat contacts in the indicator import's contacts shape (`import contacts <file>`): chats count in the remote-contact share.
        api.MapGet("/contacts.csv", async (DateOnly? from, DateOnly? to, GuidanceDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (f, t) = Period(from, to, clock);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(await GuidanceFigures.ContactsCsvAsync(db, f, t, ct)), "text/csv; charset=utf-8",
                $"chat-contacts-{f:yyyyMMdd}-{t:yyyyMMdd}.csv");
        });
        return app;
    }

    /// <summary>Default period: the last 30 days up to today (Finnish time).</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(OpeningHours.Local(clock.GetUtcNow()));
        var t = to ?? today;
        return (from ?? t.AddDays(-29), t);
    }
}
