namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>Plans written for the tests on the national template, with the mess pdftotext leaves behind.</summary>
public static class SyntheticPlans
{
    /// <summary>As pdftotext gives it: cover page, hyphenated line breaks, a URL line, a page footer, a flattened risk table.</summary>
    public const string Text = """
        Hankesuunnitelma
        Hankkeen nimi: Testihanke Koivula
         1. Hankkeen tarve
        Koivulan hyvinvointialueella hoitoon pääsy on hidasta ja korona-
        pandemia kasvatti jonoja.

        2. Kohderyhmä
        Pitkäaikaissairaat ja omaishoitajat.

        3. Hankkeen päätavoitteet
        Hoitoon pääsy nopeutuu.

        https://example.org/koivula
         4. Pilarit ja Investoinnit

        4.1 PILARI 4: Sosiaali- ja terveydenhuollon palvelujen saatavuuden
        vahvistaminen

        4.1.1 Investointi 1: Edistetään hoitotakuun toteutumista

        Investoinnin johdantoteksti, jolle ei ole paikkaa.

        Työpaketti 1: Vastaanoton
        sujuvoittaminen
        Taustaa vastaanotosta.
        Työpaketin 1 tavoitteet: Hoitoon pääsee viikossa. Jonot lyhenevät.
        Toimenpiteet: 1) Kuvataan hoitoketjut. 2) Koulutetaan henkilöstö-
        ryhmät. 3) Otetaan käyttöön takaisinsoitto.
        Tuotokset: Hoitoketjukuvaus. Koulutusmateriaali.
        Aikataulu: Kevät 2024: hoitoketjut kuvattu. 2025: takaisinsoitto käytössä.
        Kustannusarvio:   455 000 e

        Mittarit: Hoitoon pääsy, takaisinsoittojen määrä


               3(12)


        Työpaketti 2: Omaishoitajien tuki
        Työpaketti 2 tavoitteet: Omaishoitajat jaksavat.
        Toimenpiteet: 1) Perustetaan vertaisryhmät 2) Järjestetään etätuki
        Tuotokset: Vertaisryhmien toimintamalli.
        Karkea aikataulu: 2024: ryhmät käynnissä
        Kustannukset: 1 182 060 €
        Mittarit: Ryhmiin osallistuneiden määrä.

        4.1.2 Investointi 2: Digitaaliset palvelut

        Toimenpiteet: 1) Hankitaan chat.
        Kustannusarvio: 100 000 €
        Mittarit: Chatin käyttömäärä

         5. Vaikutukset ja vaikuttavuus
        Hankkeella on myönteisiä vaikutuksia.

        7. Hankkeen hallinnointi

        7.2 Hankkeen kustannukset

        Pilari Investointi Osa-alue Kustannukset, €
        Pilari 4 Investointi 1 Hoitotakuun edistäminen

        1 637 060 €
        Pilari 4 Investointi 2 Digitaaliset palvelut 100 000 €
        Yhteensä 1 737 060 €

        7.4 Seuranta ja arviointi
        Investointi 1: Edistetään hoitotakuun toteutumista.
        Tavoite: hoitoon pääsy nopeutuu
        Indikaattori: kiireettömistä käynneistä 80 %:iin Q4/2025 mennessä. Väli-indikaattori: 66 %:iin Q2/2024 mennessä.

        7.5 Riskit ja niihin varautuminen

        Riskin kuvaus Toden-
        näköisyys (1
        – 5)

        Vaikutus (1
        – 5)

        Riskipisteet

        Toimenpiteet riskin vähentämiseksi Vastuutaho

        Rekrytointi ei
        onnistu

        3 4 12 Rekrytoidaan ajoissa.
        Perehdytys dokumentoidaan.

        Projektijohtaja,
        HR

        Järjestelmätoimittaja
        viivästyy

        2 4 9 Sopimukseen sanktiot.

        Tietohallinto
        """;

