using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Cli;

/// <summary>import plan &lt;file&gt; [--confirm] [--name]: a project plan (pdftotext text or DOCX) into the programme workspace.</summary>
public static class ImportCommands
{
    /// <summary>import plan     public static Command Build()lt;file    public static Command Build()gt;: a subcommand of import, beside the canonical-data kinds.</summary>
    public static Command Plan()
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan: text extracted with pdftotext, or a .docx" };
        var confirm = new Option<bool>("--confirm") { Description = "Store the plan (without it, only the preview and the differences are shown)" };
        var name = new Option<string?>("--name") { Description = "Programme name, when the plan does not state it" };
        var plan = new Command("plan", "Import a project plan written on the national template") { file, confirm, name };
        plan.SetAction(async (r, ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var path = r.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine(Texts.Format("PlanImport.FileNotFound", culture, path.FullName));
                return 2;
            }
            var preview = PlanImporter.PreviewFile(path.FullName, r.GetValue(name));
            if (preview.Programme.Name.Length == 0)
            {
                Console.Out.Write(PlanPreviewText.Render(preview, null, culture));
                Console.Error.WriteLine(Texts.Get("PlanImport.NameMissing", culture));
                return 2;
            }
            await using var db = ProgrammeStorage.Open(CliApp.Database(r), new FixedUserName(Environment.UserName is { Length: > 0 } u ? u : "cli"));
            await db.Database.MigrateAsync(ct);
            var diff = await PlanImporter.DiffAsync(db, preview, ct);
            Console.Out.Write(PlanPreviewText.Render(preview, diff, culture));
            Console.WriteLine();
            if (!r.GetValue(confirm))
            {
                Console.WriteLine(Texts.Get("PlanImport.NotStored", culture));
                return 0;
            }
            var result = await PlanImporter.ConfirmAsync(db, preview, ct);
            Console.WriteLine(Texts.Format(result.Created ? "PlanImport.Created" : "PlanImport.Updated", culture,
                preview.Programme.Name, result.ProgrammeId, result.RowsWritten));
            if (result.Kept.Count > 0) Console.WriteLine(Texts.Format("PlanImport.Kept", culture, string.Join("; ", result.Kept)));
            return 0;
        });
        return plan;
    }
}
