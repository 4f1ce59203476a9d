using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.ServiceTray.Usage;

namespace Tilannekuva.ServiceTray.Referrals;

/// <summary>What the professional chose. <see cref="Contact"/> is a phone number (Sms) or an e-mail address (Email): used to send, never stored.</summary>
public sealed record ReferralRequest(IReadOnlyList<long> ServiceIds, string TargetGroup, string Unit, ReferralChannel Channel, string? Contact, string Language);

/// <summary>A refusal with text keys of what was wrong (shown next to the fields).</summary>
public sealed class ReferralException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Referrals made and arrived, per service, referring unit and target group, over a period.</summary>
public sealed record ReferralCount(long ServiceId, string Unit, string TargetGroup, int Made, int Arrived)
{
    public double? ShareArrived => Made == 0 ? null : (double)Arrived / Made;
}

/// <summary>
/// Wellbeing referrals: create (with a short code; sent by SMS or e-mail when asked, the contact used only for
/// sending), look up by code, mark a service arrived, count. Nothing about the client is stored.
/// </summary>
public sealed class Referrals(ServiceTrayDbContext db, TimeProvider clock, ISmsGateway sms, ReferralMail mail, UsageCounter usage)
{
    public const int MaxServices = 10;
    /// <summary>No 0/O, 1/I/L: read aloud and typed from paper without mistakes.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    /// <summary>Upper case, spaces and dashes dropped, look-alikes mapped (O→0 is not in the alphabet, so it cannot match).</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? "").ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>Stores the referral and sends it; on a send failure nothing is stored. The page link is {baseUrl}/palvelut/lahete/{code}.</summary>
    public async Task<TrayReferral> CreateAsync(ReferralRequest request, string baseUrl, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var ids = request.ServiceIds.Distinct().ToList();
        if (ids.Count == 0) errors.Add("TrayWork.Referral.Error.NoServices");
        if (ids.Count > MaxServices) errors.Add("TrayWork.Referral.Error.TooManyServices");
        if (string.IsNullOrWhiteSpace(request.TargetGroup)) errors.Add("TrayWork.Referral.Error.TargetGroup");
        string? phone = null, email = null;
        if (request.Channel == ReferralChannel.Sms && (phone = PhoneNumbers.Normalise(request.Contact ?? "")) is null) errors.Add("TrayWork.Referral.Error.Phone");
        if (request.Channel == ReferralChannel.Email && !ReferralMail.IsAddress(request.Contact)) errors.Add("TrayWork.Referral.Error.Email");
        else if (request.Channel == ReferralChannel.Email) email = request.Contact!.Trim();
        if (errors.Count > 0) throw new ReferralException(errors);

        var referral = new TrayReferral
        {
            CreatedAt = clock.GetUtcNow(), Unit = request.Unit, TargetGroup = request.TargetGroup.Trim(), Channel = request.Channel,
            Language = request.Language is "sv" or "en" ? request.Language : "fi",
            Services = ids.Select(id => new TrayReferralService { ServiceId = id }).ToList(),
        };
        for (var attempt = 0; ; attempt++)
        {
            referral.Code = NewCode();
            if (!await db.Referrals.AnyAsync(r => r.Code == referral.Code, ct)) break;
            if (attempt > 20) throw new InvalidOperationException("No free referral code.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        var culture = CultureInfo.GetCultureInfo(referral.Language);
        var link = $"{baseUrl.TrimEnd('/')}/palvelut/lahete/{referral.Code}?culture={referral.Language}";
        var message = Texts.Format("TrayWork.Referral.Message", culture, referral.Code, link);
        if (phone is not null) await sms.SendAsync(phone, message, ct);
        if (email is not null) await mail.SendAsync(email, Texts.Get("TrayWork.Referral.MailSubject", culture), message, ct);
        await tx.CommitAsync(ct);
        usage.Count(UsageKind.Referral, referral.TargetGroup);
        return referral;
    }

    public Task<TrayReferral?> FindAsync(string? code, CancellationToken ct = default)
    {
        var c = NormaliseCode(code);
        return c.Length != 8 ? Task.FromResult<TrayReferral?>(null)
            : db.Referrals.Include(r => r.Services).AsNoTracking().FirstOrDefaultAsync(r => r.Code == c, ct);
    }

    /// <summary>Marks one service of the referral arrived (once; a second mark keeps the first time). False when the code or the service is not on it.</summary>
    public async Task<bool> MarkArrivedAsync(string code, long serviceId, CancellationToken ct = default)
    {
        var c = NormaliseCode(code);
        var row = await db.ReferralServices.FirstOrDefaultAsync(s => s.ServiceId == serviceId && db.Referrals.Any(r => r.Id == s.ReferralId && r.Code == c), ct);
        if (row is null) return false;
        row.ArrivedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Referrals made in [from, to] (by creation day, UTC) and how many of them arrived, per service, unit and target group.</summary>
    public async Task<IReadOnlyList<ReferralCount>> CountsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await (from s in db.ReferralServices
                          join r in db.Referrals on s.ReferralId equals r.Id
                          select new { r.CreatedAt, s.ServiceId, r.Unit, r.TargetGroup, Arrived = s.ArrivedAt != null }).ToListAsync(ct);
        return rows.Where(x => x.CreatedAt >= start && x.CreatedAt < end)
            .GroupBy(x => (x.ServiceId, x.Unit, x.TargetGroup))
            .Select(g => new ReferralCount(g.Key.ServiceId, g.Key.Unit, g.Key.TargetGroup, g.Count(), g.Count(x => x.Arrived)))
            .OrderBy(c => c.ServiceId).ThenBy(c => c.Unit).ThenBy(c => c.TargetGroup).ToList();
    }
}
