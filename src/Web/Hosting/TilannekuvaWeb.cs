using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Boards;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Api;
using Tilannekuva.Web.Auth;
using Tilannekuva.Web.Auth.Oidc;
using Tilannekuva.Web.Reports;
using Tilannekuva.Web.Indicators;
using Tilannekuva.Web.Dashboards;
using Tilannekuva.Operations.Health;
using Tilannekuva.Operations.Telemetry;

namespace Tilannekuva.Web.Hosting;

/// <summary>Builds the web application; used by the CLI's `serve` and by the tests, so both run the same app.</summary>
public static class TilannekuvaWeb
{
    /// <param name="configure">Runs after the app's own registrations (tests replace the clock with it).</param>
    public static WebApplication Build(string[] args, DatabaseOptions? database = null, string? url = null, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // wwwroot is copied beside the assemblies, so the CLI and the tests serve the same files.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            ApplicationName = typeof(TilannekuvaWeb).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(url ?? builder.Configuration["urls"] ?? AppSettings.DefaultUrl);
        // SQL statements are not for the console; EF warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Request logging is quiet by default (the one-time sign-ins must not scroll away); Logging:LogLevel:Microsoft.AspNetCore turns it on.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // ASP.NET Core's request lines carry the whole query (board screen tokens): our own line redacts it instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var db = database ?? AppSettings.Database(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(db);
        services.AddHttpContextAccessor();
        // Write ä, ö, å as themselves rather than as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<ICurrentUserName, SignedInUser>();
        services.AddProgrammeStorage(db);
        services.AddAccessStorage(db);
        // Pseudonym key and raw-file folder: configuration "Ingest:*" or TILANNEKUVA_PSEUDONYM_KEY / TILANNEKUVA_RAW_FOLDER.
        services.AddIndicators(db, new Tilannekuva.Indicators.IngestSettings(builder.Configuration["Ingest:PseudonymKey"], builder.Configuration["Ingest:RawFolder"],
            builder.Configuration.GetSection("Ingest:Plausibility").Get<Tilannekuva.Indicators.Ingest.PlausibilityRules>()));
        services.AddScoped<IndicatorResults>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<Tilannekuva.Programme.Review.IComputedMetricValues, IndicatorMetricValues>();
        Tilannekuva.Feedback.FeedbackModule.AddFeedback(services, builder.Configuration, db);
        // Management dashboards; minimum cell size and cache time: configuration "Dashboards:*".
        Tilannekuva.Dashboards.DashboardsModule.AddDashboards(services, builder.Configuration);
        services.AddBoards(builder.Configuration, db);
        // National comparison: signing key, trusted county keys, minimum cell size: configuration "Comparison:*".
        Tilannekuva.Comparison.ComparisonModule.AddComparison(services, builder.Configuration, db);
        // Service tray (palvelutarjotin): catalogue, search; scheduled PTV import when ServiceTray:Ptv:Url is set.
        Tilannekuva.ServiceTray.ServiceTrayModule.AddServiceTray(services, builder.Configuration, db);
        // Contact-content analysis (kontaktien sisältöanalyysi): minutes per channel "ContactSampling:Minutes:<channel>", "ContactSampling:HoursPerPersonYear".
        Tilannekuva.ContactSampling.ContactSamplingModule.AddContactSampling(services, builder.Configuration, db);
        // Structural social work (rakenteellinen sosiaalityö); minimum cell size by area: configuration "SocialWork:MinimumCellSize".
        Tilannekuva.SocialWork.SocialWorkModule.AddSocialWork(services, builder.Configuration, db);
        // Guidance chat (docs/guidance.md): SignalR hub /chat/hub, settings "Guidance:*" (BotConfidence, RetentionDays, AllowedOrigins).
        Tilannekuva.Web.Guidance.GuidanceWeb.AddGuidanceWeb(services, builder.Configuration, db);
        services.AddScoped<Accounts>();
        services.AddSingleton(builder.Configuration.GetSection("Security:SignIn").Get<SignInLimits>() ?? new SignInLimits());
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AccountUnits>();
        services.AddScoped<FeedbackLinkRights>();
        services.AddScoped<EntityEditor>();
        services.AddScoped<Tilannekuva.Web.Feedback.ServicePointChanges>();
        // The county's identity provider (Security:Oidc:*, off while no authority is set) and the password sign-in (Security:LocalSignIn).
        var oidc = Tilannekuva.Web.Auth.Oidc.OidcSettings.From(builder.Configuration);
        services.AddSingleton(oidc);
        services.AddSingleton(Tilannekuva.Web.Auth.Oidc.LocalSignIn.From(builder.Configuration));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "tilannekuva.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCountySignIn(oidc);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => !c.User.HasClaim(SignedInUser.PasswordChangeClaim, "1"))
                .Build())
            .AddPolicy("admin", p => p.RequireRole(Roles.Admin));
        services.AddAntiforgery(o => o.Cookie.Name = "tilannekuva.af");
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizeFolder("/Admin", "admin");
            o.Conventions.AddPageRoute("/Boards/Edit", "boards/{id:int}/edit");
        });
        services.AddOpenApi();
        // Operations (docs/operations.md): backups, health, telemetry.
        services.AddSingleton(Tilannekuva.Operations.Backups.BackupSettings.From(builder.Configuration));
        services.AddSingleton(Tilannekuva.Operations.Audit.AuditForwardingSettings.From(builder.Configuration));
        Tilannekuva.Web.Operations.AuditSources.AddAuditSources(services);
        services.AddHostedService<Tilannekuva.Operations.Audit.AuditForwarder>();
        // Scheduled jobs: Quartz.NET over the app's database (docs/operations.md "Scheduled jobs").
        Tilannekuva.Operations.Jobs.JobsModule.AddTilannekuvaJobs(services, builder.Configuration, db);
        builder.AddTilannekuvaTelemetry(SecurityMiddleware.RedactPath);
        services.AddTilannekuvaHealth(Startup.ModuleContexts,
            builder.Configuration.GetSection("Operations:Health").Get<Tilannekuva.Operations.Health.HealthSettings>() ?? new());
        configure?.Invoke(services);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var requestLimits = builder.Configuration.GetSection("Security:Limits").Get<RequestLimits>() ?? new RequestLimits();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = requestLimits.UploadMegabytes * 1024 * 1024);

        var app = builder.Build();
        app.UseRedactedRequestLogAndStorageGuard();
        app.UseSecurityHeadersAndLimits(requestLimits, oidc.AuthorityOrigin);
        // HSTS only reaches browsers over HTTPS (behind the county's TLS proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseCors();
        app.UseRequestLocalization(Localisation());
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTilannekuvaHealth();
        app.MapTilannekuvaMetrics();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapCultureSwitch();
        app.MapProgrammeApiV1();
        app.MapIndicatorsApiV1();
        app.MapQualityExports();
        app.MapReportDownloads();
        app.MapIndicatorExports();
        app.MapFeedbackApiV1();
        app.MapDashboardsApiV1();
        app.MapDashboardExports();
        app.MapBoardsApiV1();
        app.MapComparisonApiV1();
        app.MapServiceTrayApiV1();
        app.MapSamplingApiV1();
        app.MapSocialWorkApiV1();
        app.MapPulse();
        Tilannekuva.Web.Guidance.GuidanceWeb.MapGuidance(app);
        app.MapJobsApiV1();
        return app;
    }

    /// <summary>fi is the default; the choice is kept in a cookie set by /culture.</summary>
    private static RequestLocalizationOptions Localisation()
    {
        var cultures = Texts.Cultures.Select(c => new CultureInfo(c)).ToList();
        var o = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Texts.DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return o;
    }

    private static bool IsLocal(string url) =>
        url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = Texts.Cultures.Contains(c) ? c : Texts.DefaultCulture;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            // Only a path of this site: "/\\evil.example" and "//evil.example" are other sites to a browser.
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous();
}
