using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.Demo;

/// <summary>
/// The deterministic demo programme, modelled on the structure and cost figures of the
/// Kestävän kasvun Kainuu II project plan. All texts are written for the demo (no sentences
/// of the plan, no personal names). Dates are relative to <c>today</c>, so the demo is always
/// "live": it started last year and ends next year.
/// <para>
/// Deliberate inconsistencies for the consistency checks: one investment whose cost estimate
/// differs from the sum of its work packages (Investment 1 b), one risk whose score is not
/// probability × impact, one metric target without a due period, one percentage measurement
/// over 100, one metric without a measurement for months, and one work package with no
/// planner assigned.
/// </para>
/// </summary>
public static class DemoProgramme
{
    public const string Name = "Kestävän kasvun Kainuu II (demo)";

    /// <summary>Demo planner accounts, assigned to work packages through <see cref="WorkPackageAssignment"/>.</summary>
    public static readonly string[] PlannerUserNames = ["suunnittelija1", "suunnittelija2", "suunnittelija3", "suunnittelija4"];

    private const int Seed = 20_231_212;

    /// <summary>Builds the whole graph in memory, without ids. The same <paramref name="today"/> gives the same graph.</summary>
    public static DevelopmentProgramme Build(DateOnly today) => new Builder(today).Run().Programme;

