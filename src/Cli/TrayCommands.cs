using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray;
using Tilannekuva.ServiceTray.Demo;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Search;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.Cli;

/// <summary>
/// tray import ptv &lt;files or folders…&gt; | --url &lt;base&gt;; tray import activities &lt;file&gt; --mapping m.json; tray search &lt;words&gt;;
/// tray demo. Exit codes: 0 done, 2 refused (every bad value printed as file: line n: field: reason; nothing stored).
/// </summary>
public static class TrayCommands
{
    public static Command Build()
    {
        var import = new Command("import", "Import services into the service tray (palvelutarjotin)") { Ptv(), Activities() };
        return new Command("tray", "The wellbeing service tray (palvelutarjotin)") { import, Search(), Demo() };
    }

    private static Command Ptv()
    {
        var paths = new Argument<string[]>("paths") { Description = "PTV JSON files or folders of them (services, service channels, organisations)", Arity = ArgumentArity.ZeroOrMore };
        var url = new Option<string?>("--url") { Description = "The PTV open interface's base (…/api/v11); default: ServiceTray:Ptv:Url" };
        var query = new Option<string?>("--query") { Description = "Appended to the page requests, e.g. a date filter" };
        var cmd = new Command("ptv", "Import from the Finnish Service Catalogue (PTV, open interface v11): files or the interface itself") { paths, url, query };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            var settings = app.Services.GetRequiredService<ServiceTraySettings>();
            var files = r.GetValue(paths) ?? [];
            var from = r.GetValue(url) ?? (files.Length == 0 ? settings.PtvUrl : null);
            if (files.Length == 0 && from is null)
            {
                Console.Error.WriteLine(Texts.Get("Tray.Cli.NothingToImport"));
                return 2;
            }
            return await RunAsync(app, async (importer, token) =>
            {
                if (from is not null)
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                    return await ServiceTrayModule.ImportPtvUrlAsync(importer, http, from, r.GetValue(query) ?? settings.PtvQuery, new Progress<string>(Console.WriteLine), token);
                }
                return await importer.StoreAsync(PtvImport.Read(PtvImport.Files(files), string.Join(", ", files)), token);
            }, ct);
        });
        return cmd;
    }

    private static Command Activities()
    {
        var file = new Argument<string>("file") { Description = "The listing (CSV or JSON)" };
        var mapping = new Option<string>("--mapping") { Description = "The mapping file (JSON, see docs/servicetray.md)", Required = true };
        var cmd = new Command("activities", "Import associations' activities and events (Lähellä.fi kind) through a mapping") { file, mapping };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            return await RunAsync(app, (importer, token) =>
                importer.StoreAsync(ActivityImport.Read(r.GetValue(file)!, ActivityMapping.Load(r.GetValue(mapping)!)), token), ct);
        });
        return cmd;
    }

    private static async Task<int> RunAsync(WebApplication app, Func<TrayImporter, CancellationToken, Task<TrayImportResult>> run, CancellationToken ct)
    {
        await Tilannekuva.Web.Hosting.Startup.MigrateAsync(app.Services, ct);
        using var scope = app.Services.CreateScope();
        try
        {
            var result = await run(scope.ServiceProvider.GetRequiredService<TrayImporter>(), ct);
            Console.WriteLine(Texts.Format("Tray.Cli.Imported", CultureInfo.CurrentUICulture, result.Read, result.Added, result.Updated, result.Retired, result.Restored, result.Unchanged));
            return 0;
        }
        catch (TrayImportException e)
        {
            Console.Error.WriteLine(Texts.Format("Tray.Cli.Refused", CultureInfo.CurrentUICulture, e.Errors.Count));
            foreach (var error in e.Errors) Console.Error.WriteLine("  " + error);
            return 2;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine(Texts.Format("Tray.Cli.Unreachable", CultureInfo.CurrentUICulture, e.Message));
            return 2;
        }
    }

    private static Command Search()
    {
        var words = new Argument<string[]>("words") { Arity = ArgumentArity.ZeroOrMore };
        var lang = new Option<string>("--lang") { DefaultValueFactory = _ => "fi" };
        var municipality = new Option<string?>("--municipality");
        var postal = new Option<string?>("--postal-code");
        var openNow = new Option<bool>("--open-now");
        var cmd = new Command("search", "Search the tray as a resident would (prints the first 20)") { words, lang, municipality, postal, openNow };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Tilannekuva.Web.Hosting.Startup.MigrateAsync(app.Services, ct);
            var search = app.Services.GetRequiredService<TraySearch>();
            var q = new TrayQuery { Text = string.Join(' ', r.GetValue(words) ?? []), Language = r.GetValue(lang)!, Municipality = r.GetValue(municipality), PostalCode = r.GetValue(postal), OpenNow = r.GetValue(openNow) };
            var result = await search.SearchAsync(q, ct);
            Console.WriteLine($"{result.Total} {(result.Loosened ? "(any word)" : "")}");
            foreach (var h in result.Hits)
                Console.WriteLine($"{h.Score,7:0.00} {(h.Kilometres is { } km ? $"{km,6:0.0} km" : "        ")} {(h.OpenNow ? "●" : " ")} {h.Item.Id,6} {h.Item.Service.Name.Get(q.Language)}");
            return 0;
        });
        return cmd;
    }

    private static Command Demo()
    {
        var cmd = new Command("demo", "Load the synthetic demo tray (source \"demo\"; idempotent)");
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            return await RunAsync(app, (importer, token) => importer.StoreAsync(TrayDemo.Snapshot(), token), ct);
        });
        return cmd;
    }
}
