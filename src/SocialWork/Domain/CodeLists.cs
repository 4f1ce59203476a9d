using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.SocialWork.Domain;

/// <summary>
/// The module's code lists. Names come from the localised texts ("SocialWork.Category.&lt;code&gt;" and so on),
/// so a code is never shown to people on its own.
/// </summary>
public static class CodeLists
{
    public static readonly IReadOnlyList<string> Categories =
        ["livelihood", "housing", "substance", "mental", "loneliness", "family", "violence", "unreached", "other"];

    /// <summary>The Kainuu municipalities by their Statistics Finland codes.</summary>
    public static readonly IReadOnlyList<string> Areas = ["205", "105", "290", "578", "620", "697", "765", "777"];

    public static readonly IReadOnlyList<string> ClientGroups =
        ["families", "youngadults", "workingage", "older", "disabled", "immigrants"];

    public static string CategoryName(string code, CultureInfo? c = null) => Texts.Get("SocialWork.Category." + code, c);
    public static string AreaName(string code, CultureInfo? c = null) => Texts.Get("SocialWork.Area." + code, c);
    public static string ClientGroupName(string code, CultureInfo? c = null) => Texts.Get("SocialWork.ClientGroup." + code, c);
    public static string FollowUpName(FollowUpState s, CultureInfo? c = null) => Texts.Get("SocialWork.FollowUp." + s, c);
}
