using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Web.Tests;

/// <summary>Finds things in the demo programme the tests need (by assignment, not by hard-coded ids).</summary>
public static class Demo
{
    public const string Planner = "suunnittelija1";
    public const string OtherPlanner = "suunnittelija2";
    public const string Director = "johtaja";
    public const string Viewer = "ohjausryhma";
    public const string Analyst = "analyytikko";
    public const string Admin = "admin";

    public static Task<int> ProgrammeIdAsync(this TestApp app) =>
        app.QueryAsync(db => db.Programmes.Where(p => p.Name == Tilannekuva.Programme.Demo.DemoProgramme.Name).Select(p => p.Id).SingleAsync());

    /// <summary>A work package assigned to the user.</summary>
    public static Task<int> OwnWorkPackageAsync(this TestApp app, string user) =>
        app.QueryAsync(db => db.Assignments.Where(a => a.UserName == user).OrderBy(a => a.WorkPackageId).Select(a => a.WorkPackageId).FirstAsync());

    /// <summary>A work package assigned to someone else and not to the user.</summary>
    public static Task<int> OthersWorkPackageAsync(this TestApp app, string user) =>
        app.QueryAsync(db => db.WorkPackages
            .Where(w => w.Assignments.Any() && !w.Assignments.Any(a => a.UserName == user))
            .OrderBy(w => w.Id).Select(w => w.Id).FirstAsync());

    /// <summary>The risks of a work package, by id (at least <paramref name="atLeast"/> of them).</summary>
    public static async Task<List<Risk>> RisksAsync(this TestApp app, int workPackageId, int atLeast = 1)
    {
        var risks = await app.QueryAsync(db => db.Risks.Where(r => r.WorkPackageId == workPackageId).OrderBy(r => r.Id).ToListAsync());
        Assert.True(risks.Count >= atLeast, $"Work package {workPackageId} has {risks.Count} risks; the test needs {atLeast}.");
        return risks;
    }

    public static Task<Risk> RiskAsync(this TestApp app, int id) =>
        app.QueryAsync(db => db.Risks.SingleAsync(r => r.Id == id));

    public static Task<int> WorkPackageMetricAsync(this TestApp app, int workPackageId) =>
        app.QueryAsync(db => db.Metrics.Where(m => m.WorkPackageId == workPackageId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
}
