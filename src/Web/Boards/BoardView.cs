using System.Globalization;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;

namespace Tilannekuva.Web.Boards;

/// <summary>What the tiles partial renders: a board, its figures and the names of its units.</summary>
public sealed record BoardView(Board Board, BoardFigures Figures, IReadOnlyDictionary<string, string> UnitNames)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Count(int n) => n.ToString("N0", Culture);

    public static string Percent(double? v) => v is { } x ? x.ToString("0.0", Culture) + " %" : "–";

    public static string Days(double? v) => v is { } x ? x.ToString("0.#", Culture) : "–";

    public static string Nps(double? v) => v is { } x ? x.ToString("+0;−0;0", Culture) : "–";

    public static string Time(DateTime? t) => t is { } x ? x.ToString(x.Date == DateTime.Today ? "H:mm" : "d.M.yyyy H:mm", CultureInfo.GetCultureInfo("fi")) : "–";

    /// <summary>The newest data's time in full, for the footer (d.M.yyyy H:mm).</summary>
    public static string FullTime(DateTime? t) => t is { } x ? x.ToString("d.M.yyyy H:mm", CultureInfo.GetCultureInfo("fi")) : "–";

    /// <summary>Machine-readable value for tests and scripts (invariant, no rounding beyond what is stored).</summary>
    public static string Raw(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
