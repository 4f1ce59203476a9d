using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Demo;

/// <summary>
/// Demo feedback: a county's service points and services, an adult and a children's questionnaire
/// attached to all of them, and a year of synthetic responses (deterministic). One small service
/// point gets only three responses, so the minimum cell size shows. Idempotent: does nothing when
/// questionnaires exist.
/// </summary>
public static class FeedbackDemo
{
    public const string Provider = "KAINUU";
    public const string AdultKey = "perus";
    public const string ChildKey = "lapset";

    /// <summary>Service points with the demo region's org-unit ids (Indicators' synthetic region), so the steering board finds their feedback.</summary>
    public static readonly (string Code, string Name, string OrgUnit)[] ServicePoints =
    [
        ("KAJ-TK", "Kajaanin terveysasema", "K205-TA1"),
        ("SOT-TK", "Sotkamon terveysasema", "K765-TA1"),
        ("KUH-TK", "Kuhmon terveysasema", "K290-TA1"),
        ("SUO-TK", "Suomussalmen terveysasema", "K777-TA1"),
        ("PAL-TK", "Paltamon terveysasema", "K578-TA1"),
    ];

    public static readonly (string Code, string Fi, string Sv, string En)[] Services =
    [
        ("VO", "Vastaanottopalvelut", "Mottagningstjänster", "Outpatient care"),
        ("SHH", "Suun terveydenhuolto", "Munhälsovård", "Oral health care"),
        ("MT", "Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental health services"),
        ("LNEU", "Lastenneuvola", "Barnrådgivning", "Child health clinic"),
    ];

    private static readonly string[] Comments =
    [
        "Hyvä ja ystävällinen palvelu, kiitos!",
        "Jonotin puhelimessa liian kauan.",
        "Lääkäri kuunteli ja selitti asiat selkeästi.",
        "Ajan saaminen kesti kolme viikkoa.",
        "Soittakaa minulle numeroon {phone}, haluaisin keskustella hoidostani.",
        "Tunnukseni on {id}, tarkistakaa tietoni.",
        "Odotustilassa oli mukavaa ja rauhallista.",
        "Vastaus viestiini tuli nopeasti, kiitos. Sähköpostini on {email}.",
    ];

    public static async Task<int> LoadAsync(FeedbackDbContext db, QuestionnaireComposer composer, DateOnly today, int responses = 1500, CancellationToken ct = default)
    {
        if (await db.Questionnaires.AnyAsync(ct)) return 0;
        foreach (var (code, name, unit) in ServicePoints)
            db.ServicePoints.Add(new ServicePoint { Code = code, Name = name, ProviderCode = Provider, ProviderName = "Kainuun hyvinvointialue", OrgUnitId = unit });
        foreach (var (code, fi, sv, en) in Services)
            db.Services.Add(new Service { Code = code, NameFi = fi, NameSv = sv, NameEn = en });
        await db.SaveChangesAsync(ct);

        var adult = await composer.SaveAsync(new QuestionnaireDraft(AdultKey, "Asiakaspalaute, perus", Audience.Adult,
            ["AV1", "EN1", "SA1", "IN1", "US1"],
            [new OwnStatement("OMA1", "Asiointi sujui omalla äidinkielelläni.", "Jag fick service på mitt modersmål.", "I was served in my mother tongue.")]), "demo", ct);
        var child = await composer.SaveAsync(new QuestionnaireDraft(ChildKey, "Lasten palaute (7–12 v)", Audience.Child,
            ["CAV1", "CEN1", "CSA1", "CUS1"], []), "demo", ct);
        await composer.AttachAsync(AdultKey, Audience.Adult, null, null, ct);
        await composer.AttachAsync(ChildKey, Audience.Child, null, null, ct);

        var random = new Random(20240613);
        var channels = new[] { Channel.Qr, Channel.Qr, Channel.Kiosk, Channel.Sms, Channel.Sms, Channel.Web };
        var created = 0;
        for (var i = 0; i < responses; i++)
        {
            var point = i is 100 or 700 or 1300 ? ServicePoints[4] : ServicePoints[random.Next(4)];
            var isChild = random.NextDouble() < 0.08;
            var q = isChild ? child : adult;
            var service = isChild ? "LNEU" : Services[random.Next(3)].Code;
            var date = today.AddDays(-random.Next(365));
            // Sotkamo improves over the year, Kuhmo has trouble with availability.
            var bias = point.Code switch { "SOT-TK" => (365 - (today.DayNumber - date.DayNumber)) / 120.0, "KUH-TK" => -1.2, _ => 0 };
            var recommendation = Math.Clamp((int)Math.Round(8.4 + bias + Normal(random) * 1.9), 0, 10);
            var r = new Response
            {
                Id = new Guid(BitConverter.GetBytes((long)i).Concat(BitConverter.GetBytes(20240613L)).ToArray()),
                QuestionnaireId = q.Id, ProviderCode = Provider, ServicePointCode = point.Code, ServiceCode = service,
                Channel = channels[random.Next(channels.Length)], LinkId = "demo", Language = random.NextDouble() < 0.06 ? "sv" : "fi",
                AgeGroup = isChild ? AgeGroup.Age7To12 : (AgeGroup)(1 + random.Next(6)),
                Date = date, SubmittedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60))), TimeSpan.FromHours(2)).ToUniversalTime(),
                Recommendation = recommendation,
            };
            foreach (var item in q.Items)
            {
                if (random.NextDouble() < 0.07) continue; // not answered
                var statementBias = point.Code == "KUH-TK" && item.Theme == StatementTheme.Availability ? -1.3 : 0;
                int? value = random.NextDouble() < 0.05 ? null : Math.Clamp((int)Math.Round(3.9 + statementBias + (recommendation - 7.5) / 3 + Normal(random) * 0.8), 1, 5);
                r.Answers.Add(new Answer { Position = item.Position, Code = item.Code, Value = value });
            }
            if (random.NextDouble() < 0.15)
            {
                var text = Comments[random.Next(Comments.Length)]
                    .Replace("{phone}", $"040 {random.Next(100, 999)} {random.Next(1000, 9999)}", StringComparison.Ordinal)
                    .Replace("{id}", IdentityCode.Create(new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28)), 2 + random.Next(897)), StringComparison.Ordinal)
                    .Replace("{email}", $"asiakas{random.Next(1000)}@example.fi", StringComparison.Ordinal);
                r.OpenText = TextScrubber.Scrub(text);
                r.Handled = random.NextDouble() < 0.5 && today.DayNumber - date.DayNumber > 14;
                if (r.Handled) { r.HandledBy = "demo"; r.HandledAt = r.SubmittedAt.AddDays(3); }
            }
            db.Responses.Add(r);
            created++;
            if (created % 500 == 0) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return created;
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
