using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Feedback.Sms;

public sealed record SmsSendReport(int Visits, int Sent, int AlreadySent, int WithoutPhone, int Older, IReadOnlyList<string> UnknownUnits);

/// <summary>
/// Invites clients to give feedback after a visit: for each visit with a phone number, on or after
/// <c>since</c>, at a known service point and not invited before, sends a text with a signed SMS-channel
/// link (one response per link) through the gateway and records that the visit was invited — the
/// visit id, never the number. The link id is random, so a response cannot be traced to the visit.
/// </summary>
public sealed class SmsSendJob(FeedbackDbContext db, LinkSigner signer, ISmsGateway gateway)
{
    public async Task<SmsSendReport> RunAsync(IVisitSource source, string baseUrl, DateOnly? since, string language = "fi", IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var points = await db.ServicePoints.AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Texts.Cultures.Contains(language) ? language : Texts.DefaultCulture);
        int visits = 0, sent = 0, already = 0, noPhone = 0, older = 0;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var v in source.ReadAsync(ct))
        {
            visits++;
            if (since is { } s && v.Date < s) { older++; continue; }
            if (v.Phone is null) { noPhone++; continue; }
            if (!points.TryGetValue(v.Unit, out var point)) { unknown.Add(v.Unit); continue; }
            if (await db.SmsDispatches.AnyAsync(d => d.VisitId == v.VisitId, ct)) { already++; continue; }
            var token = signer.Sign(new FeedbackLink(point.ProviderCode, point.Code, v.Service, Channel.Sms, null, Audience.Adult, FeedbackLink.NewLinkId()));
            var link = $"{baseUrl.TrimEnd('/')}/f/{token}";
            await gateway.SendAsync(v.Phone, Texts.Format("Feedback.Sms.Message", culture, point.Name, link), ct);
            db.SmsDispatches.Add(new SmsDispatch { VisitId = v.VisitId, SentAt = DateTimeOffset.UtcNow, ServicePointCode = point.Code, ServiceCode = v.Service });
            await db.SaveChangesAsync(ct);
            sent++;
            progress?.Report(sent);
        }
        return new SmsSendReport(visits, sent, already, noPhone, older, unknown.ToList());
    }
}
