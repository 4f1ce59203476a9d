using System.CommandLine;
using Tilannekuva.Comparison;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Import;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// comparison keygen | export | trust | import | demo: the national comparison (docs/comparison.md). A county makes a key
/// and exports signed files; the comparison instance trusts each county's public key and imports the files.
/// Refusals are one line naming the file, exit code 2.
/// </summary>
public static class ComparisonCommands
{
    public static Command Build() => new("comparison", "National comparison of counties: signed exports of aggregated indicator cells")
    {
        Keygen(), Export(), Trust(), Import(), Demo(),
    };

    /// <summary>"data/comparison/signing-key.pem" → "data/comparison/signing-key.pub.pem".</summary>
    public static string PublicKeyFile(string privateKeyFile) =>
        Path.Combine(Path.GetDirectoryName(privateKeyFile) ?? "", Path.GetFileNameWithoutExtension(privateKeyFile) + ".pub.pem");

    private static Command Keygen()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing key" };
        var cmd = new Command("keygen", "Create this county's signing key (ECDSA P-256) at Comparison:SigningKeyFile and its public key beside it") { force };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            var file = app.Services.GetRequiredService<ComparisonSettings>().SigningKeyFile;
            if (File.Exists(file) && !r.GetValue(force))
            {
                Console.Error.WriteLine(Texts.Format("Comparison.Cli.KeyExists", null, file));
                return 2;
            }
            var (privatePem, publicPem) = CountyKeys.Generate();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, privatePem, ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var publicFile = PublicKeyFile(file);
            await File.WriteAllTextAsync(publicFile, publicPem, ct);
            using var key = CountyKeys.LoadPublic(publicPem, publicFile);
            Console.WriteLine(Texts.Format("Comparison.Cli.KeyWritten", null, file, publicFile, CountyKeys.Fingerprint(key)));
            return 0;
        });
        return cmd;
    }

    private static Command Export()
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: <county>-comparison-<time>Z.json in the current folder)" };
        var cmd = new Command("export", "Write this county's indicator values as a signed comparison file (aggregated cells, small cells suppressed)") { output };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Startup.MigrateAsync(app.Services, ct);
            using var scope = app.Services.CreateScope();
            try
            {
                var (text, content) = await scope.ServiceProvider.GetRequiredService<SignedExportWriter>().WriteAsync(ct);
                var file = r.GetValue(output) ?? SignedExportWriter.FileName(content);
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(file, text, ct);
                Console.WriteLine(Texts.Format("Comparison.Cli.Exported", null, file, content.County.Id, content.Cells.Count, content.Cells.Count(c => c.Suppressed)));
                return 0;
            }
            catch (Exception e) when (e is ComparisonKeyException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return cmd;
    }

    private static Command Trust()
    {
        var file = new Argument<FileInfo>("public-key") { Description = "The county's public key (PEM), as `comparison keygen` wrote it" };
        var county = new Option<string>("--county") { Description = "The county id its exports carry (e.g. KAINUU)", Required = true };
        var cmd = new Command("trust", "On the comparison instance: trust a county's public key (copied to Comparison:TrustedKeysFolder as <county>.pem)") { file, county };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            var id = r.GetValue(county)!;
            if (!CountyKeys.IsValidCountyId(id))
            {
                Console.Error.WriteLine(Texts.Format("Comparison.Cli.BadCountyId", null, id));
                return 2;
            }
            var source = r.GetValue(file)!;
            try
            {
                var pem = await File.ReadAllTextAsync(source.FullName, ct);
                using var key = CountyKeys.LoadPublic(pem, source.Name);
                var folder = app.Services.GetRequiredService<ComparisonSettings>().TrustedKeysFolder;
                Directory.CreateDirectory(folder);
                var target = Path.Combine(folder, id + ".pem");
                await File.WriteAllTextAsync(target, key.ExportSubjectPublicKeyInfoPem(), ct);
                Console.WriteLine(Texts.Format("Comparison.Cli.Trusted", null, id, target, CountyKeys.Fingerprint(key)));
                return 0;
            }
            catch (Exception e) when (e is ComparisonKeyException or IOException)
            {
                Console.Error.WriteLine(e is IOException ? $"{source.FullName}: {e.Message}" : e.Message);
                return 2;
            }
        });
        return cmd;
    }

    private static Command Import()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Signed comparison files", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("import", "On the comparison instance: verify and import counties' signed comparison files (each in one transaction; the same file again changes nothing)") { files };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Startup.MigrateAsync(app.Services, ct);
            var settings = app.Services.GetRequiredService<ComparisonSettings>();
            var db = app.Services.GetRequiredService<DatabaseOptions>();
            await using var context = ComparisonStorage.Open(db, new FixedUserName($"cli:{Environment.UserName}"));
            var importer = new ComparisonImporter(context, TrustedKeys.FromFolder(settings.TrustedKeysFolder), settings.Rule);
            var exit = 0;
            foreach (var file in r.GetValue(files)!)
            {
                try
                {
                    var result = await importer.ImportFileAsync(file.FullName, ct);
                    Console.WriteLine(Texts.Format("Comparison.Cli." + result.Outcome, null, file.Name, result.CountyId, result.CountyName, result.Cells));
                }
                catch (Exception e) when (e is ExportRejectedException or ComparisonKeyException)
                {
                    Console.Error.WriteLine(e.Message);
                    exit = 2;
                }
            }
            return exit;
        });
        return cmd;
    }

    private static Command Demo()
    {
        var today = new Option<DateOnly?>("--today") { Description = "Date the counties' history ends (default: today)" };
        var cmd = new Command("demo", "Load three synthetic counties of different sizes into the comparison (each computed in its own database, exported, signed, imported)") { today };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Startup.MigrateAsync(app.Services, ct);
            var loaded = await Startup.LoadComparisonDemoAsync(app.Services, r.GetValue(today) ?? DateOnly.FromDateTime(DateTime.Today), ct: ct);
            Console.WriteLine(loaded.Count > 0
                ? Texts.Format("Comparison.Cli.DemoLoaded", null, loaded.Count, string.Join(", ", loaded.Select(c => c.Name)))
                : Texts.Get("Comparison.Cli.DemoKept"));
            return 0;
        });
        return cmd;
    }
}