    /// <summary>The same plan as a word processor holds it: one paragraph per paragraph, tables as tables.</summary>
    public static readonly string[] DocxParagraphs =
    [
        "Hankesuunnitelma",
        "Hankkeen nimi: Testihanke Koivula",
        "1. Hankkeen tarve",
        "Koivulan hyvinvointialueella hoitoon pääsy on hidasta ja koronapandemia kasvatti jonoja.",
        "2. Kohderyhmä",
        "Pitkäaikaissairaat ja omaishoitajat.",
        "3. Hankkeen päätavoitteet",
        "Hoitoon pääsy nopeutuu.",
        "4. Pilarit ja Investoinnit",
        "4.1 PILARI 4: Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen",
        "4.1.1 Investointi 1: Edistetään hoitotakuun toteutumista",
        "Investoinnin johdantoteksti, jolle ei ole paikkaa.",
        "Työpaketti 1: Vastaanoton sujuvoittaminen",
        "Taustaa vastaanotosta.",
        "Työpaketin 1 tavoitteet: Hoitoon pääsee viikossa. Jonot lyhenevät.",
        "Toimenpiteet: 1) Kuvataan hoitoketjut. 2) Koulutetaan henkilöstöryhmät. 3) Otetaan käyttöön takaisinsoitto.",
        "Tuotokset: Hoitoketjukuvaus. Koulutusmateriaali.",
        "Aikataulu: Kevät 2024: hoitoketjut kuvattu. 2025: takaisinsoitto käytössä.",
        "Kustannusarvio: 455 000 e",
        "Mittarit: Hoitoon pääsy, takaisinsoittojen määrä",
        "Työpaketti 2: Omaishoitajien tuki",
        "Työpaketti 2 tavoitteet: Omaishoitajat jaksavat.",
        "Toimenpiteet: 1) Perustetaan vertaisryhmät 2) Järjestetään etätuki",
        "Tuotokset: Vertaisryhmien toimintamalli.",
        "Karkea aikataulu: 2024: ryhmät käynnissä",
        "Kustannukset: 1 182 060 €",
        "Mittarit: Ryhmiin osallistuneiden määrä.",
        "4.1.2 Investointi 2: Digitaaliset palvelut",
        "Toimenpiteet: 1) Hankitaan chat.",
        "Kustannusarvio: 100 000 €",
        "Mittarit: Chatin käyttömäärä",
        "5. Vaikutukset ja vaikuttavuus",
        "Hankkeella on myönteisiä vaikutuksia.",
        "7. Hankkeen hallinnointi",
        "7.2 Hankkeen kustannukset",
        "#COSTS",
        "7.4 Seuranta ja arviointi",
        "Investointi 1: Edistetään hoitotakuun toteutumista.",
        "Tavoite: hoitoon pääsy nopeutuu",
        "Indikaattori: kiireettömistä käynneistä 80 %:iin Q4/2025 mennessä. Väli-indikaattori: 66 %:iin Q2/2024 mennessä.",
        "7.5 Riskit ja niihin varautuminen",
        "#RISKS",
    ];

    public static readonly string[][] CostTable =
    [
        ["Pilari", "Investointi", "Osa-alue", "Kustannukset, €"],
        ["Pilari 4", "Investointi 1", "Hoitotakuun edistäminen", "1 637 060 €"],
        ["Pilari 4", "Investointi 2", "Digitaaliset palvelut", "100 000 €"],
        ["Yhteensä", "", "", "1 737 060 €"],
    ];

    public static readonly string[][] RiskTable =
    [
        ["Riskin kuvaus", "Todennäköisyys (1–5)", "Vaikutus (1–5)", "Riskipisteet", "Toimenpiteet riskin vähentämiseksi", "Vastuutaho"],
        ["Rekrytointi ei onnistu", "3", "4", "12", "Rekrytoidaan ajoissa. Perehdytys dokumentoidaan.", "Projektijohtaja, HR"],
        ["Järjestelmätoimittaja viivästyy", "2", "4", "9", "Sopimukseen sanktiot.", "Tietohallinto"],
    ];
}
