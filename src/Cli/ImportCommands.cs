using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Cli;

/// <summary>
/// import plan &lt;file&gt; [--confirm] [--replace] [--name] [--max-mb]: a project plan (pdftotext text or DOCX) into the
/// programme workspace; plan revisions / plan restore: the states kept before imports.
/// Exit codes: 0 done (or preview only), 2 the file was refused (not found, empty, too large, binary, not a plan, no name),
/// 3 the import would remove something and --replace was not given (nothing changed), 4 unknown revision or programme.
/// </summary>
public static class ImportCommands
{
    /// <summary>import plan: a subcommand of import, beside the canonical-data kinds.</summary>
    public static Command Plan()
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan: text extracted with pdftotext (with or without -layout), or a .docx" };
        var confirm = new Option<bool>("--confirm") { Description = "Store the plan (without it, only the preview and the differences are shown)" };
        var replace = new Option<bool>("--replace") { Description = "Allow the import to remove items of the stored programme (the state before is kept as a revision)" };
        var name = new Option<string?>("--name") { Description = "Programme name, when the plan does not state it" };
        var maxMb = new Option<double>("--max-mb") { Description = "Refuse files larger than this many megabytes", DefaultValueFactory = _ => PlanInput.DefaultMaxBytes / 1024d / 1024d };
        var plan = new Command("plan", "Import a project plan written on the national template") { file, confirm, replace, name, maxMb };
        plan.SetAction(async (r, ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var path = r.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine(Texts.Format("PlanImport.FileNotFound", culture, path.FullName));
                return 2;
            }
            PlanPreview preview;
            try
            {
                preview = PlanImporter.PreviewFile(path.FullName, r.GetValue(name), (long)(r.GetValue(maxMb) * 1024 * 1024));
                PlanImporter.EnsureIsPlan(preview);
            }
            catch (PlanRefusedException e)
            {
                Console.Error.WriteLine(e.Text(culture));
                return 2;
            }
            if (preview.Programme.Name.Length == 0)
            {
                Console.Out.Write(PlanPreviewText.Render(preview, null, culture));
                Console.Error.WriteLine(Texts.Get("PlanImport.NameMissing", culture));
                return 2;
            }
            await using var db = ProgrammeStorage.Open(CliApp.Database(r), new FixedUserName(Environment.UserName is { Length: > 0 } u ? u : "cli"));
            await ModuleMigrator.MigrateAsync(db, ct);
            var diff = await PlanImporter.DiffAsync(db, preview, ct);
            var removals = await PlanImporter.RemovalsAsync(db, preview, ct);
            Console.Out.Write(PlanPreviewText.Render(preview, diff, culture));
            if (!diff.IsNew)
                Console.WriteLine(removals.IsEmpty ? Texts.Get("PlanImport2.NothingRemoved", culture) : Texts.Format("PlanImport2.WouldRemove", culture, removals.Text(culture)));
            Console.WriteLine();
            if (!r.GetValue(confirm))
            {
                Console.WriteLine(Texts.Get("PlanImport.NotStored", culture));
                return 0;
            }
            PlanImportResult result;
            try
            {
                result = await PlanImporter.ConfirmAsync(db, preview, r.GetValue(replace), ct);
            }
            catch (PlanRemovalsNeedReplaceException e)
            {
                Console.Error.WriteLine(Texts.Format("PlanImport2.NeedsReplace", culture, e.Removals.Text(culture)));
                return 3;
            }
            Console.WriteLine(Texts.Format(result.Created ? "PlanImport.Created" : "PlanImport.Updated", culture,
                preview.Programme.Name, result.ProgrammeId, result.RowsWritten));
            if (result.RevisionId is { } rev) Console.WriteLine(Texts.Format("PlanImport2.RevisionKept", culture, rev));
            if (result.Kept.Count > 0) Console.WriteLine(Texts.Format("PlanImport.Kept", culture, string.Join("; ", result.Kept)));
            return 0;
        });
        return plan;
    }

    /// <summary>plan revisions &lt;programme&gt; · plan restore &lt;revisionId&gt;.</summary>
    public static Command Revisions()
    {
        var programme = new Argument<string>("programme") { Description = "The programme's id or name" };
        var list = new Command("revisions", "List the states of a programme kept before plan imports and restores") { programme };
        list.SetAction(async (r, ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            await using var db = ProgrammeStorage.Open(CliApp.Database(r), new FixedUserName(Environment.UserName is { Length: > 0 } u ? u : "cli"));
            await ModuleMigrator.MigrateAsync(db, ct);
            var key = r.GetValue(programme)!;
            var p = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                : await db.Programmes.AsNoTracking().FirstOrDefaultAsync(x => x.Name == key, ct);
            if (p is null) { Console.Error.WriteLine(Texts.Format("PlanImport2.ProgrammeNotFound", culture, key)); return 4; }
            var revisions = await PlanRevisions.ListAsync(db, p.Id, ct);
            if (revisions.Count == 0) { Console.WriteLine(Texts.Format("PlanImport2.Revisions.None", culture, p.Name)); return 0; }
            Console.WriteLine(Texts.Format("PlanImport2.Revisions.Header", culture, p.Name, p.Id));
            foreach (var v in revisions)
                Console.WriteLine(Texts.Format("PlanImport2.Revisions.Row", culture, v.Id, v.At.ToLocalTime(), v.UserName, RevisionReason(v, culture),
                    Texts.Format("PlanImport2.Revisions.Contents", culture, v.WorkPackages, v.Metrics, v.Risks, v.Measurements)));
            return 0;
        });
        var revision = new Argument<int>("revision") { Description = "The revision's number (see plan revisions)" };
        var restore = new Command("restore", "Put a programme back as a revision has it (the current state is kept as a new revision)") { revision };
        restore.SetAction(async (r, ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            await using var db = ProgrammeStorage.Open(CliApp.Database(r), new FixedUserName(Environment.UserName is { Length: > 0 } u ? u : "cli"));
            await ModuleMigrator.MigrateAsync(db, ct);
            var id = r.GetValue(revision);
            try
            {
                var before = await PlanRevisions.RestoreAsync(db, id, ct);
                var name = await db.Programmes.Where(p => p.Id == before.ProgrammeId).Select(p => p.Name).FirstAsync(ct);
                Console.WriteLine(Texts.Format("PlanImport2.Restored", culture, name, before.ProgrammeId, id, before.Id));
                return 0;
            }
            catch (RevisionNotFoundException)
            {
                Console.Error.WriteLine(Texts.Format("PlanImport2.RevisionNotFound", culture, id));
                return 4;
            }
        });
        return new Command("plan", "Kept states (revisions) of programmes: list and restore") { list, restore };
    }

    public static string RevisionReason(Tilannekuva.Programme.Domain.ProgrammeRevision v, CultureInfo culture) =>
        Texts.Format($"PlanImport2.Reason.{v.Reason}", culture, v.Source);
}
