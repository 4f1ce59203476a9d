using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Hosting;

/// <summary>What happens before the first request: migrations, the first admin, and optionally the demo.</summary>
public static class Startup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().Database.MigrateAsync(ct);
        await Tilannekuva.Feedback.Storage.FeedbackStorage.MigrateAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(), ct);
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
            }
        }
        return created;
    }

    /// <summary>The demo's sign-ins: one per role, planners matching the demo programme's assignments.</summary>
    public static IEnumerable<(string Name, Role Role)> DemoAccounts() =>
        new[] { ("johtaja", Role.Director), ("analyytikko", Role.Analyst), ("ohjausryhma", Role.Viewer) }
            .Concat(DemoProgramme.PlannerUserNames.Select(p => (p, Role.Planner)));

    /// <summary>Residents of the demo region loaded by `serve --demo`: small enough to load in seconds.</summary>
    public const int DemoPopulation = 20_000;

    public static async Task LoadDemoAsync(IServiceProvider services, DateOnly today, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        await DemoProgramme.LoadAsync(scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>(), today, ct);
        // A year of synthetic operational data ending last month, so the indicator pages have something to show.
        var end = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-demo-region-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await DemoRegionLoader.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>(), DemoPopulation, 1, seed: 1, end, folder, ct);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        await Tilannekuva.Feedback.Demo.FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Questionnaires.QuestionnaireComposer>(), today, ct: ct);
    }
}
