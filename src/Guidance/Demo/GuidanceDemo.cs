using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;

namespace Tilannekuva.Guidance.Demo;

/// <summary>Synthetic teams and knowledge-base articles for the demo and the tests (no real people; addresses are examples).</summary>
public static class GuidanceDemo
{
    public const string GeneralTeam = "NEUVONTA";
    public const string FamilyTeam = "PERHE";
    public const string ConsultTeam = "GERIATRIA";

    public static async Task<bool> LoadIfEmptyAsync(GuidanceDbContext db, IEnumerable<string> advisors, CancellationToken ct = default)
    {
        if (await db.Teams.AnyAsync(ct)) return false;
        var general = new Team
        {
            Code = GeneralTeam, NameFi = "Palveluneuvonta", NameSv = "Servicerådgivning", NameEn = "Service guidance", OpenDays = "12345",
            Opens = new(8, 0), Closes = new(16, 0), MaxQueue = 10, UnitId = "K205-TA1", FeedbackServicePoint = "KAJ-TK", FeedbackService = "VO",
        };
        var family = new Team
        {
            Code = FamilyTeam, NameFi = "Perhepalvelujen neuvonta", NameSv = "Rådgivning för familjetjänster", NameEn = "Family services guidance",
            OpenDays = "12345", Opens = new(9, 0), Closes = new(15, 0), MaxQueue = 5, UnitId = "K205-TA1", FeedbackServicePoint = "KAJ-TK", FeedbackService = "VO",
        };
        var consult = new Team
        {
            Code = ConsultTeam, NameFi = "Geriatrian etäkonsultaatio", NameSv = "Geriatrisk fjärrkonsultation", NameEn = "Geriatric remote consultation",
            StaffOnly = true, OpenDays = "12345", Opens = new(8, 0), Closes = new(15, 0), MaxQueue = 20,
        };
        db.Teams.AddRange(general, family, consult);
        await db.SaveChangesAsync(ct);
        foreach (var a in advisors)
            foreach (var t in new[] { general, family, consult })
                db.Members.Add(new TeamMember { TeamId = t.Id, UserName = a, Editor = true });
        var now = DateTimeOffset.UtcNow;
        foreach (var (team, versions) in Articles(general.Id, family.Id))
        {
            var article = new Article { TeamId = team };
            db.Articles.Add(article);
            await db.SaveChangesAsync(ct);
            foreach (var (lang, q, ans, url) in versions)
                db.ArticleVersions.Add(new ArticleVersion { ArticleId = article.Id, Version = 1, Language = lang, Question = q, Answer = ans, SourceUrl = url, CreatedAt = now, CreatedBy = "demo" });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IEnumerable<(int? Team, (string Lang, string Q, string A, string Url)[] Versions)> Articles(int general, int family) =>
    [
        (null, [
            ("fi", "Miten uusin reseptin?", "Reseptin uusimista voi pyytää OmaKannassa tai terveysaseman takaisinsoittopalvelussa. Uusiminen kestää enintään kolme arkipäivää.", "https://example.org/kainuu/reseptit"),
            ("sv", "Hur förnyar jag mitt recept?", "Du kan be om förnyelse av recept i Mina Kanta-sidor eller via hälsostationens återuppringning. Det tar högst tre vardagar.", "https://example.org/kainuu/sv/recept"),
            ("en", "How do I renew my prescription?", "You can ask for a prescription renewal in My Kanta or through the health station's callback service. It takes at most three working days.", "https://example.org/kainuu/en/prescriptions"),
        ]),
        (general, [
            ("fi", "Miten varaan ajan hammaslääkärille?", "Hammashoidon ajan voit varata soittamalla suun terveydenhuollon ajanvaraukseen arkisin klo 8–15 tai sähköisessä asioinnissa.", "https://example.org/kainuu/suunterveys"),
            ("sv", "Hur bokar jag tid till tandläkaren?", "Du kan boka tid till tandvården per telefon vardagar kl. 8–15 eller i e-tjänsten.", "https://example.org/kainuu/sv/tandvard"),
            ("en", "How do I book a dentist appointment?", "Book dental care by phone on weekdays 8–15 or in the e-service.", "https://example.org/kainuu/en/dental"),
        ]),
        (general, [
            ("fi", "Mistä saan tukea omaishoitajana?", "Omaishoitajien tukea ja vertaisryhmiä järjestää hyvinvointialue yhdessä järjestöjen kanssa. Omaishoidon tuen hakemus tehdään sosiaalipalveluihin.", "https://example.org/kainuu/omaishoito"),
            ("sv", "Var får jag stöd som närståendevårdare?", "Stöd och kamratgrupper för närståendevårdare ordnas av välfärdsområdet tillsammans med organisationer. Ansökan om stöd görs till socialtjänsten.", "https://example.org/kainuu/sv/narstaendevard"),
            ("en", "Where can I get support as an informal carer?", "The wellbeing services county and NGOs organise support and peer groups for informal carers. Apply for carer's allowance at social services.", "https://example.org/kainuu/en/carers"),
        ]),
        (general, [
            ("fi", "Paljonko terveyskeskusmaksu on?", "Terveyskeskuksen lääkärikäynnin asiakasmaksu on asiakasmaksulain mukainen. Alle 18-vuotiailta ei peritä maksua.", "https://example.org/kainuu/asiakasmaksut"),
            ("sv", "Hur mycket kostar ett besök på hälsocentralen?", "Klientavgiften för läkarbesök följer lagen om klientavgifter. Personer under 18 år betalar ingen avgift.", "https://example.org/kainuu/sv/avgifter"),
            ("en", "How much does a health centre visit cost?", "The client fee for a doctor's visit follows the Client Fees Act. Under 18-year-olds pay nothing.", "https://example.org/kainuu/en/fees"),
        ]),
        (family, [
            ("fi", "Miten haen lapselle päivähoitopaikkaa neuvolasta?", "Neuvolan terveydenhoitaja neuvoo lapsen kasvuun liittyvissä asioissa. Varhaiskasvatuspaikkaa haetaan kunnasta.", "https://example.org/kainuu/neuvola"),
            ("sv", "Hur ansöker jag om dagvård via rådgivningen?", "Rådgivningens hälsovårdare hjälper i frågor om barnets utveckling. Plats i småbarnspedagogiken söks hos kommunen.", "https://example.org/kainuu/sv/radgivning"),
            ("en", "How do I apply for day care through the child health clinic?", "The child health clinic nurse advises on the child's growth. Early childhood education places are applied for from the municipality.", "https://example.org/kainuu/en/clinic"),
        ]),
    ];
}
