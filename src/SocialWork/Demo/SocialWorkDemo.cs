using Microsoft.EntityFrameworkCore;
using Tilannekuva.SocialWork.Domain;
using Tilannekuva.SocialWork.Storage;

namespace Tilannekuva.SocialWork.Demo;

/// <summary>
/// Synthetic observations for the demo: <see cref="Count"/> entries over the half-year of <c>today</c> and the one
/// before, across the Kainuu municipalities, with more loneliness and livelihood in the newer half-year (a trend to
/// see), small municipalities small enough for the small-cell rule to show, a few quotes and followed-up proposals.
/// No real person, name or code anywhere.
/// </summary>
public static class SocialWorkDemo
{
    public const int Count = 220;

    private static readonly string[] Texts =
    [
        "Asiakkaat kertovat, että toimeentulotuen käsittely kestää niin kauan, että vuokra jää maksamatta.",
        "Nuoret aikuiset jäävät tyhjän päälle, kun lastensuojelun jälkihuolto päättyy.",
        "Ikäihmiset eivät saa yhteyttä palveluihin, kun asiointi on siirtynyt verkkoon.",
        "Päihdepalveluihin pääsyä joutuu odottamaan viikkoja, ja tilanne ehtii pahentua.",
        "Yksinäisyys näkyy erityisesti syrjäkylillä asuvilla iäkkäillä.",
        "Perheet eivät tiedä, mistä saa apua arjen kriiseihin ennen kuin tilanne on vakava.",
        "Vuokra-asuntoja ei ole tarjolla, ja asiakkaat asuvat tilapäisesti tuttavien luona.",
        "Maahan muuttaneet eivät saa tulkkia ajoissa, joten asiat jäävät hoitamatta.",
    ];

    private static readonly string[] Actions =
    [
        "Sovitaan Kelan kanssa yhteinen käsittelyaikatavoite.",
        "Perustetaan matalan kynnyksen neuvontapiste kirjastoon.",
        "Tarjotaan jälkihuollon päättyville nuorille ohjaaja vuodeksi.",
        "Lisätään etsivän vanhustyön käyntejä syrjäkylille.",
        "",
    ];

    /// <summary>Loads the demo on a store without observations; returns how many were added.</summary>
    public static async Task<int> LoadIfEmptyAsync(SocialWorkDbContext db, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Observations.AnyAsync(ct)) return 0;
        var current = ReportPeriod.HalfOf(today);
        var previous = current.Previous;
        var rng = new Random(18);
        // Weights: Kajaani is big; Ristijärvi and Puolanka small (their counts fall under the small-cell rule).
        double[] areaWeights = [0.45, 0.05, 0.1, 0.08, 0.02, 0.01, 0.15, 0.14];
        for (var i = 0; i < Count; i++)
        {
            var newer = i % 2 == 0;
            var period = newer ? current : previous;
            var lastDay = newer && today < period.To ? today : period.To;
            var span = lastDay.DayNumber - period.From.DayNumber;
            var category = CodeLists.Categories[rng.Next(CodeLists.Categories.Count)];
            if (newer && rng.NextDouble() < 0.25) category = rng.Next(2) == 0 ? "loneliness" : "livelihood";
            var actionIndex = rng.Next(Actions.Length);
            var o = new Observation
            {
                ObservedOn = period.From.AddDays(rng.Next(span + 1)),
                Category = category,
                Area = CodeLists.Areas[Pick(rng, areaWeights)],
                ClientGroup = CodeLists.ClientGroups[rng.Next(CodeLists.ClientGroups.Count)],
                ClientCount = 1 + rng.Next(6),
                Description = Texts[rng.Next(Texts.Length)],
                ProposedAction = Actions[actionIndex],
                RecordedBy = "sosiaalityontekija",
                RecordedAt = DateTimeOffset.UtcNow,
            };
            if (o.ProposedAction.Length > 0)
                (o.FollowUp, o.FollowUpNote) = rng.Next(4) switch
                {
                    0 => (FollowUpState.InProgress, "Käsitelty johtoryhmässä; valmistelu käynnissä."),
                    1 => (FollowUpState.Done, "Toteutettu osana palvelujen kehittämistä."),
                    2 => (FollowUpState.Rejected, "Ei resursseja tällä kaudella."),
                    _ => (FollowUpState.Proposed, null),
                };
            o.Quoted = i % 37 == 0;
            db.Observations.Add(o);
        }
        await db.SaveChangesAsync(ct);
        return Count;
    }

    private static int Pick(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++) if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}
