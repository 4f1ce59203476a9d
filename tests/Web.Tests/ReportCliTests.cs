using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// `report monthly` runs without the web host (only the modules it reads, issue #20): its file must be
/// byte for byte the one the web application's services make for the same programme and date, computed
/// indicator values included.
/// </summary>
[Collection(nameof(CliConsole))]
public sealed class ReportCliTests
{
    [Fact]
    public async Task Monthly_report_from_the_command_line_equals_the_web_applications()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];
        Assert.Equal(0, (await CliConsole.RunAsync(Db("demo", "--population", "600", "--years", "1", "--seed", "3", "--today", "2025-12-31"))).Code);
        var path = Path.Combine(file.Folder, "monthly.csv");

        var cli = await CliConsole.RunAsync(Db("report", "monthly", "--date", "2025-12-31", "--lang", "fi", "--out", path));

        Assert.True(cli.Code == 0, cli.Error);
        await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], file.Options);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>();
        var id = db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).First();
        var web = await ReviewDocuments.MonthlyAsync(db, id, new DateOnly(2025, 12, 31), MonthlyFileFormat.Csv, CultureInfo.GetCultureInfo("fi"),
            scope.ServiceProvider.GetRequiredService<IComputedMetricValues>());
        Assert.NotNull(web);
        Assert.Equal(web.Content, await File.ReadAllBytesAsync(path));
        Assert.True(web.Content.Length > 200);
    }
}
