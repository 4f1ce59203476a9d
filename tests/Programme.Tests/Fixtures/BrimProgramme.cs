using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Tests.Fixtures;

/// <summary>
/// A programme filled to the brim, to see that the review's layout holds for any amount of content: very long
/// names, 50 status changes per work package within the review period, 30 risks, long written accounts, many
/// procurements, eight-digit amounts and a long plan-change list. Meeting 12.12.2024, previous 10.9.2024.
/// </summary>
public sealed class BrimProgramme
{
    public static readonly DateOnly Meeting = new(2024, 12, 12);

    public ProgrammeFixture F { get; } = new(
        "Kestävän kasvun ja hyvinvoinnin monialainen kehittämisohjelma sosiaali- ja terveydenhuollon palvelujen saatavuuden, "
        + "jatkuvuuden ja kustannusvaikuttavuuden parantamiseksi koko hyvinvointialueella vuosina 2023–2026");

    public DevelopmentProgramme Programme => F.Programme;

    public BrimProgramme()
    {
        var d = ProgrammeFixture.D;
        F.Meeting(d(2024, 9, 10));
        F.Meeting(Meeting);
        var longWords = "Perusterveydenhuollon vastaanottotoiminnan hoitotakuun toteutumisen edistämiseen tähtäävä toimenpidekokonaisuus";
        var wpIndex = 0;
        for (var pi = 1; pi <= 2; pi++)
        {
            var pillar = F.Pillar($"P{pi}", $"Pilari {pi}: palvelujen saatavuuden ja vaikuttavuuden vahvistaminen", pi);
            for (var ii = 1; ii <= 2; ii++)
            {
                var investment = F.Investment(pillar, $"INV{ii}",
                    $"Investointi {ii}: hoito-, palvelu-, kuntoutus- ja hoivatakuun toteutumisen edistäminen, palvelujen saatavuuden parantaminen ja hoitovelan purkaminen",
                    98_765_432m, ii);
                for (var wi = 1; wi <= (ii == 1 ? 2 : 1); wi++)
                {
                    wpIndex++;
                    var wp = F.WorkPackage(investment, $"TP{wi} a{wpIndex}",
                        $"{longWords} {wpIndex}: digitaalisten palvelujen, etävastaanottojen ja monialaisen asiakas- ja palveluohjauksen kehittäminen "
                        + "yhdessä kuntien, järjestöjen ja kansallisten toimijoiden kanssa koko maakunnan alueella", 12_345_678m, wi,
                        "suunnittelija1", "suunnittelija2");
                    wp.Responsible = "Suunnittelija, projektikoordinaattori, palveluyksikön päällikkö, vastaava lääkäri ja tietohallinnon yhteyshenkilö";
                    for (var g = 1; g <= 4; g++) F.Goal(wp, $"Tavoite {g}: {longWords} ja sen vaikutusten arviointi yhdessä henkilöstön kanssa.");
                    for (var a = 1; a <= 50; a++)
                    {
                        var action = F.Action(wp, a, $"Toimenpide {a}: työpajat, pilotit, koulutukset ja juurruttaminen palveluyksiköihin ({longWords})",
                            (ActionStatus.Planned, d(2024, 1, 10)));
                        F.Status(action, a % 7 == 0 ? ActionStatus.Postponed : a % 3 == 0 ? ActionStatus.Done : ActionStatus.Ongoing,
                            d(2024, 9, 11).AddDays(a), a % 7 == 0 ? d(2025, 6, 30) : (DateOnly?)null);
                    }
                    var planned = 11_234_567.89m + wpIndex;
                    F.Budget(wp, "Henkilöstökulut", planned, 9_876_543.21m, 12_300_000m);
                    F.Budget(wp, "Ostopalvelut", 1_111_110m, 876_543m, 1_000_000m);
                    for (var m = 1; m <= 3; m++)
                    {
                        var metric = F.Metric(wp, $"Mittari {m}: {longWords} — osuus kaikista kontakteista etänä sähköisin välinein", MetricKind.Percentage, "%");
                        F.Target(metric, 35m, "Q4/2025");
                        for (var q = 0; q < 8; q++) F.Measure(metric, d(2023, 3, 31).AddMonths(3 * q), 20m + q * 1.7m + m);
                    }
                    for (var r = 1; r <= 5; r++)
                        F.Risk(wp, $"Riski {r}: rekrytoinnit, kilpailutukset tai järjestelmätoimittajan aikataulu viivästyvät ({longWords})", 1 + (r + wpIndex) % 5, 1 + r % 5);
                    for (var x = 1; x <= 12; x++)
                        F.Procurement(wp, $"Hankinta {x}: asiantuntijapalvelun ja järjestelmäintegraation suorahankinta ({longWords})", 1_234_567.5m * x, x % 2 == 0 ? "Toteutettu" : "Kilpailutus käynnissä");
                    F.ReviewNote(wp, d(2024, 12, 1), string.Join("\n\n", Enumerable.Range(1, 6).Select(n =>
                        $"Kappale {n}. Jakson aikana {longWords.ToLowerInvariant()} eteni: pidettiin työpajoja, pilotoitiin uutta toimintamallia ja "
                        + "koulutettiin henkilöstöä. Palautteen perusteella toimintamallia tarkennettiin ja sen juurruttaminen sovittiin "
                        + "linjaorganisaation kanssa. Seuraavaksi arvioidaan vaikutukset ja laajennetaan mallia uusiin yksiköihin koko alueella.")));
                    F.ReviewNote(wp, d(2024, 12, 5), "Hyvin pitkäsanainen lisäys: " + string.Concat(Enumerable.Repeat("Sosiaalihuoltolakiuudistustoimeenpanosuunnitelma", 3)));
                    F.PlanChange(wp, $"Työpaketin {wp.Code} sisältöä laajennettu: {longWords}", d(2024, 3, 1).AddDays(wpIndex), PlanChangeStatus.Approved);
                }
                F.FinanceNote(investment, d(2024, 12, 3), string.Join("\n\n", Enumerable.Range(1, 4).Select(n =>
                    $"Talouskommentti {n}: toteuma-arvio on parantunut, kun hankintoja on toteutunut ja työsuhdejatkoja tehty; "
                    + "työpanoksen siirtokustannukset ovat vielä osin avoinna, koska työajanseurannan tiedot saadaan jälkikäteen.")));
            }
        }
        // Programme-level risks and metrics up to 30 risks in all.
        for (var r = 1; r <= 30 - 5 * wpIndex; r++)
            F.Programme.Risks.Add(new Risk { Id = 900_000 + r, ProgrammeId = F.Programme.Id, Description = $"Ohjelmatason riski {r}: {longWords}", Probability = 1 + r % 5, Impact = 1 + (r * 2) % 5, Score = (1 + r % 5) * (1 + (r * 2) % 5), Mitigation = "Seurataan ohjausryhmässä." });
        var care = F.Metric(null, "Hoitotakuu 7 vrk: kiireettömään hoitoon pääsy perusterveydenhuollossa seitsemässä vuorokaudessa hoidon tarpeen arvioinnista", MetricKind.Percentage, "%");
        F.Target(care, 80m, "Q4/2025");
        F.Measure(care, d(2024, 6, 30), 60m);
        F.Measure(care, d(2024, 11, 30), 68.9m);
    }
}
