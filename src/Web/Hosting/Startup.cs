using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Boards.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Hosting;

/// <summary>What happens before the first request: migrations, the first admin, and optionally the demo.</summary>
public static class Startup
{
    /// <summary>The module contexts, in the order they are migrated (registered service types).</summary>
    public static readonly IReadOnlyList<Type> ModuleContexts =
        [typeof(AccessDbContext), typeof(ProgrammeDbContext), typeof(IndicatorsDbContext), typeof(Tilannekuva.Feedback.Storage.FeedbackDbContext), typeof(BoardsDbContext),
         typeof(Tilannekuva.Comparison.Storage.ComparisonDbContext), typeof(Tilannekuva.ServiceTray.Storage.ServiceTrayDbContext),
         typeof(Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext),
         typeof(Tilannekuva.SocialWork.Storage.SocialWorkDbContext),
         typeof(Tilannekuva.Guidance.Storage.GuidanceDbContext)];

    /// <summary>
    /// Brings every module's schema up to date. Refuses (<see cref="Tilannekuva.Operations.Schema.SchemaNewerThanBinaryException"/>)
    /// a store that a newer version has migrated, before touching anything; and when it is about to change an existing store
    /// it first takes a backup (setting Operations:Backup:BeforeMigrate, default on; <paramref name="backupBeforeMigrate"/>
    /// overrides it). Returns that backup, if one was taken.
    /// </summary>
    public static async Task<Tilannekuva.Operations.Backups.BackupResult?> MigrateAsync(IServiceProvider services, CancellationToken ct = default, bool? backupBeforeMigrate = null)
    {
        using var scope = services.CreateScope();
        var contexts = ModuleContexts.Select(t => (DbContext)scope.ServiceProvider.GetRequiredService(t)).ToList();
        var schema = await Tilannekuva.Operations.Schema.SchemaGuard.InspectAsync(contexts, ct);
        Tilannekuva.Operations.Schema.SchemaGuard.RefuseNewer(schema);
        Tilannekuva.Operations.Backups.BackupResult? backup = null;
        var settings = scope.ServiceProvider.GetRequiredService<Tilannekuva.Operations.Backups.BackupSettings>();
        if ((backupBeforeMigrate ?? settings.BeforeMigrate) && Tilannekuva.Operations.Schema.SchemaGuard.WouldChangeExistingStore(schema))
            backup = await Tilannekuva.Operations.Backups.Backups.BackupAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Storage.DatabaseOptions>(),
                settings.Folder, settings, ct);
        // Each module's pending migrations are looked up first (its history table against the migrations
        // compiled in): EF's Migrate also compares the model with the last snapshot, which builds every
        // module's model and cost seconds of each command's start-up when nothing was pending (issue #20).
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AccessDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>(), ct);
        await IndicatorsStorage.MigrateAsync(scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>(),
            scope.ServiceProvider.GetService<Tilannekuva.Storage.DatabaseOptions>() ?? Tilannekuva.Storage.DatabaseOptions.Postgres(""), ct);
        await Tilannekuva.Feedback.Storage.FeedbackStorage.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<BoardsDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Comparison.Storage.ComparisonDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.ServiceTray.Storage.ServiceTrayDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.SocialWork.Storage.SocialWorkDbContext>(), ct);
        // Operations' own tables: the scheduler's job store (Quartz.NET's schema script) and the job run history.
        await Tilannekuva.Operations.Jobs.JobSchema.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Storage.DatabaseOptions>(), ct);
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Guidance.Storage.GuidanceDbContext>(), ct);
        return backup;
    }

    /// <summary>
    /// The national comparison demo on a store without compared counties: three synthetic counties, each computed in its
    /// own temporary database, exported, signed and imported (see <see cref="Tilannekuva.Comparison.Demo.ComparisonDemo"/>).
    /// Returns the counties loaded (none when the store had some). The counties' own databases are kept in
    /// <paramref name="keepFolder"/> when given (tests compare with them), else deleted.
    /// </summary>
    public static async Task<IReadOnlyList<Tilannekuva.Comparison.Demo.DemoCounty>> LoadComparisonDemoAsync(IServiceProvider services, DateOnly today,
        string? keepFolder = null, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<Tilannekuva.Comparison.ComparisonSettings>();
        var wallClock = BoardQuery.WallClock(scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<BoardSettings>());
        var now = DateOnly.FromDateTime(wallClock) == today ? wallClock : today.ToDateTime(new TimeOnly(23, 59));
        var folder = keepFolder ?? Path.Combine(Path.GetTempPath(), "tilannekuva-demo-comparison-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return await Tilannekuva.Comparison.Demo.ComparisonDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Comparison.Storage.ComparisonDbContext>(),
                folder, today, now, settings.Rule, ct: ct);
        }
        finally
        {
            if (keepFolder is null && Directory.Exists(folder))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>Creates the admin on an empty store; returns the one-time sign-ins to print (user name, password).</summary>
    public static async Task<IReadOnlyList<(string User, Role Role, string Password)>> EnsureAccountsAsync(IServiceProvider services, bool demo, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        var created = new List<(string, Role, string)>();
        if (await accounts.EnsureFirstAdminAsync("admin", ct) is { } adminPassword)
        {
            created.Add(("admin", Role.Admin, adminPassword));
            if (demo)
            {
                foreach (var (name, role) in DemoAccounts())
                    created.Add((name, role, (await accounts.CreateAsync(name, role, ct)).OneTimePassword));
                // The demo manager leads the demo board's health station (the demo region, loaded next, has it).
                await accounts.SetUnitsAsync(DemoManager, [DemoBoardUnit], ct);
            }
        }
        return created;
    }

    /// <summary>The demo's sign-ins: one per role, planners matching the demo programme's assignments.</summary>
    public static IEnumerable<(string Name, Role Role)> DemoAccounts() =>
        new[] { ("johtaja", Role.Director), ("analyytikko", Role.Analyst), ("ohjausryhma", Role.Viewer), (DemoManager, Role.Manager), (DemoAdvisor, Role.Advisor) }
            .Concat(DemoProgramme.PlannerUserNames.Select(p => (p, Role.Planner)))
            .Concat([("sosiaalityontekija", Role.SocialWorker), ("sosiaalityon-toimittaja", Role.SocialWorkEditor)])
            .Concat(new[] { ("ammattilainen", Role.Professional), ("toimittaja", Role.ServiceEditor) });

    /// <summary>The demo's service advisor (palveluneuvoja), a member of every demo guidance team.</summary>
    public const string DemoAdvisor = "neuvoja";

    /// <summary>The demo's unit manager (esihenkilö) of <see cref="DemoBoardUnit"/>, who sets up the demo steering board.</summary>
    public const string DemoManager = "esihenkilo";

    /// <summary>The demo board's unit: Kajaanin terveysasema in the synthetic region.</summary>
    public const string DemoBoardUnit = "K205-TA1";

    /// <summary>Residents of the demo region loaded by `serve --demo`: small enough to load in seconds.</summary>
    public const int DemoPopulation = 20_000;

    /// <summary>
    /// Loads the demo programme, feedback and, on a store without org units, a synthetic region of
    /// <paramref name="region"/>'s size (default: <see cref="DemoPopulation"/> residents, one year,
    /// seed 1). Returns the rows of operational data stored (0 when a region was there already).
    /// </summary>
    public static async Task<int> LoadDemoAsync(IServiceProvider services, DateOnly today, CancellationToken ct = default,
        (int Population, int Years, int Seed)? region = null)
    {
        var (population, years, seed) = region ?? (DemoPopulation, 1, 1);
        using var scope = services.CreateScope();
        await DemoProgramme.LoadAsync(scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>(), today, ct);
        // A year of synthetic operational data up to this moment (Finnish time; a snapshot: later events left out,
        // later callbacks still open), so the indicator pages have a history and the steering board a live today.
        var wallClock = BoardQuery.WallClock(scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<BoardSettings>());
        var now = DateOnly.FromDateTime(wallClock) == today ? wallClock : today.ToDateTime(new TimeOnly(23, 59));
        var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-demo-region-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var stored = await DemoRegionLoader.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>(), population, years, seed, today, folder, ct, now);
            await Tilannekuva.Feedback.Demo.FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Questionnaires.QuestionnaireComposer>(), today, ct: ct);
            await Tilannekuva.Feedback.Demo.PulseDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(), DemoBoardUnit, today, ct);
            // The synthetic service tray (source "demo"; storing the same snapshot again changes nothing).
            await scope.ServiceProvider.GetRequiredService<Tilannekuva.ServiceTray.Import.TrayImporter>().StoreAsync(Tilannekuva.ServiceTray.Demo.TrayDemo.Snapshot(), ct);
            // Two contact-sampling periods (before/after) of the demo board's unit, closed into the failure-demand indicators.
            await Tilannekuva.ContactSampling.Demo.SamplingDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.ContactSampling.SamplingService>(),
                scope.ServiceProvider.GetRequiredService<Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext>(), DemoBoardUnit, today, ct);
            // Structural social work: synthetic observations over this half-year and the one before (only on a store without any).
            await Tilannekuva.SocialWork.Demo.SocialWorkDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.SocialWork.Storage.SocialWorkDbContext>(), today, ct);
            await Tilannekuva.ServiceTray.Demo.TrayWorkDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.ServiceTray.Storage.ServiceTrayDbContext>(), ct);
            // Guidance chat: demo teams, knowledge base, the demo advisor in every team.
            await Tilannekuva.Guidance.Demo.GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Guidance.Storage.GuidanceDbContext>(), [DemoAdvisor], ct);
            return stored;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The demo steering board (one health station, every tile) on a store without boards; returns its id and
    /// screen token to print once, or null when boards exist.
    /// </summary>
    public static async Task<(int Id, string Token)?> EnsureDemoBoardAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<BoardsDbContext>().Boards.AnyAsync(ct)) return null;
        var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
        var id = await boards.SaveAsync(null, new BoardDraft("Kajaanin terveysasema – vastaanotto", [DemoBoardUnit], Board.AllTiles,
            Board.DefaultRefreshSeconds, Board.DefaultStaleMinutes, BoardTheme.HighContrast), ct);
        return (id, (await boards.IssueTokenAsync(id, ct))!);
    }
}
