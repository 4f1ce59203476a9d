using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The regular expressions the parser reads lines with.</summary>
public static partial class PlanParser
{

    [GeneratedRegex(@"^(\d{1,2})\.\s+(\S.*)$")] private static partial Regex TopHeadingRx();
    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex SubHeading();
    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex Level3();
    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex Level4();
    [GeneratedRegex(@"^\d+(\.\d+)+\.?\s+[A-ZÄÖÅ]")] private static partial Regex NumberedHeadingLike();
    [GeneratedRegex(@"PILARI\s*(\d+)\s*:?", RegexOptions.IgnoreCase)] private static partial Regex PillarWord();
    [GeneratedRegex(@"^Investointi\s+(\d+)\s*:?", RegexOptions.IgnoreCase)] private static partial Regex InvestmentWord();
    [GeneratedRegex(@"^Investointi\s+\d+\s*:\s")] private static partial Regex BareInvestment();
    [GeneratedRegex(@"^([a-h])\)\s+(\S.*)$")] private static partial Regex LetterHeading();
    [GeneratedRegex(@"^(?:Työpaketti\s+|TP\s*)(\d+)\s*(?:([a-h]\d?)(?:\)|(?=\s*:)|(?=\s+[A-ZÄÖÅ])))?\s*:?\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex WpHeading();
    [GeneratedRegex(@"^(?:Investointi|Inv\.?)\s*(?<n>\d{1,2})\s*(?:(?<l>[a-h])(?![a-zäöå])\)?)?\s*[:.]?\s+(?<title>\S.*)$", RegexOptions.IgnoreCase)] private static partial Regex InvestmentLabel();
    [GeneratedRegex(@"^(?<n>\d)\s*(?<l>[a-h])\)\s+(?<title>[A-ZÄÖÅ].*)$")] private static partial Regex BareInvestmentPart();
    [GeneratedRegex(@"^(?:(\d+)\s*)?([a-h]\d{1,2})\)\s*(\S.*)$")] private static partial Regex SubWpHeading();
    [GeneratedRegex(@"^(?:Työpake(?:tti|tin)\s+\d+\s*(?:[a-h]\d?\)\s*)?)?(?<label>karkea\s+aikataulu|aikataulu|tavoitteet|tavoite|toimenpiteet|tuotokset|tulokset|kustannusarvio|kustannukset|mittarit|indikaattorit)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLabel();
    [GeneratedRegex(@"^(Palvelun jatkuvuus|Palvelun skaalautuvuus|Taloudelliset ja laadulliset hyödyt|Vastuutaho|Vastuuhenkilö|Yhteistyökumppanit|Hankinnat)[^:]{0,60}:", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoredLabel();
    [GeneratedRegex(@"(?<![\d\w.,/])(?<n>\d{1,2})(?:\.(?<sub>\d{1,2}))?\)")] private static partial Regex ActionMarker();
    [GeneratedRegex(@"([A-ZÄÖÅ][^.:;()]{0,50}(?:\.\s*[a-zäöå][^.:;()]{0,40})?):\s*$")] private static partial Regex LabelAtEnd();
    [GeneratedRegex(@"(?<n>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,\d{1,2})?\s*(?:€|e\b|eur\b|euroa)", RegexOptions.IgnoreCase)] private static partial Regex Amount();
    [GeneratedRegex(@"(?<n>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,\d{1,2})?\s*(?:€|e|eur|euroa)\s*$", RegexOptions.IgnoreCase)] private static partial Regex AmountAtEnd();
    [GeneratedRegex(@"\s[-–]\s*$")] private static partial Regex DashAtEnd();
    [GeneratedRegex(@"^Pilari\s+(?<p>\d+)\s*(?:Investointi\s+(?<i>\d+))?(?<rest>.*)$", RegexOptions.IgnoreCase)] private static partial Regex CostRow();
    [GeneratedRegex(@"^(Yhteensä|Kaikki yhteensä|Kokonaiskustannukset)\b", RegexOptions.IgnoreCase)] private static partial Regex TotalRow();
    [GeneratedRegex(@"^Pilari\s+Investointi\s+Osa-alue|Kustannukset,\s*€", RegexOptions.IgnoreCase)] private static partial Regex CostHeader();
    [GeneratedRegex(@"^(Pilari\s+\d+|Investointi\s+\d+|Työpaketti\s+\d+)\s*:\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex IndicatorScope();
    [GeneratedRegex(@"^(Tavoite ja indikaattori|Indikaattori|Tavoite|Välitavoite|Väli-indikaattori)\s*:\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex IndicatorLabel();
    [GeneratedRegex(@"Väli-?indikaattori\s*:", RegexOptions.IgnoreCase)] private static partial Regex Interim();
    [GeneratedRegex(@"(?<v>\d{1,3}(?:,\d+)?)(?:\s*%|\s+prosent\w*)[^.%]{0,120}?(?:(?<due>Q[1-4]\s*/\s*\d{4})|(?:kvartaali|vuosineljännes)\s+(?<q>)(?<due>[1-4]\s*/\s*\d{4})|(?<due>\d{1,2}\s*/\s*\d{4}))", RegexOptions.IgnoreCase)] private static partial Regex PercentTarget();
    [GeneratedRegex(@"^(?<p>\d{1,2})(?:\s+|\s*[×xX*]\s*)(?<i>\d{1,2})(?:\s+|\s*=\s*)(?<s>\d{1,3})(?:\s+(?<rest>.*))?$")] private static partial Regex RiskNumbers();
    [GeneratedRegex(@"Vastuutaho|Vastuuhenkilö|Riskin omistaja", RegexOptions.IgnoreCase)] private static partial Regex OwnerHeader();
    [GeneratedRegex(@"\b(määrä|määrät|määrää|lukumäärä|käyttömäärä|käyttäjämäärä|käyttäjämäärät)\b", RegexOptions.IgnoreCase)] private static partial Regex CountWord();
    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")] private static partial Regex Year();
    [GeneratedRegex(@"\s+")] private static partial Regex Ws();
    [GeneratedRegex(@"^\s*(?<d>\S.*?)\s{2,}(?<p>[1-5])\s{2,}(?<i>[1-5])\s{2,}(?<s>\d{1,2})\s{2,}(?<m>\S.*?)(?:\s{2,}(?<o>\S.*?))?\s*$")] private static partial Regex LayoutRisk();
    [GeneratedRegex(@"^[•▪◦*–-]\s+")] private static partial Regex Bullet();
    [GeneratedRegex(@"^[A-ZÄÖÅ][^.:;,()]{0,40}(?:\.\s*[a-zäöå][^.:;,()]{0,30})?:\s")] private static partial Regex LabelStart();
    [GeneratedRegex(@"[\p{L}]+")] private static partial Regex Words();
    [GeneratedRegex(@"^\s*Hankkeen nimi\s*:\s*(.+)$", RegexOptions.IgnoreCase)] private static partial Regex NameLabel();
    [GeneratedRegex(@"(Kestävän kasvun\s+[A-ZÄÖÅ][\p{L}-]+(?:\s+I{1,3}V?)?)\s*(?:[–-]\s*)?hank", RegexOptions.None)] private static partial Regex ProjectName();

    private const string SeasonRx = @"(?:(?:alku|loppu)?kevä\w*|kesä\w*|syks\w*|syksy|talv\w*|alkuvuo\w*|loppuvuo\w*)\s+";
    private const string PointRx = @"(?:" + SeasonRx + @")?(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*/\s*/?\s*\d{4}|(?:19|20)\d{2})";
    private const string PeriodRx = PointRx + @"(?:\s*[-–]\s*" + PointRx + @")?";

    [GeneratedRegex(@"(?<![\w/])(?<p>" + PeriodRx + @")\s*:", RegexOptions.IgnoreCase)] private static partial Regex PeriodColon();
    [GeneratedRegex(@"(?:^|(?<=[,.;]\s{1,3}))(?<p>" + PeriodRx + @")(?=\s)", RegexOptions.IgnoreCase)] private static partial Regex PeriodLead();
    [GeneratedRegex(@"^" + PeriodRx + @"$", RegexOptions.IgnoreCase)] private static partial Regex PeriodOnly();
    [GeneratedRegex(@"(?:(?<s>(?:alku|loppu)?kevä\w*|kesä\w*|syks\w*|talv\w*|alkuvuo\w*|loppuvuo\w*)\s+)?(?:(?<m>\d{1,2})\s*/\s*/?\s*)?(?<y>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex LastDate();
}
