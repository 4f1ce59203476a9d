using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Pages.Programmes;

/// <summary>
/// Import a project plan: upload (DOCX or pdftotext text) → preview (tree, findings, unplaced text, differences
/// to the stored programme) → confirm. Between the two posts the extracted text waits in a temporary file named by
/// a random id; nothing is stored in the database before the confirmation.
/// </summary>
[Authorize(Roles = Roles.ProgrammeManagers)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class ImportPlanModel(ProgrammeDbContext db, IConfiguration configuration) : PageModel
{
    /// <summary>The request limit; the file limit proper (PlanImport:MaxMegabytes, 20 MB) is checked with a clear message below it.</summary>
    public const int MaxUploadBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? UploadId { get; set; }
    /// <summary>The user allowed the import to remove items of the stored programme.</summary>
    [BindProperty] public bool Replace { get; set; }

    public PlanPreview? Preview { get; private set; }
    public PlanDiff? Diff { get; private set; }
    public PlanRemovals Removals { get; private set; } = PlanRemovals.None;
    public string? Error { get; private set; }

    private long MaxBytes => (long)(configuration.GetValue<double?>("PlanImport:MaxMegabytes") is { } mb and > 0 ? mb * 1024 * 1024 : PlanInput.DefaultMaxBytes);

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) { Error = Texts.Get("PlanImport.Page.NoFile"); return Page(); }
        var fileName = Path.GetFileName(Upload.FileName);
        string text;
        try
        {
            await using var stream = Upload.OpenReadStream();
            text = PlanImporter.ReadText(stream, fileName, MaxBytes);
            PlanImporter.EnsureIsPlan(PlanImporter.Preview(text, fileName, Name));
        }
        catch (PlanRefusedException e)
        {
            Error = e.Text();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        UploadId = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Folder);
        await System.IO.File.WriteAllTextAsync(PathOf(UploadId), fileName + "\n" + text, ct);
        CleanOld();
        return await ShowAsync(fileName, text, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!TryRead(out var fileName, out var text)) { Error = Texts.Get("PlanImport.Page.Expired"); return Page(); }
        var preview = PlanImporter.Preview(text, fileName, Name);
        if (preview.Programme.Name.Length == 0) return await ShowAsync(fileName, text, ct);
        try
        {
            var result = await PlanImporter.ConfirmAsync(db, preview, Replace, ct);
            System.IO.File.Delete(PathOf(UploadId!));
            return Redirect(result.RevisionId is null ? $"/programmes/{result.ProgrammeId}" : $"/programmes/{result.ProgrammeId}/revisions");
        }
        catch (PlanRemovalsNeedReplaceException e)
        {
            Error = Texts.Format("PlanImport2.Page.NeedsReplace", null, e.Removals.Text());
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await ShowAsync(fileName, text, ct);
        }
        catch (PlanRefusedException e)
        {
            Error = e.Text();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    /// <summary>Re-reads the kept upload with another programme name.</summary>
    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        if (!TryRead(out var fileName, out var text)) { Error = Texts.Get("PlanImport.Page.Expired"); return Page(); }
        return await ShowAsync(fileName, text, ct);
    }

    private async Task<IActionResult> ShowAsync(string fileName, string text, CancellationToken ct)
    {
        Preview = PlanImporter.Preview(text, fileName, Name);
        if (Preview.Programme.Name.Length > 0)
        {
            Diff = await PlanImporter.DiffAsync(db, Preview, ct);
            Removals = await PlanImporter.RemovalsAsync(db, Preview, ct);
        }
        Name = Preview.Programme.Name;
        return Page();
    }

    private static string Folder => Path.Combine(Path.GetTempPath(), "tilannekuva-planimport");

    private static string PathOf(string id) => Path.Combine(Folder, id + ".txt");

    private bool TryRead(out string fileName, out string text)
    {
        fileName = text = "";
        // The id is ours (32 hex digits); anything else never reaches the file system.
        if (UploadId is not { Length: 32 } id || !id.All(Uri.IsHexDigit)) return false;
        var path = PathOf(id);
        if (!System.IO.File.Exists(path)) return false;
        var all = System.IO.File.ReadAllText(path);
        var nl = all.IndexOf('\n');
        fileName = nl < 0 ? "plan.txt" : all[..nl];
        text = nl < 0 ? all : all[(nl + 1)..];
        return true;
    }

    private static void CleanOld()
    {
        foreach (var f in Directory.EnumerateFiles(Folder, "*.txt"))
            if (DateTime.UtcNow - System.IO.File.GetLastWriteTimeUtc(f) > Lifetime)
                try { System.IO.File.Delete(f); } catch (IOException) { }
    }
}
