using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Guidance.Figures;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.Web.Guidance;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>The chat figures (/neuvonta/luvut): chats, bot-only resolved share, handoffs, wait p50/p90, handled-in-chat share, per team and hour.</summary>
[Authorize(Roles = GuidanceWeb.FigureReaders)]
public sealed class FiguresModel(GuidanceDbContext db, TimeProvider clock) : PageModel
{
    public GuidanceFigureSet Figures { get; private set; } = null!;
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (f, t) = GuidanceWeb.Period(from, to, clock);
        Figures = await GuidanceFigures.ComputeAsync(db, f, t, Lang, null, ct);
    }

    public string Share(double? v) => v is { } x ? (x * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %" : L("Guidance.Figures.None");

    public string Seconds(double? v) => v is { } x ? Texts.Format("Guidance.Figures.Seconds", CultureInfo.CurrentUICulture, x.ToString("0", CultureInfo.CurrentCulture)) : L("Guidance.Figures.None");

    private static string L(string key) => Texts.Get(key, CultureInfo.CurrentUICulture);
}
