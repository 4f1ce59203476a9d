namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

/// <summary>Small plans written by hand in styles of their own, unlike the base plan (all names made up).</summary>
public static class HandWrittenPlans
{
    /// <summary>
    /// Unnumbered headings in other wordings, a pillar whose work package stands directly under it, investments
    /// "Investointi 1A" / "Investointi 1B", work packages "TP1" and "TP 2 b)", field labels alone on their line
    /// without a colon, metrics in prose with their targets, a cost table per work package in "euroa" without a
    /// total row, risk scores written "3 × 3 = 9".
    /// </summary>
    public const string Kuusela = """
        Kestävän kasvun Kuusela
        Hankkeen tarve ja tausta
        Kuuselan alueella jonot ovat kasvaneet ja työttömyys on pitkittynyt.

        Kohderyhmät
        Työttömät työnhakijat ja pitkäaikaissairaat.

        Hankkeen tavoitteet
        Työllisyys paranee ja hoitoon pääsy nopeutuu.

        Pilarit ja investoinnit

        PILARI 3: Työllisyysasteen nostaminen
        TP1 Työkykykoordinaattorit
        Tavoitteet
        Työttömien työkyky selvitetään.
        Toimenpiteet
        1) Palkataan kaksi koordinaattoria. 2) Laaditaan työkykyarviot.
        Aikataulu
        2024: koordinaattorit aloittavat.
        Kustannusarvio
        210 000 euroa
        Mittarit
        Työkykyarvioiden osuus nousee 80 prosenttiin (kvartaali 4/2025 mennessä).

        PILARI 4: Palvelujen saatavuuden vahvistaminen
        Investointi 1A: Hoitotakuun edistäminen
        TP 2 b) Sähköinen ajanvaraus
        Tavoitteet
        Ajan voi varata verkossa.
        Toimenpiteet
        1) Hankitaan ajanvarausjärjestelmä. 2) Otetaan se käyttöön.
        Kustannusarvio
        150 000 euroa
        Mittarit
        Verkossa varattujen aikojen osuus vähintään 35 % 2/2025 mennessä.

        Investointi 1B: Etäpalvelut
        TP1 Etävastaanotto
        Tavoitteet
        Etävastaanotto on arkea.
        Toimenpiteet
        1) Koulutetaan lääkärit.
        Kustannusarvio
        90 000 euroa
        Mittarit
        Etävastaanottojen määrä

        Vaikutukset ja vaikuttavuus
        Vaikutukset arvioidaan hankkeen lopussa.

        Hankkeen kustannukset
        Pilari Investointi Osa-alue Kustannukset, €
        Pilari 3 Työkykykoordinaattorit 210 000 euroa
        Pilari 4 Investointi 1 Sähköinen ajanvaraus 150 000 euroa
        Pilari 4 Investointi 1 Etävastaanotto 95 000 euroa

        Riskit ja niiden hallinta
        Riskin kuvaus Todennäköisyys Vaikutus Riskipisteet Toimenpiteet Vastuutaho

        Koordinaattoreita
        ei saada

        3 × 3 = 9 Rekrytoidaan yhteistyössä
        oppilaitosten kanssa.

        Hankejohtaja

        Järjestelmä ei
        valmistu

        2 × 4 = 9 Toimittajan kanssa sovitaan
        välitavoitteet.

        Tietohallinto
        """;

    /// <summary>
    /// Headings numbered "1)", investments "Inv 1 b)", sub-units "1 a1)" and "e1)", metrics as bullets, amounts with dots,
    /// a per-investment cost table whose rows do not add up to its total, and the risk table as Word gives it (tab cells).
    /// </summary>
    public const string Rantala = "Hankkeen nimi: Kestävän kasvun Rantala\n"
        + "1) Hankkeen tarve\nRantalassa digitaalisia palveluja käytetään vähän.\n\n"
        + "2) Kohderyhmä\nIkääntyneet ja omaishoitajat.\n\n"
        + "3) Hankkeen päätavoitteet\nDigitaaliset palvelut tavoittavat ikääntyneet.\n\n"
        + "4) Pilarit ja Investoinnit\n\n"
        + "PILARI 4: Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen\n\n"
        + "Inv 1 b) Digitaaliset palvelut ikääntyneille\n\n"
        + "1 a1) Digituki kotiin\n"
        + "Tavoitteet: Ikääntyneet käyttävät etäpalveluja.\n"
        + "Toimenpiteet: 1) Perustetaan digitukitiimi. 2) Tehdään kotikäynnit.\n"
        + "Kustannusarvio: 120.000 €\n"
        + "Mittarit:\n• Digitukikäyntien määrä\n• Etäpalvelujen käyttäjien osuus nousee 40 prosenttiin (kvartaali 2/2025 mennessä)\n\n"
        + "e1) Omaishoitajien etäryhmät\n"
        + "Tavoitteet: Omaishoitajat saavat vertaistukea verkossa.\n"
        + "Toimenpiteet: 1) Käynnistetään etäryhmät.\n"
        + "Kustannusarvio: 40.000 €\n"
        + "Mittarit:\n• Ryhmiin osallistuneiden määrä\n\n"
        + "5) Vaikutukset ja vaikuttavuus\nVaikutukset arvioidaan.\n\n"
        + "7) Hankkeen hallinnointi\n\n"
        + "7.2 Hankkeen kustannukset\n"
        + "Pilari Investointi Osa-alue Kustannukset, €\n"
        + "Pilari 4 Investointi 1 Digitaaliset palvelut ikääntyneille 160.000 €\n"
        + "Yhteensä 170.000 €\n\n"
        + "7.5 Riskit ja niihin varautuminen\n"
        + "Riskin kuvaus\tTodennäköisyys (1–5)\tVaikutus (1–5)\tRiskipisteet\tToimenpiteet riskin vähentämiseksi\tVastuutaho\n"
        + "Ikääntyneet eivät innostu\t3\t3\t9\tKotikäynnit ja vertaisohjaajat.\tPalvelualueen johtaja\n";
}