    /// <summary>
    /// Stores the demo programme unless a programme of that <see cref="Name"/> exists, and returns the stored
    /// programme as a read-only (untracked) graph whose <see cref="DevelopmentProgramme.Metrics"/> holds the
    /// programme-level metrics only, as <see cref="Build"/> does.
    /// </summary>
    public static async Task<DevelopmentProgramme> LoadAsync(ProgrammeDbContext db, DateOnly today, CancellationToken ct = default)
    {
        if (!await db.Programmes.AnyAsync(p => p.Name == Name, ct))
        {
            var built = new Builder(today).Run();
            var programme = built.Programme;
            // Every metric row carries its programme id; a work package's metrics reach it only through the programme.
            foreach (var metric in programme.Pillars.SelectMany(p => p.Investments).SelectMany(i => i.WorkPackages).SelectMany(w => w.Metrics))
                programme.Metrics.Add(metric);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(ct);
            foreach (var (change, workPackage) in built.ChangeTargets)
                change.WorkPackageId = workPackage.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        var id = await db.Programmes.Where(p => p.Name == Name).Select(p => p.Id).SingleAsync(ct);
        return (await db.LoadProgrammeAsync(id, ct))!;
    }

    // ---------------------------------------------------------------- specification

    /// <summary>A metric of a work package. Values move from <c>From</c> to <c>To</c> over the past twelve months.</summary>
    private sealed record M(string Name, MetricKind Kind, string Unit, decimal? Baseline, decimal From, decimal To, decimal? Target,
        string Source, int N = 0, bool Quarterly = false, bool HigherIsBetter = true, int Decimals = 0, string[]? Texts = null,
        string? TextTarget = null, Quirk Quirk = Quirk.None);

    private enum Quirk { None, TargetWithoutDue, PercentageOver100, NotMeasuredForMonths }

    /// <summary>Own status for one action, overriding the generated one.</summary>
    private enum Forced { None, Discontinued, Cancelled, Postponed }

    private sealed record P(string Text, decimal Amount, string Status);

    private sealed record W(string Code, string Title, decimal Cost, string Area, string Background,
        string[] Goals, string[] Actions, string[] Outputs, M[] Metrics, int[] Risks, P[]? Procurements = null,
        (int Action, Forced Status, string Comment)[]? Forced = null, bool Unassigned = false, bool WrongRiskScore = false,
        DateOnly? End = null);

    private sealed record I(string Code, string Title, W[] WorkPackages, decimal? CostEstimateOverride = null);

    private sealed record PillarSpec(string Code, string Title, I[] Investments);

    private sealed record RiskSpec(string Description, int Probability, int Impact, string Mitigation, string Owner);

    private static readonly RiskSpec[] RiskPool =
    [
        new("Toimenpiteet viivästyvät kumppaneista tai toimittajista johtuvista syistä", 2, 5,
            "Välitavoitteet sovitaan kumppanien kanssa ja niiden toteutumista seurataan kuukausittain.", "Projektijohtaja"),
        new("Rekrytoinnit tai sijaisjärjestelyt eivät onnistu aikataulussa", 3, 4,
            "Rekrytoinnit käynnistetään ajoissa, tehtäviä markkinoidaan laajasti ja perehdytys dokumentoidaan.", "Projektijohtaja"),
        new("Henkilöstöllä ei ole aikaa osallistua kehittämiseen perustyön ohella", 4, 3,
            "Kehittämisaika sovitaan esihenkilöiden kanssa etukäteen ja työpajat pidetään lyhyinä.", "Palveluyksikön päällikkö"),
        new("Toimintamalli ei juurru linjaorganisaatioon hankkeen päätyttyä", 3, 4,
            "Omistajuus ja jatkorahoitus sovitaan linjaorganisaation kanssa viimeistään vuotta ennen hankkeen loppua.", "Palvelualuejohtaja"),
        new("Järjestelmätoimittajan aikataulu tai integraatio viivästyy", 3, 4,
            "Toimituksen vaiheet ja sanktiot kirjataan sopimukseen; tilannetta seurataan viikkopalaverissa.", "Tietohallinnon yhteyshenkilö"),
        new("Kilpailutus viivästyy tai keskeytyy", 2, 4,
            "Hankinta valmistellaan yhdessä hankintapalvelujen kanssa ja markkinakartoitus tehdään ennen kilpailutusta.", "Projektijohtaja"),
        new("Kohderyhmää on vaikea tavoittaa pitkien etäisyyksien vuoksi", 3, 3,
            "Käytetään jalkautuvaa työtä ja etäyhteyksiä; yhteistyökumppanit ohjaavat asiakkaita.", "Suunnittelija"),
        new("Useat samanaikaiset organisaatiomuutokset kuormittavat henkilöstöä", 4, 4,
            "Johto viestii muutoksista avoimesti ja rakenteisiin liittyvät päätökset tehdään viipymättä.", "Hyvinvointialueen johtoryhmä"),
        new("Kansallinen määrittely tai malli valmistuu suunniteltua myöhemmin", 3, 3,
            "Alueellinen työ etenee niiltä osin kuin mahdollista ja kansalliseen verkostoon osallistutaan aktiivisesti.", "Suunnittelija"),
        new("Lähdejärjestelmistä ei saada luotettavaa tietoa", 3, 4,
            "Tietojen laatu tarkistetaan otannalla ja kirjaamisohjeet yhtenäistetään.", "Tietoasiantuntija"),
        new("Asukkaat eivät ota digitaalista palvelua käyttöön", 2, 4,
            "Palvelusta viestitään monikanavaisesti ja digituki on saatavilla lähipalveluna.", "Suunnittelija"),
        new("Yhteistyökumppaneiden sitoutuminen jää heikoksi", 2, 3,
            "Kumppanit otetaan mukaan suunnitteluun alusta asti ja yhteistyöstä tehdään kirjalliset sopimukset.", "Suunnittelija"),
        new("Tietosuoja- tai tietoturvavaatimukset hidastavat käyttöönottoa", 2, 4,
            "Tietosuojan vaikutustenarviointi tehdään ennen hankintaa yhdessä tietosuojavastaavan kanssa.", "Tietohallinnon yhteyshenkilö"),
    ];

    private static PillarSpec[] Spec(int endYear) =>
    [
        new("Pilari 3", "Työllisyysasteen ja osaamistason nostaminen",
        [
            new("IPS", "IPS – Sijoita ja valmenna -toimintamallin laajentaminen Kainuuseen",
            [
                new("TP1", "IPS-työhönvalmennus mielenterveys- ja riippuvuuspalveluissa", 362_000m, "Mielenterveys- ja riippuvuuspalvelut",
                    "Alueella on maan keskiarvoa enemmän mielenterveyden häiriöiden vuoksi työkyvyttömyyseläkkeellä olevia. Moni kuntoutuja haluaa töihin, mutta hoito ja työllistymisen tuki ovat erillään toisistaan.",
                    ["Mielenterveyskuntoutujat saavat työhönvalmennusta osana hoitoaan.",
                     "Valmennettavista yhä useampi työllistyy avoimille työmarkkinoille tai aloittaa opinnot.",
                     "Psykiatrisen hoidon, työllisyyspalvelujen ja työnantajien yhteistyö vakiintuu."],
                    ["Rekrytoidaan ja perehdytetään työhönvalmentajien tiimi",
                     "Kytketään työhönvalmennus osaksi hoito- ja kuntoutussuunnitelmia",
                     "Kartoitetaan työpaikkoja yhdessä työllisyyspalvelujen kanssa",
                     "Kootaan työnantajille tietopaketti toimintamallista",
                     "Arvioidaan mallin toteutumista kansallisella arviointiasteikolla"],
                    ["Kuvaus hoidon ja työllisyyspalvelujen yhteistyörakenteesta",
                     "Työnantajien tietopaketti",
                     "Alueellinen opas työhönvalmennuksen prosessista"],
                    [new("IPS-valmennuksen aloittaneet (kertymä)", MetricKind.Count, "hlöä", 0, 38, 71, 80, "Työhönvalmentajien seurantataulukko"),
                     new("Työllistyneet tai opiskelemaan siirtyneet (kertymä)", MetricKind.Count, "hlöä", 0, 9, 24, 30, "Työhönvalmentajien seurantataulukko"),
                     new("Asiakaskokemus IPS-tuesta", MetricKind.Scale, "", 3.8m, 3.9m, 4.3m, 4.2m, "Asiakaskysely", N: 25, Quarterly: true, Decimals: 1)],
                    [1, 6, 3],
                    [new("Toipumisorientaation koulutuskokonaisuus", 5_900m, "Toteutettu"),
                     new("Työnantajayhteistyön sparraus", 300m, "Toteutettu")],
                    End: new DateOnly(endYear - 1, 12, 31)),
            ]),
        ]),
        new("Pilari 4", "Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen ja kustannusvaikuttavuuden lisääminen",
        [
            new("1a", "Investointi 1 a) – Haavoittuvassa asemassa olevien ryhmien hoito-, kuntoutus- ja palveluvelan purku",
            [
                new("TP1", "Pitkäaikaissairaiden hoito- ja palveluketjut, muutoskyvykkyys ja häiriökysyntä", 876_660m, "Perusterveydenhuollon vastaanottopalvelut",
                    "Pitkäaikaissairaiden kiireettömään hoitoon pääsyssä on viiveitä, ja osa yhteydenotoista syntyy siitä, ettei edellinen asiointi ratkaissut asiaa. Kohderyhmää palvelevien tiimien työelämän laatu on selvityksen mukaan keskimääräistä heikompi.",
                    ["Pitkäaikaissairaat pääsevät kiireettömään hoitoon seitsemässä vuorokaudessa.",
                     "Ensimmäinen yhteydenotto käynnistää hoidon tai palvelun ilman turhia kontakteja.",
                     "Kohderyhmää palvelevien tiimien muutoskyvykkyys ja työelämän laatu paranevat."],
                    ["Uudistetaan pitkäaikaissairaiden hoito- ja palveluketjut yhdessä ammattilaisten kanssa",
                     "Järjestetään työyhteisövalmennukset matalan työelämän laadun yksiköille",
                     "Kerätään puhelujen sisältötietoa häiriökysynnän tunnistamiseksi",
                     "Perustetaan vastaanottojen häiriökysyntätyöryhmä",
                     "Otetaan käyttöön työelämän laatuun perustuva johtamisen toimintamalli"],
                    ["Uudistetut hoito- ja palveluketjut laatujärjestelmässä ja verkkosivuilla",
                     "Työyhteisövalmennuksen toimintamalli",
                     "Tilannekuva häiriökysynnän juurisyistä"],
                    [new("Uudistetut hoito- ja palveluketjut (kertymä)", MetricKind.Count, "kpl", 0, 4, 11, 15, "Hankkeen seuranta"),
                     new("Työelämän laatu (QWL) kohdeyksiköissä", MetricKind.Percentage, "%", 56, 58, 64.7m, 70, "QWL-kysely", N: 420, Quarterly: true, Decimals: 1),
                     new("Häiriökysynnän osuus vastaanottojen puheluista", MetricKind.Percentage, "%", 29, 27, 22, 18, "Puhelusisältöselvitys", N: 600, Quarterly: true, HigherIsBetter: false, Decimals: 1)],
                    [7, 2, 9],
                    [new("Työelämän laadun mittausjärjestelmä ja asiantuntijatuki", 80_000m, "Toteutettu"),
                     new("Integraatio tietoaltaaseen työelämän laadun raportointia varten", 64_860m, "Toteutettu"),
                     new("Asiantuntijaselvitys häiriökysynnän vaikutuksesta henkilöstötuottavuuteen", 18_000m, "Valmistelussa")],
                    Forced: [(4, Forced.Discontinued, "Lopetettu päällekkäisenä: samat kehittämiskohteet hoidetaan hoidon jatkuvuuden hankkeessa.")]),
                new("TP2", "Nuorten mielenterveyden edistäminen ja neuropsykiatrinen hoitopolku", 1_182_060m, "Mielenterveys- ja riippuvuuspalvelut",
                    "Alueelta puuttuu nuorten perustason mielenterveys- ja riippuvuushoito, joten nuoret ohjautuvat koulujen tukeen tai suoraan erikoissairaanhoitoon. Neuropsykiatrisiin tutkimuksiin odottaa yli sata nuorta ja aikuista.",
                    ["Nuorten mielenterveyden riskit tunnistetaan koulussa ajoissa.",
                     "Nuorten perustason hoito on saatavilla koko alueella myös jalkautuvana ja digitaalisena.",
                     "Neuropsykiatrisen diagnoosin saa kuudessa kuukaudessa alkukartoituksesta."],
                    ["Pilotoidaan kahdeksasluokkalaisten mielenterveystarkastus kolmella koululla",
                     "Palkataan perustason hoidon pilottityöntekijät",
                     "Koulutetaan ammattilaisia aikuisten ADHD-alkukartoitushaastatteluun",
                     "Puretaan neuropsykiatristen tutkimusten jonoa ostopalveluna",
                     "Otetaan käyttöön nuorten oma-arviotyökalu ja verkossa tapahtuva tarina-auttaminen"],
                    ["Mielenterveystarkastuksen toimintamallikuvaus",
                     "Nuorten ja nuorten aikuisten neuropsykiatrinen hoitopolku",
                     "Perustason hoidon pilotin arviointiraportti"],
                    [new("Mielenterveystarkastuksessa käyneet nuoret (kertymä)", MetricKind.Count, "hlöä", 0, 60, 410, 600, "Kouluterveydenhuollon tilasto"),
                     new("Neuropsykiatrista tutkimusta odottavat", MetricKind.Count, "hlöä", 110, 104, 62, 30, "Jonotilasto", HigherIsBetter: false),
                     new("Nuorten asiakaskokemus (NPS)", MetricKind.Nps, "", 28, 31, 44, 50, "Asiakaspalautejärjestelmä", N: 90, Quarterly: true)],
                    [1, 6, 2],
                    [new("Psykiatrin työpanos neuropsykiatrisen jonon purkuun", 22_800m, "Toteutettu"),
                     new("Tarina-auttamisen palvelu nuorille ja perheille", 35_910m, "Toteutettu"),
                     new("Aikuisten ADHD-diagnostiikan koulutus", 2_400m, "Toteutettu")],
                    WrongRiskScore: true),
                new("TP3", "Omaishoitajien tuki", 252_450m, "Ikäihmisten palvelut",
                    "Omaishoitajien vapaat ja lyhytaikaishoidon jaksot jäivät poikkeusaikana pitkälti toteutumatta, ja moni omaishoitaja kokee jäävänsä yksin. Järjestöillä on valmiita ryhmätoiminnan muotoja, joita ei ole kytketty palveluketjuun.",
                    ["Omaishoitajien jaksaminen ja elämän sosiaalinen laatu paranevat.",
                     "Tuen tarve tunnistetaan varhain ja tuki räätälöidään tarpeen mukaan.",
                     "Järjestöjen tuki on sopimuksin osa palveluketjua."],
                    ["Kootaan yhteiskehittämisen ryhmä omaishoitajista, järjestöistä ja kunnista",
                     "Kehitetään tukipaketit eri elämäntilanteisiin",
                     "Pilotoidaan järjestön koordinoima sijaishoitajamalli",
                     "Toteutetaan omaishoitajien seurantakysely"],
                    ["Omaishoitajien tukipaketit ja niiden kuvaukset",
                     "Yhteistyösopimukset järjestöjen kanssa"],
                    [new("Omaishoitajien tyytyväisyys saamaansa tukeen", MetricKind.Scale, "", 3.1m, 3.2m, 3.6m, 4.0m, "Omaishoitajakysely", N: 60, Quarterly: true, Decimals: 1, Quirk: Quirk.NotMeasuredForMonths),
                     new("Tukipakettien käyttäjät (kertymä)", MetricKind.Count, "hlöä", 0, 12, 85, 150, "Hankkeen seuranta")],
                    [11, 2]),
                new("TP4", "Vammaisten henkilöiden palvelut", 222_460m, "Vammaispalvelut",
                    "Vammaispalvelulain uudistus ja palvelujen jakautuminen useaan yksikköön edellyttävät palveluprosessien yhtenäistämistä. Apua riittämättömästi saavia vammaisia on alueella enemmän kuin maassa keskimäärin.",
                    ["Asiakkaat saavat tarpeitaan vastaavat palvelut yhdenvertaisin myöntämisperustein.",
                     "Asiakkaiden osallisuus on pysyvä osa palvelujen kehittämistä."],
                    ["Perustetaan kehittäjäasiakasryhmä",
                     "Kuvataan vammaispalvelujen palvelukokonaisuus ja prosessit",
                     "Täsmennetään palvelujen myöntämiskriteerit uuden lain mukaisiksi",
                     "Koulutetaan työntekijät päätöksentekoon ja kirjaamiseen uuden lain mukaan"],
                    ["Kuvaus alueellisesta vammaispalvelujen kokonaisuudesta",
                     "Asiakaslähtöiset myöntämiskriteerit"],
                    [new("Kuvatut ja käyttöön otetut palveluprosessit (kertymä)", MetricKind.Count, "kpl", 0, 2, 7, 10, "Hankkeen seuranta", Quarterly: true),
                     new("Kehittäjäasiakasryhmä toimii", MetricKind.YesNo, "", 0, 0, 1, 1, "Hankkeen seuranta", Quarterly: true)],
                    [7, 11],
                    [new("Päätöksenteon ja kirjaamisen koulutus vammaispalvelujen työntekijöille", 2_000m, "Toteutettu")]),
                new("TP5", "Lasten, nuorten ja lapsiperheiden suun terveys", 222_460m, "Suun terveydenhuolto",
                    "Tervehampaisten lasten osuus on alueella maan pienimpiä, ja hammaslääkärille pääsy kestää hoidon tarpeen arvion jälkeen usein yli kolme kuukautta. Osa asiakkaista jättää hoitoon hakeutumatta hammashoitopelon vuoksi.",
                    ["Haavoittuvassa asemassa olevien perheiden suun omahoito vahvistuu.",
                     "Hammashoitoa pelkäävä potilas ohjautuu oikea-aikaisesti oikeaan hoitoon.",
                     "Hammashoitoon pääsyn odotusajat lyhenevät."],
                    ["Toteutetaan perheisiin jalkautuva suun terveyden ohjaus alle 5-vuotiaiden perheille",
                     "Kuvataan pelkopotilaan hoitopolku perusterveydenhuollon ja erikoissairaanhoidon välille",
                     "Koulutetaan henkilöstö ilokaasusedaatioon ja pelkopotilaan kohtaamiseen",
                     "Tuotetaan nuorille digitaalista suun omahoidon materiaalia"],
                    ["Pelkopotilaan hoitopolun kuvaus",
                     "Jalkautuvan suun terveyden ohjauksen toimintamalli",
                     "Nuorten digitaalinen omahoitomateriaali"],
                    [new("Yli 3 kk hammaslääkärille odottaneiden osuus", MetricKind.Percentage, "%", 45, 41, 29, 20, "Potilastietojärjestelmä", N: 900, HigherIsBetter: false, Decimals: 1),
                     new("Jalkautuvan ohjauksen piirissä olleet perheet (kertymä)", MetricKind.Count, "perhettä", 0, 8, 64, 100, "Hankkeen seuranta")],
                    [1, 6],
                    [new("Liikuteltava hammashoitoyksikkö", 22_800m, "Toteutettu"),
                     new("Pelkopotilaan kohtaamisen koulutus koko henkilöstölle", 3_100m, "Toteutettu")]),
            ]),
            new("1b", "Investointi 1 b) – Digitaalisten toimintamallien käyttöönotto ja jalkauttaminen",
            [
                new("TP1", "Chat, chatbot ja etäkonsultaation toimintamalli", 305_520m, "Palveluneuvonta",
                    "Chatbot ja chat otettiin käyttöön yleisessä palveluneuvonnassa edellisen hankkeen lopulla, mutta ne kattavat vasta osan palveluista. Etäkonsultaatiolle perustason ja erikoissairaanhoidon välillä ei ole yhteistä toimintamallia.",
                    ["Chatbot ohjaa asukkaan oikean tiedon ja palvelun äärelle kaikissa palveluissa.",
                     "Palveluneuvonnan puhelumäärä vähenee, kun asia hoituu chatissa.",
                     "Etäkonsultaatio tukee perustason ammattilaisia."],
                    ["Laajennetaan chatbotin sisältö kaikkien palvelujen yleisimpiin kysymyksiin",
                     "Pilotoidaan chattia viidessä palvelussa",
                     "Laajennetaan chat pilotin jälkeen muihin palveluihin",
                     "Pilotoidaan hoitajan ja lääkärin välinen etäkonsultaatio"],
                    ["Chatbot käytössä kaikissa palveluissa",
                     "Etäkonsultaation toimintamallikuvaus"],
                    [new("Chatissa loppuun asti hoidetut yhteydenotot", MetricKind.Percentage, "%", 30, 34, 46, 50, "Chat-järjestelmän raportti", N: 1200, Decimals: 1),
                     new("Palveluneuvonnan puhelut kuukaudessa", MetricKind.Count, "puhelua", 5600, 5400, 4600, 4300, "Puhelinjärjestelmä", HigherIsBetter: false)],
                    [10, 4],
                    Forced: [(3, Forced.Postponed, "Siirretty, kunnes chat-järjestelmän jatko on ratkaistu hankesuunnitelmamuutoksella.")]),
                new("TP2", "Digitaalisten palvelujen käytön tuki", 462_100m, "Digituki",
                    "Digipalvelujen hyöty jää vähäiseksi, jos asukkaat ja työntekijät eivät osaa tai uskalla käyttää niitä. Toimintakyvyltään heikot asukkaat eivät pääse terveysasemalle tekemään avustettua valtuutusta.",
                    ["Asukkaat ja ammattilaiset saavat digitukea läheltä ja oikeaan aikaan.",
                     "Avustetun Suomi.fi-valtuutuksen voi tehdä kotona tai hoivakodissa.",
                     "Sosiaalipalvelujen päätökset allekirjoitetaan ja toimitetaan sähköisesti."],
                    ["Otetaan käyttöön asukkaiden digituen toimintamalli",
                     "Laajennetaan ammattilaisten verkkokoulutusalustan sisältöjä",
                     "Tuodaan avustettu Suomi.fi-valtuutus asukkaan kotiin",
                     "Pilotoidaan päätösten sähköinen allekirjoitus ja toimitus Suomi.fi-viesteillä"],
                    ["Digituen toimintamalli",
                     "Suomi.fi-valtuutuksen kotikäyntimalli",
                     "Päätösten sähköisen käsittelyn toimintamalli"],
                    [new("Sähköisesti allekirjoitettujen päätösten osuus", MetricKind.Percentage, "%", 0, 8, 41, 100, "Asiakastietojärjestelmä", N: 700, Decimals: 1, Quirk: Quirk.PercentageOver100),
                     new("Suoritetut verkkokoulutukset (kertymä)", MetricKind.Count, "kpl", 0, 120, 640, 1000, "Verkkokoulutusalusta")],
                    [2, 12],
                    [new("Verkkokoulutusalustan käyttöoikeus", 5_400m, "Toteutettu")]),
                new("TP3", "Kansallisten digitaalisten palvelujen käyttöönotto", 213_940m, "Lasten, nuorten ja perheiden palvelut",
                    "Kansalliset digipalvelut palvelevat asukkaita vain, jos ne liittyvät alueen omiin palveluihin ja ohjaavat niihin. Lapsiperheiltä puuttuu yksi luotettava paikka, josta löytää tietoa ja tiensä palveluihin.",
                    ["Sähköinen perhekeskus ohjaa perheet luotettavan tiedon ja palvelujen äärelle.",
                     "Nuorten ja ammattilaisten kansalliset osiot ovat käytössä alueella."],
                    ["Otetaan sähköinen perhekeskus käyttöön",
                     "Osallistutaan nuorten ja ammattilaisten osioiden kansalliseen kehittämiseen",
                     "Tuotetaan perhekeskukseen sisällöt alueen palveluista",
                     "Koulutetaan ammattilaiset nuorten interventionavigaattorin käyttöön"],
                    ["Alueen sisällöt sähköisessä perhekeskuksessa",
                     "Interventionavigaattorin käyttöönottosuunnitelma"],
                    [new("Sähköisen perhekeskuksen käynnit kuukaudessa", MetricKind.Count, "käyntiä", 900, 1800, 3900, 5000, "Verkkosivuston kävijätilasto"),
                     new("Nuorten osion käyttöönoton tilanne", MetricKind.Text, "", null, 0, 0, null, "Hankkeen seuranta", Quarterly: true,
                         Texts: ["Kansallinen määrittely kesken", "Sisällöt työn alla", "Testaus käynnissä", "Testaus käynnissä"], TextTarget: "Käytössä")],
                    [8],
                    [new("Sähköisen perhekeskuksen palvelu", 63_800m, "Toteutettu"),
                     new("Nuorten osion suorahankinta", 54_740m, "Toteutettu")]),
                new("TP4", "Palveluseteli- ja ostopalvelujärjestelmän laajentaminen", 107_350m, "Hankinnat ja ostopalvelut",
                    "Palveluseteli- ja ostopalvelujärjestelmä on ollut käytössä ikäihmisten, vammaisten ja suun terveydenhuollon palveluissa, mutta muut palvelut käsittelevät ostolaskuja käsin. Ostopalveluista ei saada tietoa johtamiseen samalla tavalla kuin omasta tuotannosta.",
                    ["Kaikki palvelusetelit ja ostopalvelut hallinnoidaan yhdessä järjestelmässä.",
                     "Ammattilaisten aikaa vapautuu laskujen käsittelystä asiakastyöhön."],
                    ["Kartoitetaan palvelut, joissa käytetään palveluseteleitä tai ostopalveluja",
                     "Otetaan järjestelmä käyttöön kuntoutuspalveluissa ja silmätautien poliklinikalla",
                     "Selvitetään puitesopimusten muutostarpeet",
                     "Tuodaan ostopalvelujen tiedot tietojohtamisen järjestelmään"],
                    ["Ostopalvelujen digitaalinen hallintamalli",
                     "Ostopalvelujen raportit tietojohtamisen järjestelmässä"],
                    [new("Järjestelmän piirissä olevat palvelut", MetricKind.Count, "palvelua", 4, 5, 11, 18, "Järjestelmän hallinta", Quarterly: true)],
                    [7, 0],
                    [new("Käyttöönottokoulutus kuntoutuspalveluille", 5_175m, "Toteutettu"),
                     new("Käyttöönottokoulutus silmätautien poliklinikalle", 2_300m, "Toteutettu")]),
            ], CostEstimateOverride: 1_088_190m), // the plan's table says 1 088 910: a transposed digit, on purpose
            new("2", "Investointi 2 – Ennaltaehkäisyn ja ongelmien varhaisen tunnistamisen vahvistaminen",
            [
                new("TP1", "Hyvinvoinnin ja terveyden edistämisen palvelukonsepti", 344_560m, "Hyvinvoinnin ja terveyden edistäminen",
                    "Valtaosa alueen ikäihmisistä liikkuu liian vähän ja vajaaravitsemus on yleistä. Kunnilla, järjestöillä ja hyvinvointialueella on paljon hyvinvointia tukevaa toimintaa, mutta asukkaan on vaikea löytää sitä.",
                    ["Alueella on käytössä monialainen hyvinvoinnin ja terveyden edistämisen palvelukonsepti.",
                     "Omaishoitajat ja kotona asuvat ikäihmiset ohjautuvat nopeasti heille sopivaan toimintaan.",
                     "Ravitsemusterveyden edistäminen on osa palvelukonseptia."],
                    ["Osallistutaan palvelukonseptin kansalliseen kehittämiseen",
                     "Laaditaan monialaisen asiakas- ja palveluohjauksen työohje ja kirjaamisohje",
                     "Pilotoidaan palvelukonsepti kahdessa kunnassa",
                     "Esitellään konsepti järjestöille ja kuntien toimijoille"],
                    ["Alueellisen palvelukonseptin kuvaus",
                     "Hyvinvoinnin ja terveyden edistämisen verkkosivusto",
                     "Animaatiovideot konseptin viestintään"],
                    [new("Ohjaukset hyte-palveluihin kuukaudessa", MetricKind.Count, "ohjausta", 10, 20, 95, 150, "Ammattilaiskysely"),
                     new("Alueellinen palvelukonsepti käytössä", MetricKind.YesNo, "", 0, 0, 1, 1, "Hankkeen seuranta", Quarterly: true),
                     new("Koulutuksiin ja tilaisuuksiin osallistuneet (kertymä)", MetricKind.Count, "hlöä", 0, 40, 260, 400, "Osallistujalistat", Quarterly: true)],
                    [11, 3],
                    [new("Animaatiovideot palvelukonseptin viestintään", 8_400m, "Toteutettu"),
                     new("Asiantuntijapalvelu järjestöpalvelujen näkyvyyteen", 14_000m, "Kilpailutuksessa")]),
                new("TP2", "Digitaalinen palvelutarjotin", 239_440m, "Hyvinvoinnin ja terveyden edistäminen",
                    "Aiempi hyvinvoinnin palvelutarjotin on teknisesti vanhentunut eikä vastaa kansallista palvelukonseptia. Uuteen tarjottimeen viedään ensin omaishoitajien jaksamista tukevat palvelut.",
                    ["Valitut asiakasryhmät löytävät hyvinvointia tukevat palvelut yhdestä paikasta.",
                     "Palvelukuvaukset ovat ajantasaisia ja kattavia."],
                    ["Määritellään palvelutarjotin yhdessä muiden hyvinvointialueiden kanssa",
                     "Tuetaan palvelutietojen ylläpitäjiä palvelukuvausten päivittämisessä",
                     "Otetaan tarjotin käyttöön omaishoitajien palveluissa",
                     "Laajennetaan tarjotin muille kohderyhmille"],
                    ["Käytössä oleva digitaalinen palvelutarjotin",
                     "Palvelukuvausten ylläpidon ohje"],
                    [new("Palvelutarjottimella kuvatut hyte-palvelut", MetricKind.Count, "palvelua", 40, 60, 240, 300, "Palvelutietovaranto"),
                     new("Tarjottimen käyttäjien tyytyväisyys", MetricKind.Scale, "", 3.5m, 3.6m, 4.0m, 4.2m, "Käyttäjäkysely", N: 45, Quarterly: true, Decimals: 1)],
                    [4, 3]),
            ]),
            new("3", "Investointi 3 – Kustannusvaikuttavuutta tukeva tietopohja ja vaikuttavuusperusteinen ohjaus",
            [
                new("TP1", "Sosiaali- ja terveydenhuollon kirjaamiskäytännöt", 212_500m, "Tiedolla johtaminen",
                    "Kirjaamiskäytännöt vaihtelevat yksiköittäin, eikä asiakas- ja potilastietojärjestelmä vielä tue rakenteista kirjaamista riittävästi. Hoitotakuun ajantasainen seuranta edellyttää yhtenäistä kirjaamista kaikilla terveysasemilla.",
                    ["Kansalliset kirjaamisohjeet ovat käytössä sosiaali- ja terveydenhuollossa.",
                     "Hoitotakuun seurannan edellyttämä kirjaaminen toteutuu kaikissa terveyskeskuksissa.",
                     "Henkilöstön kirjaamisosaaminen vahvistuu."],
                    ["Selvitetään kirjaamisen lähtötaso ja tietojärjestelmien tilanne",
                     "Laaditaan kirjaamisen koulutusrakenne ja koulutussuunnitelma",
                     "Järjestetään kirjaamisvalmennukset ja työpajat yksiköissä",
                     "Osallistutaan kansalliseen kirjaamisen verkostoon"],
                    ["Täsmennetyt kirjaamisohjeet",
                     "Kirjaamisen jatkuva koulutussuunnitelma"],
                    [new("Hoitotakuun seurannan kirjaukset oikein", MetricKind.Percentage, "%", 68, 71, 88, 100, "Kirjausten otantatarkastus", N: 3000, Decimals: 1),
                     new("Kirjaamisosaamisen itsearvio", MetricKind.Scale, "", 3.1m, 3.2m, 3.7m, 4.0m, "Henkilöstökysely", N: 150, Quarterly: true, Decimals: 1)],
                    [9, 2],
                    [new("Kirjaamisen ja tilastoinnin koulutus", 816m, "Toteutettu"),
                     new("Verkkokoulutusalustan käyttöoikeus", 3_800m, "Toteutettu")]),
                new("TP2", "Rakenteellisen sosiaalityön raportointi", 104_500m, "Aikuissosiaalityö",
                    "Sosiaalinen raportointi on ollut käytössä aikuissosiaalityössä, mutta muut sosiaalihuollon palvelut käyttävät sitä vähän. Kansallisesti vertailukelpoista raportoinnin mallia vasta kehitetään.",
                    ["Alueella on kansalliseen malliin perustuva rakenteellisen sosiaalityön toteutussuunnitelma.",
                     "Sosiaalisen raportoinnin tietoa käytetään johtamisessa ja palvelujen kehittämisessä."],
                    ["Osallistutaan kansallisen tiedontuotannon mallin pilotointiin",
                     "Laaditaan alueellinen toteutussuunnitelma työryhmässä",
                     "Perehdytetään esihenkilöt raportoinnin työvälineeseen",
                     "Kootaan sosiaalinen raportti kolmelta vuodelta"],
                    ["Alueellinen toteutussuunnitelma",
                     "Sosiaalisen raportoinnin vuosikello"],
                    [new("Sosiaalisen raportoinnin ilmoitukset (kertymä)", MetricKind.Count, "kpl", 0, 6, 31, 40, "Raportoinnin työväline", Quarterly: true, Quirk: Quirk.TargetWithoutDue),
                     new("Toteutussuunnitelman tila", MetricKind.Text, "", null, 0, 0, null, "Hankkeen seuranta", Quarterly: true,
                         Texts: ["Työryhmä koottu", "Luonnos työn alla", "Luonnos työn alla", "Luonnos kommenteilla"], TextTarget: "Hyväksytty")],
                    [8]),
            ]),
            new("4.1", "Investointi 4 – Kansalaisten digitaaliset palvelut",
            [
                new("TP1 a)", "Asiakaspalautteen keruu", 220_740m, "Asiakaskokemus",
                    "Asiakaspalautetta kerätään eri palveluissa eri tavoin, eikä tuloksia voi verrata tai toimittaa kansalliseen tietopohjaan. Tarvitaan yksi järjestelmä ja toimintatapa, jotka noudattavat kansallista määrittelyä.",
                    ["Asiakaspalaute kerätään kansallisen määrittelyn mukaisesti kaikissa palveluissa.",
                     "Palaute siirtyy automaattisesti kansalliseen tietopohjaan.",
                     "Palautetta käytetään palvelujen johtamisessa."],
                    ["Osallistutaan kansalliseen asiakaspalautteen määrittelytyöhön",
                     "Kilpailutetaan ja otetaan käyttöön asiakaspalautejärjestelmä",
                     "Integroidaan järjestelmä asiakas- ja potilastietojärjestelmään",
                     "Toteutetaan tiedonsiirto kansalliseen tietopohjaan",
                     "Laaditaan palautteen käsittelyn toimintamalli yksiköille"],
                    ["Käytössä oleva asiakaspalautejärjestelmä",
                     "Palautteen käsittelyn toimintamalli"],
                    [new("Asiakaspalautteet kuukaudessa", MetricKind.Count, "vastausta", 80, 150, 1100, 2000, "Asiakaspalautejärjestelmä"),
                     new("Palaute siirtyy kansalliseen tietopohjaan", MetricKind.YesNo, "", 0, 0, 0, 1, "Hankkeen seuranta", Quarterly: true)],
                    [4, 5, 12],
                    [new("Asiakaspalautejärjestelmän integraatiot", 35_000m, "Valmistelussa")]),
                new("TP1 c)", "Digi-HTA-arviointimallin käyttöönotto", 15_620m, "Digitaaliset palvelut",
                    "Asukkaille suositellaan yhä useammin mobiilisovelluksia, mutta niiden laadusta ja turvallisuudesta ei ole yhteistä arviota. Kansallinen arviointimalli tarjoaa tähän yhtenäisen tavan.",
                    ["Suositeltavat sovellukset arvioidaan kansallisen mallin mukaisesti.",
                     "Arviointitulokset ovat ammattilaisten ja asukkaiden saatavilla."],
                    ["Nimetään arvioinnin yhteyshenkilöt ja perehdytetään heidät",
                     "Arvioidaan käytössä olevat omahoidon sovellukset",
                     "Viestitään arviointituloksista ammattilaisille"],
                    ["Vakiintunut arvioinnin toimintamalli",
                     "Luettelo arvioiduista sovelluksista"],
                    [new("Arvioidut sovellukset ja digipalvelut (kertymä)", MetricKind.Count, "kpl", 0, 2, 9, 12, "Hankkeen seuranta", Quarterly: true)],
                    [2]),
                new("TP1 e)", "Kansalaisten etäpalvelut ja digihoitopolut", 335_080m, "Digitaaliset palvelut",
                    "Hoitopolulle ohjattu asiakas ei usein tiedä, mitä seuraavaksi tapahtuu, varsinkaan siirtyessään toimijalta toiselle. Digihoitopolut ja verkkosivujen polkukuvaukset kertovat etenemisen asiakkaan näkökulmasta.",
                    ["Pitkäaikaissairaat asiakkaat voivat asioida hoitopolullaan sähköisesti.",
                     "Etäasioinnin osuus kaikista kontakteista kasvaa.",
                     "Asiakas tietää, mitä hoidossa tapahtuu seuraavaksi."],
                    ["Toteutetaan hoito- ja palveluketjujen kuvaukset verkkosivuille",
                     "Otetaan käyttöön pitkäaikaissairaan digihoitopolku",
                     "Laajennetaan digihoitopolut kuntoutukseen ja leikkauspotilaille",
                     "Tuetaan työntekijöitä digitsemppareiden avulla"],
                    ["Asiakaslähtöiset digipalvelupolut",
                     "Hoito- ja palveluketjujen verkkosivut"],
                    [new("Käytössä olevat digihoitopolut", MetricKind.Count, "kpl", 2, 3, 9, 14, "Digipalvelualusta", Quarterly: true),
                     new("Etäasioinnin osuus pitkäaikaissairaiden kontakteista", MetricKind.Percentage, "%", 20, 22, 29, 35, "Potilastietojärjestelmä", N: 2500, Decimals: 1)],
                    [10, 4],
                    [new("Hoito- ja palveluketjujen verkkosivualusta", 21_990m, "Toteutettu"),
                     new("Animaatiovideo ja kuvitus hoitoketjujen opastukseen", 4_280m, "Toteutettu")]),
                new("TP1 g)", "Hyte-palvelukonseptin digitaaliset ratkaisut", 100_000m, "Hyvinvoinnin ja terveyden edistäminen",
                    "Investoinnin 2 palvelukonsepti tarvitsee digitaalisen palvelutarjottimen, joka hankitaan tässä työpaketissa. Määrittely tehdään yhdessä muiden hyvinvointialueiden kanssa.",
                    ["Palvelukonseptin digitaalinen tarjotin on kaikkien asukkaiden käytettävissä.",
                     "Tarjottimen ylläpito ja omistajuus on sovittu hankkeen jälkeiselle ajalle."],
                    ["Hankitaan palvelutarjotin kansallisen määrittelyn mukaisesti",
                     "Toteutetaan käyttöönottoprojekti",
                     "Sovitaan palvelun omistajuus hankkeen jälkeen"],
                    ["Digitaalinen palvelutarjotin pilottikäytössä",
                     "Käyttöönoton ja ylläpidon vastuunjako"],
                    [new("Palvelutarjotin pilottikäytössä", MetricKind.YesNo, "", 0, 0, 1, 1, "Hankkeen seuranta")],
                    [3, 5],
                    [new("Palvelutarjottimen käyttöoikeus", 23_615m, "Toteutettu")]),
            ]),
            new("4.2", "Investointi 4 – Ammattilaisten digitaaliset järjestelmät",
            [
                new("TP1 a1", "Ammattilaisen käyttöliittymän uudistus digitaalisella palvelualustalla", 120_740m, "Digitaaliset palvelut",
                    "Digitaalisen palvelualustan ammattilaisnäkymä on alkuperäinen, vaikka alustan kautta tarjottavien palvelujen määrä on moninkertaistunut. Hidas käyttöliittymä vie aikaa asiakastyöltä.",
                    ["Uusi käyttöliittymä nopeuttaa ammattilaisen työtä.",
                     "Ammattilaiset ovat tyytyväisiä uuteen käyttöliittymään."],
                    ["Kerätään ammattilaisten tarpeet palvelumuotoilun työpajoissa",
                     "Teetetään graafinen suunnittelu ja käyttöliittymäsuunnittelu",
                     "Toteutetaan ja testataan uusi käyttöliittymä",
                     "Otetaan käyttöliittymä käyttöön vaiheittain"],
                    ["Uudistettu ammattilaisen käyttöliittymä",
                     "Käyttöönoton koulutusmateriaali"],
                    [new("Ammattilaisten suositteluhalukkuus (NPS)", MetricKind.Nps, "", 5, 12, 41, 75, "Ammattilaiskysely", N: 120, Quarterly: true)],
                    [4, 2],
                    [new("Käyttöliittymän tekninen toteutus", 40_000m, "Toteutettu"),
                     new("Graafinen ja käyttöliittymäsuunnittelu", 6_900m, "Toteutettu")]),
                new("TP1 a2", "Asiakkuussovelluksen käytön laajentaminen", 220_740m, "Perusterveydenhuollon vastaanottopalvelut",
                    "Asiakkuussovellus kokoaa ammattilaiselle yhdelle näkymälle hoidon tarpeen arvioinnissa tarvittavat tiedot. Sovellus on käytössä vain osassa vastaanottoja ja ikäihmisten palveluja.",
                    ["Sovellus tukee monialaista vastaanottotoimintaa.",
                     "Sovellus on käytössä myös sosiaalihuollossa."],
                    ["Lisätään uusien ammattiryhmien tietotarpeet ja asiakassegmentit",
                     "Integroidaan sovellus sosiaalihuollon asiakastietojärjestelmään",
                     "Laajennetaan kotikuntoutuksen ratkaisu toiseen järjestelmään",
                     "Koulutetaan ammattilaiset uuteen toimintatapaan"],
                    ["Sovellus vakiintunut monialaisessa vastaanotossa",
                     "Kotikuntoutuksen sovellus käytössä"],
                    [new("Sovellusta hyödyntävät palvelut", MetricKind.Count, "palvelua", 2, 3, 7, 10, "Järjestelmän hallinta", Quarterly: true),
                     new("Ammattilaisten tyytyväisyys sovellukseen", MetricKind.Scale, "", 3.3m, 3.4m, 3.8m, 4.0m, "Ammattilaiskysely", N: 80, Quarterly: true, Decimals: 1)],
                    [4, 9],
                    [new("Kotikuntoutussovellus", 34_890m, "Toteutettu")],
                    Forced: [(2, Forced.Cancelled, "Peruttu hankesuunnitelmamuutoksella: sovelluksen sijaan laajennetaan toisen järjestelmän käyttöä.")]),
                new("TP1 a5", "Sosiaalipalvelujen sähköinen allekirjoitus ja Suomi.fi-viestit", 100_000m, "Sosiaalipalvelut",
                    "Sosiaalipalvelujen päätökset tulostetaan, allekirjoitetaan ja postitetaan, mikä hidastaa niiden perille tuloa. Sähköinen allekirjoitus ja viestinvälitys tarvitsevat integraation asiakastietojärjestelmään.",
                    ["Päätökset ja asiakassuunnitelmat allekirjoitetaan ja toimitetaan sähköisesti.",
                     "Päätösten toimitusaika asiakkaalle lyhenee."],
                    ["Hankitaan sähköisen allekirjoituksen sovellus",
                     "Toteutetaan integraatio asiakastietojärjestelmään",
                     "Otetaan sähköiset ajanvarausilmoitukset käyttöön Suomi.fi-viestien kautta"],
                    ["Sähköisen allekirjoituksen integraatio",
                     "Suomi.fi-viestien integraatio"],
                    [new("Päätösten keskimääräinen toimitusaika", MetricKind.Count, "vrk", 7, 6.5m, 3.1m, 2, "Asiakastietojärjestelmä", HigherIsBetter: false, Decimals: 1)],
                    [12, 5],
                    [new("Sähköiset ajanvarausilmoitukset ja Suomi.fi-integraatio", 60_000m, "Kilpailutuksessa")]),
                new("TP1 a6", "Digitaalinen ohjaustaulu", 92_160m, "Perusterveydenhuollon vastaanottopalvelut",
                    "Vastaanottotoiminnan päivittäinen johtaminen nojaa käsin koottuihin tietoihin jonoista ja vapaista ajoista. Ohjaustaulu määriteltiin jo aiemmassa hankkeessa, mutta toteutus viivästyi.",
                    ["Terveysasemien vastaanottoa johdetaan ajantasaisella tiedolla.",
                     "Ohjaustaulun toimintamalli levitetään muihin palveluihin."],
                    ["Päivitetään arkkitehtuurimäärittely ja tietotarpeet",
                     "Toteutetaan integraatiot lähdejärjestelmistä tietovarastoon",
                     "Toteutetaan raportit ja näyttötaulut",
                     "Otetaan ohjaustaulu käyttöön ja koulutetaan käyttäjät",
                     "Laajennetaan toimintamalli muihin palveluihin"],
                    ["Ohjaustaulu käytössä terveysasemilla",
                     "Ohjaustaulun käyttöohje"],
                    [new("Ohjaustaulua käyttävät terveysasemat", MetricKind.Count, "asemaa", 0, 0, 6, 9, "Hankkeen seuranta")],
                    [9, 4],
                    [new("Ohjaustaulun integraatio- ja toteutustyö", 48_000m, "Toteutettu"),
                     new("Näyttötaulujen integraatio paikalliseen ympäristöön", 8_550m, "Toteutettu")]),
            ]),
            new("4.3", "Investointi 4 – Johtamisen ratkaisut",
            [
                new("TP1 b)", "Väestön palvelutarpeen ennakointi", 42_590m, "Tiedolla johtaminen",
                    "Alue osallistuu naapurialueen koordinoimaan pilottiin, jossa kehitetään väestön palvelutarpeen ennakointia edistyneillä analytiikkamenetelmillä.",
                    ["Palvelutarpeen ennuste on käytettävissä palveluverkon suunnittelussa.",
                     "Alueen tietoasiantuntijat osaavat käyttää ennustemalleja."],
                    ["Osallistutaan pilotin työpajoihin",
                     "Toimitetaan alueen aineistot ennustemallia varten",
                     "Arvioidaan ennusteiden käyttökelpoisuus palveluverkon suunnittelussa"],
                    ["Alueen palvelutarve-ennuste",
                     "Arvio mallin käyttökelpoisuudesta"],
                    [new("Ennustemalli käytössä suunnittelussa", MetricKind.YesNo, "", 0, 0, 0, 1, "Hankkeen seuranta", Quarterly: true)],
                    [8],
                    Unassigned: true),
            ]),
            new("4.4", "Investointi 4 – Uudet digitaaliset innovaatiot",
            [
                new("TP1 b)", "Yhteydenottotiedon hyödyntäminen tiedolla johtamisessa", 109_330m, "Tiedolla johtaminen",
                    "Asukkaiden yhteydenotot jakautuvat moniin toimipisteisiin ja kanaviin, eikä niiden määrästä, syistä tai lopputuloksesta ole kokonaiskuvaa. Tieto auttaisi vähentämään häiriökysyntää ja kohdentamaan resursseja.",
                    ["Yhteydenottojen tiedot ovat johtamisen käytössä.",
                     "Häiriökysyntä tunnistetaan ja sen määrä vähenee."],
                    ["Selvitetään yhteydenottotavat, syyt ja lopputulokset",
                     "Selvitetään, miten tiedot saadaan lähdejärjestelmistä",
                     "Toteutetaan raportit tietojohtamisen järjestelmään",
                     "Pilotoidaan malli kahdella vastaanotolla"],
                    ["Malli yhteydenottotiedon hyödyntämiseen",
                     "Yhteydenottojen raportit"],
                    [new("Luokiteltujen yhteydenottojen osuus", MetricKind.Percentage, "%", 0, 12, 47, 70, "Yhteydenottojärjestelmä", N: 8000, Decimals: 1)],
                    [9, 12]),
            ]),
        ]),
    ];

    // ---------------------------------------------------------------- builder

    private sealed record Result(DevelopmentProgramme Programme, List<(PlanChange Change, WorkPackage WorkPackage)> ChangeTargets);

    private sealed class Builder(DateOnly today)
    {
        private readonly Random rng = new(Seed);
        private readonly int startYear = today.Year - 1;
        private readonly int endYear = today.Year + 1;
        private int planner;
        private int wpIndex;

        public Result Run()
        {
            var programme = new DevelopmentProgramme
            {
                Name = Name,
                StartYear = startYear,
                EndYear = endYear,
                Funder = "Euroopan unionin elpymisväline (NextGenerationEU), sosiaali- ja terveysministeriö",
                Description = "Demo-ohjelma, joka noudattaa kestävän kasvun hankkeen rakennetta: työkyvyn tuki, hoitotakuun "
                    + "edistäminen, ennaltaehkäisy, tietopohja ja digitaaliset palvelut. Luvut ja tilanteet ovat keksittyjä.",
            };

            var workPackages = new Dictionary<string, WorkPackage>();
            var pillarOrder = 0;
            foreach (var ps in Spec(endYear))
            {
                var pillar = new Pillar { Code = ps.Code, Title = ps.Title, Order = ++pillarOrder };
                var investmentOrder = 0;
                foreach (var inv in ps.Investments)
                {
                    var investment = new Investment { Code = inv.Code, Title = inv.Title, Order = ++investmentOrder };
                    var wpOrder = 0;
                    foreach (var w in inv.WorkPackages)
                    {
                        var wp = BuildWorkPackage(w, ++wpOrder);
                        investment.WorkPackages.Add(wp);
                        workPackages[$"{inv.Code}/{w.Code}"] = wp;
                    }
                    investment.CostEstimate = inv.CostEstimateOverride ?? investment.WorkPackages.Sum(w => w.CostEstimate);
                    pillar.Investments.Add(investment);
                }
                programme.Pillars.Add(pillar);
            }

            programme.Metrics.AddRange(ProgrammeMetrics());
            var targets = new List<(PlanChange, WorkPackage)>();
            foreach (var (key, change) in PlanChanges())
            {
                programme.PlanChanges.Add(change);
                targets.Add((change, workPackages[key]));
            }
            programme.ReviewMeetings.AddRange(ReviewMeetings());
            // Written last, from their own random sequence, so that the rest of the demo stays as it was.
            DemoReviewNotes.Add(programme, today);
            return new Result(programme, targets);
        }

        private WorkPackage BuildWorkPackage(W w, int order)
        {
            var index = wpIndex++;
            var start = new DateOnly(startYear, 1 + index % 3, 1);
            var end = w.End ?? new DateOnly(endYear, 12, 31);
            var wp = new WorkPackage
            {
                Code = w.Code,
                Title = w.Title,
                Responsible = w.Unassigned ? "Tietoasiantuntija (naapurialueen koordinoima pilotti)" : $"Suunnittelija ({w.Code}) ja palveluyksikön päällikkö",
                ServiceArea = w.Area,
                Start = start,
                End = end,
                Background = w.Background,
                CostEstimate = w.Cost,
                Order = order,
            };

            var owners = new List<string>();
            if (!w.Unassigned)
            {
                owners.Add(PlannerUserNames[planner++ % PlannerUserNames.Length]);
                if (w.Cost > 400_000m) owners.Add(PlannerUserNames[planner++ % PlannerUserNames.Length]);
            }
            foreach (var o in owners) wp.Assignments.Add(new WorkPackageAssignment { UserName = o });
            var recorder = owners.Count > 0 ? owners[0] : "projektisihteeri";

            for (var i = 0; i < w.Goals.Length; i++) wp.Goals.Add(new Goal { Order = i + 1, Text = w.Goals[i] });
            for (var i = 0; i < w.Outputs.Length; i++) wp.Outputs.Add(new Output { Order = i + 1, Text = w.Outputs[i] });
            for (var i = 0; i < w.Actions.Length; i++)
            {
                var forced = w.Forced?.FirstOrDefault(f => f.Action == i + 1);
                wp.Actions.Add(BuildAction(i + 1, w.Actions[i], w.Actions.Length, forced?.Status ?? Forced.None, forced?.Comment ?? "", recorder, start));
            }
            wp.Milestones.AddRange(Milestones(index, start, end));
            BuildBudget(wp, w, start, end);
            foreach (var m in w.Metrics) wp.Metrics.Add(BuildMetric(m, recorder));
            for (var i = 0; i < w.Risks.Length; i++)
            {
                var r = RiskPool[w.Risks[i]];
                var score = r.Probability * r.Impact;
                if (w.WrongRiskScore && i == 1) score += 4; // written wrong in the plan, on purpose: 3 × 3 = 13
                wp.Risks.Add(new Risk
                {
                    Description = r.Description,
                    Probability = r.Probability,
                    Impact = r.Impact,
                    Score = score,
                    Mitigation = r.Mitigation,
                    Owner = r.Owner == "Suunnittelija" ? $"Suunnittelija, {w.Code}" : r.Owner,
                });
            }
            return wp;
        }

        private WorkAction BuildAction(int number, string title, int count, Forced forced, string comment, string recorder, DateOnly wpStart)
        {
            var action = new WorkAction { Number = number, Title = title };
            var planned = Max(today.AddDays(-365 + rng.Next(0, 45)), wpStart);
            void Add(ActionStatus s, DateOnly d, string c, DateOnly? to = null) =>
                action.History.Add(new ActionStatusEntry { Status = s, Date = d, Comment = c, RecordedBy = recorder, PostponedTo = to });

            Add(ActionStatus.Planned, planned, "Kirjattu toimintasuunnitelmaan.");
            var lastDay = today.AddDays(-1);
            var ongoing = Min(planned.AddDays(rng.Next(20, 150)), today.AddDays(-70));

            switch (forced)
            {
                case Forced.Discontinued:
                    Add(ActionStatus.Ongoing, ongoing, "Työryhmä aloitti.");
                    Add(ActionStatus.Discontinued, today.AddDays(-40), comment);
                    return action;
                case Forced.Cancelled:
                    Add(ActionStatus.Cancelled, today.AddDays(-100 - rng.Next(0, 30)), comment);
                    return action;
                case Forced.Postponed:
                    Add(ActionStatus.Ongoing, ongoing, "Pilotti käynnistyi.");
                    Add(ActionStatus.Postponed, today.AddDays(-25), comment, today.AddMonths(5));
                    return action;
            }

            // Earlier actions of a work package are further along than later ones.
            var position = (number - 1) / (double)Math.Max(1, count - 1);
            var roll = rng.NextDouble();
            var doneShare = 0.6 - 0.45 * position;
            var plannedShare = 0.25 * position; // the first action of a work package has always started
            if (roll < doneShare)
            {
                Add(ActionStatus.Ongoing, ongoing, "Työ käynnistyi.");
                var done = ongoing.AddDays(rng.Next(40, 260));
                if (done > lastDay) done = today.AddDays(-rng.Next(1, 30));
                if (done <= ongoing) done = ongoing.AddDays(1);
                Add(ActionStatus.Done, done, rng.Next(3) == 0 ? "Valmis, tuotos julkaistu." : "Valmis.");
            }
            else if (roll < doneShare + 0.08)
            {
                Add(ActionStatus.Ongoing, ongoing, "Työ käynnistyi.");
                var postponed = Max(ongoing.AddDays(rng.Next(30, 200)), ongoing.AddDays(1));
                if (postponed > lastDay) postponed = lastDay;
                Add(ActionStatus.Postponed, postponed, "Siirretty resurssitilanteen vuoksi.", today.AddDays(rng.Next(45, 200)));
            }
            else if (roll > 1 - plannedShare)
            {
                // Still only planned; nothing more to record.
            }
            else
            {
                // Some actions started only recently, so that the latest review has something new to show.
                var started = rng.Next(4) == 0 ? today.AddDays(-rng.Next(5, 55)) : ongoing;
                if (started <= planned) started = planned.AddDays(1);
                Add(ActionStatus.Ongoing, started, "Työ käynnissä.");
            }
            return action;
        }

        private IEnumerable<Milestone> Milestones(int index, DateOnly start, DateOnly end)
        {
            var count = index % 2 == 0 ? 4 : 3;
            var first = Max(today.AddMonths(-10).AddDays(rng.Next(-20, 20)), start.AddMonths(1));
            yield return new Milestone { Due = first, Period = Season(first), Text = "Lähtötilanne kartoitettu ja toimintasuunnitelma tarkennettu", Done = true };
            var second = today.AddMonths(-4).AddDays(rng.Next(-20, 20));
            yield return new Milestone { Due = second, Period = MonthRange(second), Text = "Toimintamallin pilotointi käynnissä", Done = index % 5 != 1 };
            var third = Min(today.AddMonths(3).AddDays(rng.Next(-20, 20)), end.AddDays(-20));
            yield return new Milestone { Due = third, Period = Season(third), Text = "Pilotti arvioitu ja toimintamallia korjattu palautteen perusteella" };
            var fourth = Min(new DateOnly(endYear, 10, 31), end.AddMonths(-2));
            if (count == 4 && fourth > third.AddMonths(1))
            {
                yield return new Milestone { Due = fourth, Period = MonthRange(fourth), Text = "Toimintamalli vakiinnutettu ja loppuarviointi tehty" };
            }
        }

        private void BuildBudget(WorkPackage wp, W w, DateOnly start, DateOnly end)
        {
            var procured = w.Procurements?.Sum(p => p.Amount) ?? 0m;
            var purchaseShare = procured > 0 ? 0.12 + rng.NextDouble() * 0.1 : 0.04 + rng.NextDouble() * 0.06;
            var purchases = Round10(Math.Max(w.Cost * (decimal)purchaseShare, procured * 1.1m));
            var staff = Round10((w.Cost - purchases) * (decimal)(0.86 + rng.NextDouble() * 0.07));
            var other = w.Cost - purchases - staff;

            var elapsed = Math.Clamp((today.DayNumber - start.DayNumber) / (double)(end.DayNumber - start.DayNumber), 0, 1);
            foreach (var (category, planned, note) in new[]
                     {
                         ("Henkilöstökulut", staff, "Suunnittelijoiden palkat sivukuluineen ja työpanoksen siirrot."),
                         ("Ostopalvelut", purchases, "Asiantuntija- ja järjestelmähankinnat."),
                         ("Muut kulut", other, "Matkat, koulutukset, viestintä ja tarvikkeet."),
                     })
            {
                var actual = Math.Round(planned * (decimal)(elapsed * (0.7 + rng.NextDouble() * 0.42)), 2);
                var forecast = Math.Max(Round10(planned * (decimal)(0.88 + rng.NextDouble() * 0.16)), Round10(actual));
                wp.BudgetLines.Add(new BudgetLine { Category = category, Planned = planned, Actual = actual, Forecast = forecast, Note = note });
            }
            foreach (var p in w.Procurements ?? [])
                wp.ProcurementLines.Add(new ProcurementLine
                {
                    Description = p.Text,
                    Amount = p.Amount,
                    Status = p.Status,
                    Note = p.Status == "Toteutettu" ? "Suorahankinta tai pienhankinta, tilattu." : "",
                });
        }

        private Metric BuildMetric(M m, string recorder)
        {
            var metric = new Metric
            {
                Name = m.Name,
                Kind = m.Kind,
                Unit = m.Unit,
                HigherIsBetter = m.HigherIsBetter,
                Baseline = m.Baseline,
                BaselineNote = m.Baseline is null ? "" : $"Lähtötaso {startYear} alussa",
                ScaleMin = m.Kind == MetricKind.Scale ? 1 : null,
                ScaleMax = m.Kind == MetricKind.Scale ? 5 : null,
            };

            // Targets: an interim one for the coming quarter on most numeric metrics, and the final one.
            if (m.Kind == MetricKind.Text)
            {
                metric.Targets.Add(new MetricTarget { TextValue = m.TextTarget, DuePeriod = $"{endYear}Q2" });
            }
            else if (m.Quirk == Quirk.TargetWithoutDue)
            {
                metric.Targets.Add(new MetricTarget { Value = m.Target }); // due period left out, on purpose
            }
            else
            {
                if (m.Kind is MetricKind.Percentage or MetricKind.Nps or MetricKind.Scale && m.Target is { } goal)
                {
                    var interim = Math.Round((m.To + goal) / 2, m.Decimals);
                    metric.Targets.Add(new MetricTarget { Value = interim, DuePeriod = Period.QuarterOf(today.AddMonths(3)).Code });
                }
                var due = m.Kind switch
                {
                    MetricKind.Count => endYear.ToString(CultureInfo.InvariantCulture),
                    MetricKind.YesNo => $"{endYear}-06",
                    _ => $"{endYear}Q4",
                };
                metric.Targets.Add(new MetricTarget { Value = m.Target, DuePeriod = due });
            }

            var months = Enumerable.Range(0, 12).Where(i => !m.Quarterly || i % 3 == 2).ToList();
            foreach (var i in months)
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(i - 12);
                var date = first.AddMonths(1).AddDays(-1);
                if (m.Quirk == Quirk.NotMeasuredForMonths && date > today.AddMonths(-5)) continue;
                var t = i / 11m;
                var measurement = new Measurement
                {
                    Date = date,
                    Source = m.Source,
                    RecordedBy = recorder,
                    RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                    N = m.N > 0 ? (int)Math.Round(m.N * (0.8 + rng.NextDouble() * 0.4)) : null,
                };
                if (m.Kind == MetricKind.Text)
                    measurement.TextValue = m.Texts![months.IndexOf(i) % m.Texts.Length];
                else
                    measurement.Value = Value(m, t);
                metric.Measurements.Add(measurement);
            }
            if (m.Quirk == Quirk.PercentageOver100)
                metric.Measurements[^2].Value = 112m; // typed 112 instead of 11,2 or 12: the check must catch it
            return metric;
        }

        private decimal Value(M m, decimal t)
        {
            var trend = m.From + (m.To - m.From) * t;
            if (m.Kind == MetricKind.YesNo) return trend >= 0.5m ? 1 : 0;
            var spread = m.Kind switch
            {
                MetricKind.Percentage => 1.2m,
                MetricKind.Nps => 3m,
                MetricKind.Scale => 0.08m,
                _ => Math.Abs(m.To - m.From) * 0.04m,
            };
            var v = trend + spread * (decimal)(rng.NextDouble() * 2 - 1);
            v = m.Kind switch
            {
                MetricKind.Percentage => Math.Clamp(v, 0, 100),
                MetricKind.Nps => Math.Clamp(v, -100, 100),
                MetricKind.Scale => Math.Clamp(v, 1, 5),
                _ => Math.Max(v, 0),
            };
            return Math.Round(v, m.Decimals);
        }

        private IEnumerable<Metric> ProgrammeMetrics()
        {
            Metric Indicator(string name, string code, MetricKind kind, string unit, bool higherIsBetter, decimal baseline, string note,
                decimal from, decimal to, decimal spread, int n, string source, bool quarterly, params (decimal Value, string Due)[] targets)
            {
                var metric = new Metric
                {
                    Name = name, IndicatorCode = code, Kind = kind, Unit = unit, HigherIsBetter = higherIsBetter,
                    Baseline = baseline, BaselineNote = note,
                };
                foreach (var (value, due) in targets) metric.Targets.Add(new MetricTarget { Value = value, DuePeriod = due });
                for (var i = 0; i < 12; i++)
                {
                    if (quarterly && i % 3 != 2) continue;
                    var date = new DateOnly(today.Year, today.Month, 1).AddMonths(i - 11).AddDays(-1);
                    var v = from + (to - from) * i / 11m + spread * (decimal)(rng.NextDouble() * 2 - 1);
                    metric.Measurements.Add(new Measurement
                    {
                        Date = date,
                        Value = Math.Round(v, kind == MetricKind.Nps ? 0 : 1),
                        N = (int)Math.Round(n * (0.9 + rng.NextDouble() * 0.2)),
                        Source = source,
                        RecordedBy = "tietoasiantuntija",
                        RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                    });
                }
                return metric;
            }

            yield return Indicator("Hoitotakuu 7 vrk toteutuu", "care_guarantee_7d", MetricKind.Percentage, "%", true, 58,
                "Kiireettömät perusterveydenhuollon käynnit, joissa odotus hoidon tarpeen arviosta oli enintään 7 vrk",
                60, 68, 0.8m, 4200, "Potilastietojärjestelmä (käyntiaineisto)", false,
                (66, Period.QuarterOf(today.AddMonths(-6)).Code), (80, $"{endYear}Q4"));
            yield return Indicator("Etäasioinnin osuus kontakteista", "remote_contact_share", MetricKind.Percentage, "%", true, 24.8m,
                "Sähköisin välinein etänä hoidetut kontaktit kaikista kontakteista",
                30.5m, 36.5m, 0.5m, 31_000, "Potilas- ja asiakastietojärjestelmät", false,
                (35, $"{today.Year}Q4"));
            yield return Indicator("Asiakaspalautteen NPS", "feedback.nps", MetricKind.Nps, "", true, 35,
                "Suositteluhalukkuus 0–10, kaikki kanavat", 38, 47, 3, 850, "Asiakaspalautejärjestelmä", false,
                (50, endYear.ToString(CultureInfo.InvariantCulture)));
            yield return Indicator("Häiriökysynnän osuus", "failure_demand_share", MetricKind.Percentage, "%", false, 24,
                "Luokitelluista yhteydenotoista häiriökysyntää", 23, 18.5m, 0.6m, 1500, "Puhelusisältöselvitys", true,
                (20, $"{today.Year}Q4"), (15, $"{endYear}Q4"));
        }

        private IEnumerable<(string WorkPackage, PlanChange Change)> PlanChanges()
        {
            (string, PlanChange) Change(string wp, string text, int daysAgo, PlanChangeStatus status) =>
                (wp, new PlanChange { Description = text, Date = today.AddDays(-daysAgo), Status = status });

            yield return Change("1a/TP5", "Inv 1 a), TP5: anestesiahammashoidon pilotti korvattu pelkopotilaan hoitopolun kehittämisellä.", 345, PlanChangeStatus.Approved);
            yield return Change("4.1/TP1 e)", "Inv 4, TP1 e): digitaaliset hoito- ja palveluketjut toteutetaan myös verkkosivuille.", 330, PlanChangeStatus.Approved);
            yield return Change("1a/TP2", "Inv 1 a), TP2: työpakettiin lisätty nuorten perustason mielenterveyspalvelujen rakentaminen.", 300, PlanChangeStatus.Approved);
            yield return Change("1a/TP2", "Inv 1 a), TP2: neuropsykiatrisen osaamisen vahvistamista laajennettu uusiin ammattiryhmiin.", 210, PlanChangeStatus.Approved);
            yield return Change("3/TP1", "Inv 3, TP1: kirjaamisen kehittämisen henkilöresurssi kasvatettu yhdestä kahteen työntekijään.", 180, PlanChangeStatus.Approved);
            yield return Change("4.2/TP1 a2", "Inv 4, TP1 a2: asiakkuussovelluksen sijaan laajennetaan toisen järjestelmän käyttöä kotikuntoutukseen.", 175, PlanChangeStatus.Approved);
            yield return Change("2/TP1", "Inv 2, TP1: ravitsemusterveyden edistäminen lisätty palvelukonseptiin.", 95, PlanChangeStatus.Approved);
            yield return Change("1b/TP1", "Inv 1 b), TP1: chatin ja chatbotin jatko ja rahoituksen uudelleenkohdennus.", 30, PlanChangeStatus.InPreparation);
            yield return Change("4.1/TP1 a)", "Inv 4, TP1 a): asiakaspalautteen käsittelyn toimintamalli lisätään järjestelmäintegraatioiden rinnalle.", 12, PlanChangeStatus.InPreparation);
        }

        private IEnumerable<ReviewMeeting> ReviewMeetings()
        {
            var latest = today.AddDays(-75);
            while (latest.DayOfWeek != DayOfWeek.Thursday) latest = latest.AddDays(-1);
            string[] notes =
            [
                "Ohjausryhmä: vuoden toimintasuunnitelma ja riskien päivitys.",
                "Ohjausryhmä: investointien tilannekatsaus ja hankintojen eteneminen.",
                "Ohjausryhmä: hankesuunnitelmamuutokset ja talouden toteuma-arvio.",
                "Ohjausryhmä: työpakettien tilannekatsaus, mittarit ja hankesuunnitelmamuutokset.",
            ];
            for (var i = 3; i >= 0; i--)
                yield return new ReviewMeeting { Date = latest.AddDays(-91 * i), Note = notes[3 - i] };
        }

        private static string Season(DateOnly d) =>
            (d.Month switch { <= 5 => "Kevät", <= 8 => "Kesä", _ => "Syksy" }) + " " + d.Year.ToString(CultureInfo.InvariantCulture);

        private static string MonthRange(DateOnly d)
        {
            var from = Math.Max(1, d.Month - 2);
            return from == d.Month ? $"{d.Month}/{d.Year}" : $"{from}–{d.Month}/{d.Year}";
        }

        private static decimal Round10(decimal v) => Math.Round(v / 10m, MidpointRounding.AwayFromZero) * 10m;
        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
