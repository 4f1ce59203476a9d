namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

public sealed record BaseWorkPackage(int No, string Title, string Background, string Goals, string[] Actions, string Outputs, string Schedule, decimal Cost, string[] Metrics);
public sealed record BaseInvestment(int No, string Title, BaseWorkPackage[] WorkPackages);
public sealed record BasePillar(int No, string Title, BaseInvestment[] Investments);
public sealed record BaseIndicator(string Scope, string Goal, string Indicator);
public sealed record BaseRisk(string Description, int P, int I, int Score, string Mitigation, string Owner);

/// <summary>
/// A synthetic plan on the national template (Kestävän kasvun ohjelma), shaped like a real county's plan: cover,
/// need, target groups, main goals, two pillars with investments and work packages (goals, actions, outputs,
/// schedule, cost estimate, metrics), a cost table per investment with its total, indicators with targets and
/// a risk table. Every name is made up; no person is named.
/// </summary>
public sealed record BasePlan(string Name, string Need, string TargetGroup, string MainGoals, BasePillar[] Pillars, BaseIndicator[] Indicators, BaseRisk[] Risks)
{
    public static readonly BasePlan Sample = new(
        "Kestävän kasvun Harjula",
        "Harjulan hyvinvointialueella hoitoon pääsy on viivästynyt ja palveluvelka kasvanut. Palvelut ovat hajallaan eivätkä digitaaliset palvelut tavoita kaikkia asukkaita.",
        "Pitkäaikaissairaat, nuoret aikuiset, omaishoitajat ja työttömät työnhakijat.",
        "Hoitoon pääsy nopeutuu, palvelujen saatavuus paranee ja työllisyysaste nousee.",
        [
            new(3, "Työllisyysasteen ja osaamistason nostaminen kestävän kasvun vauhdittamiseksi",
            [
                new(1, "Työhönvalmennuksen mallin laajentaminen",
                [
                    new(1, "Työhönvalmennus mielenterveyspalveluihin", "Työhönvalmentajat toimivat osana hoitotiimejä.",
                        "Asiakkaat työllistyvät avoimille työmarkkinoille. Hoito ja työllistyminen kytkeytyvät yhteen.",
                        ["Rekrytoidaan kolme työhönvalmentajaa.", "Koulutetaan hoitotiimit mallin käyttöön.", "Solmitaan yhteistyösopimukset työnantajien kanssa."],
                        "Toimintamallin kuvaus. Koulutusmateriaali.", "Kevät 2024: valmentajat aloittavat. Syksy 2025: malli vakiintunut.",
                        312_400m, ["Valmennettujen asiakkaiden määrä", "Työllistyneiden osuus valmennetuista"]),
                ]),
            ]),
            new(4, "Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen",
            [
                new(1, "Edistetään hoitotakuun toteutumista",
                [
                    new(1, "Pitkäaikaissairaiden hoidon sujuvoittaminen", "Pitkäaikaissairaiden hoitoon pääsyssä on viivettä.",
                        "Hoitoon pääsee viikossa. Hoitosuunnitelma on jokaisella pitkäaikaissairaalla.",
                        ["Kuvataan hoitoketjut.", "Otetaan käyttöön takaisinsoitto.", "Laaditaan hoitosuunnitelmat."],
                        "Hoitoketjukuvaus. Takaisinsoiton toimintamalli.", "Kevät 2024: hoitoketjut kuvattu. 2025: takaisinsoitto käytössä.",
                        455_000m, ["Hoitoon pääsy", "Takaisinsoittojen määrä"]),
                    new(2, "Omaishoitajien tuen vahvistaminen", "Omaishoitajien jaksaminen on heikentynyt.",
                        "Omaishoitajat jaksavat.",
                        ["Perustetaan vertaisryhmät.", "Järjestetään etätuki."],
                        "Vertaisryhmien toimintamalli.", "2024: ryhmät käynnissä.",
                        182_060m, ["Ryhmiin osallistuneiden määrä"]),
                ]),
                new(2, "Digitaaliset palvelut",
                [
                    new(1, "Chatin käytön laajentaminen", "Chat on käytössä vain yhdessä palvelussa.",
                        "Chat palvelee kaikissa palveluissa.",
                        ["Hankitaan chat-alusta.", "Koulutetaan ammattilaiset."],
                        "Chat kaikissa palveluissa.", "Syksy 2024: chat käytössä.",
                        100_000m, ["Chatin käyttömäärä"]),
                    new(2, "Etäpalvelujen käytön tukeminen", "Kaikki eivät osaa käyttää etäpalveluja.",
                        "Asukkaat osaavat käyttää etäpalveluja.",
                        ["Perustetaan digituen pisteet.", "Laaditaan ohjeet."],
                        "Digituen toimintamalli.", "2025: digituki vakiintunut.",
                        64_500m, ["Digituen asiakkaiden määrä"]),
                ]),
            ]),
        ],
        [
            new("Investointi 1", "hoitoon pääsy nopeutuu", "kiireettömistä käynneistä 80 %:iin Q4/2025 mennessä. Väli-indikaattori: 66 %:iin Q2/2024 mennessä."),
            new("Investointi 2", "digitaaliset palvelut tavoittavat asukkaat", "chatin käyttäjistä tyytyväisiä 75 %:iin Q4/2025 mennessä."),
        ],
        [
            new("Rekrytointi ei onnistu", 3, 4, 12, "Rekrytoidaan ajoissa. Perehdytys dokumentoidaan.", "Projektijohtaja, henkilöstöpalvelut"),
            new("Järjestelmätoimittaja viivästyy", 2, 4, 8, "Sopimukseen sanktiot.", "Tietohallinto"),
            new("Henkilöstö ei ehdi kehittämistyöhön", 3, 3, 9, "Kehittämistyölle varataan aika työvuorosuunnitelmaan.", "Palvelualueiden johtajat"),
        ]);

    public IEnumerable<(BasePillar Pillar, BaseInvestment Investment, BaseWorkPackage WorkPackage)> WorkPackages =>
        from p in Pillars from i in p.Investments from w in i.WorkPackages select (p, i, w);

    public decimal Total => WorkPackages.Sum(x => x.WorkPackage.Cost);
}
