using System.Globalization;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Demo;

/// <summary>
/// The demo's written accounts (katsaustekstit) per work package and finance comments per investment, one per
/// review period, so that the demo review reads like the real one: what was done since the last meeting, in the
/// planners' words. Synthetic sentences built from the work package's own actions and status history.
/// </summary>
internal static class DemoReviewNotes
{
    private static readonly string[] Openings =
    [
        "Jakson aikana työ painottui toimenpiteiden käytännön toteutukseen yhdessä palveluyksiköiden kanssa.",
        "Kehittämistyötä on tehty tiiviissä yhteistyössä esihenkilöiden ja kansallisen verkoston kanssa.",
        "Jaksolla pidettiin työpajoja henkilöstön kanssa ja tarkennettiin toimintamallin kuvausta palautteen perusteella.",
        "Työ eteni suunnitelman mukaisesti; henkilöstön osallistumista helpotettiin lyhyillä etätyöpajoilla.",
        "Jaksolla keskityttiin pilotin valmisteluun, viestintään ja mittareiden seurannan vakiinnuttamiseen.",
    ];

    private static readonly string[] Closings =
    [
        "Seuraavalla jaksolla arvioidaan pilotin tulokset ja sovitaan juurruttamisesta linjaorganisaation kanssa.",
        "Seuraavaksi toimintamalli kuvataan Innokylään ja sen käyttöä laajennetaan uusiin yksiköihin.",
        "Jatkossa painopiste on vaikutusten arvioinnissa ja omistajuuden siirrossa hankkeen jälkeiselle ajalle.",
        "Tulevalla jaksolla viestitään asukkaille ja ammattilaisille uudesta palvelusta ja kerätään käyttäjäpalautetta.",
    ];

    private static readonly string[] FinancePool =
    [
        "Talouden toteuma-arvio on parantunut, kun hankintoja on toteutunut ja työsuhdejatkoja on tehty.",
        "Henkilöstökulut ovat toteutuneet suunnitellusti; ostopalveluiden toteuma painottuu hankkeen loppuvuoteen.",
        "Työpanoksen siirtokustannukset ovat osin avoinna, koska työajanseurannan tiedot saadaan jälkikäteen.",
        "Hankintojen kilpailutukset ovat edenneet, ja sopimusten kustannukset kirjautuvat seuraavalle jaksolle.",
    ];

    public static void Add(DevelopmentProgramme programme, DateOnly today)
    {
        var rng = new Random(20_241_212);
        // One account per review period: for each past meeting, and one for the coming review (written a few days ago).
        var meetings = programme.ReviewMeetings.Select(m => m.Date).Where(d => d <= today).Order().ToList();
        var periods = meetings.Append(today.AddDays(-3)).ToList();
        foreach (var investment in programme.Pillars.SelectMany(p => p.Investments))
        {
            foreach (var wp in investment.WorkPackages)
            {
                for (var i = 0; i < periods.Count; i++)
                {
                    var from = i == 0 ? periods[0].AddDays(-91) : periods[i - 1];
                    var to = periods[i];
                    if (wp.Start is { } start && to < start) continue;
                    wp.ReviewNotes.Add(new WorkPackageReviewNote { Date = to, Text = Account(wp, from, to, rng) });
                }
            }
            for (var i = 0; i < periods.Count; i++)
            {
                var last = i == periods.Count - 1;
                var text = FinancePool[rng.Next(FinancePool.Length)];
                if (last)
                {
                    var lines = investment.WorkPackages.SelectMany(w => w.BudgetLines).ToList();
                    decimal planned = lines.Sum(l => l.Planned), actual = lines.Sum(l => l.Actual), forecast = lines.Sum(l => l.Forecast);
                    var fi = CultureInfo.GetCultureInfo("fi-FI");
                    var use = planned == 0 ? 0 : Math.Round(actual / planned * 100m, 1);
                    text = $"Kustannuksia on toteutunut {actual.ToString("#,0", fi)} € eli {use.ToString("0.0", fi)} % suunnitellusta; "
                        + $"ennuste hankkeen loppuun on {forecast.ToString("#,0", fi)} €. " + text;
                }
                investment.FinanceNotes.Add(new InvestmentFinanceNote { Date = periods[i], Text = text });
            }
        }
    }

    /// <summary>What happened in a work package between two dates, as a planner would write it.</summary>
    private static string Account(WorkPackage wp, DateOnly from, DateOnly to, Random rng)
    {
        var sentences = new List<string> { Openings[rng.Next(Openings.Length)] };
        foreach (var action in wp.Actions.OrderBy(a => a.Number))
        {
            var change = action.History.Where(h => h.Date > from && h.Date <= to).OrderBy(h => h.Date).LastOrDefault();
            if (change is null) continue;
            var title = action.Title.TrimEnd('.');
            sentences.Add(change.Status switch
            {
                ActionStatus.Done => $"Toimenpide {action.Number} ({title}) saatiin valmiiksi {change.Date:d.M.yyyy}",
                ActionStatus.Ongoing => $"Toimenpide {action.Number} ({title}) käynnistyi {change.Date:d.M.yyyy}",
                ActionStatus.Postponed => $"Toimenpiteen {action.Number} ({title}) aikataulua siirrettiin",
                ActionStatus.Discontinued => $"Toimenpide {action.Number} ({title}) keskeytettiin",
                ActionStatus.Cancelled => $"Toimenpiteestä {action.Number} ({title}) luovuttiin",
                _ => $"Toimenpide {action.Number} ({title}) kirjattiin suunnitelmaan",
            } + (change.Comment.Length > 0 && change.Status is not ActionStatus.Planned and not ActionStatus.Ongoing ? ": " + change.Comment.TrimEnd('.') + "." : "."));
        }
        if (sentences.Count == 1)
            sentences.Add("Toimenpiteiden tilat eivät muuttuneet jakson aikana; työ jatkui käynnissä olevien toimenpiteiden parissa.");
        var procured = wp.ProcurementLines.Where(p => p.Status == "Toteutettu").Select(p => p.Description).FirstOrDefault();
        if (procured is not null && rng.Next(2) == 0) sentences.Add($"Hankinta \"{procured}\" on toteutettu.");
        return string.Join(" ", sentences) + "\n\n" + Closings[rng.Next(Closings.Length)];
    }
}
