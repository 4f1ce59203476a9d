using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Web.Pages.Indicators;

/// <summary>Analysts load export files here; the result shows the counts and every rejected row with file, line, field and reason.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Director + "," + Roles.Analyst)]
[RequestSizeLimit(1L << 30)]
[RequestFormLimits(MultipartBodyLengthLimit = 1L << 30)]
public sealed class IndicatorImportModel(ImportRunner runner) : PageModel
{
    public const int RejectsShown = 500;
    [BindProperty] public SourceKind Kind { get; set; } = SourceKind.Visits;
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, IFormFile? mapping, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { Error = Localisation.Texts.Get("IndicatorPage.Import.NoFile"); return Page(); }
        try
        {
            await using var content = file.OpenReadStream();
            await using var map = mapping?.OpenReadStream();
            Result = await runner.RunAsync(Kind, file.FileName, content, map, CultureInfo.CurrentUICulture, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException or InvalidOperationException)
        {
            // The importer rolled back; say why in its own words (they name file, line and field).
            Error = e.Message;
        }
        return Page();
    }
}
