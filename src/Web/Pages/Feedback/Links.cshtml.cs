using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// Makes signed links for a service point, service and channel, with QR codes to print and the kiosk address.
/// Admins and analysts for every service point, a manager for their own units' (Auth.FeedbackLinkRights).
/// </summary>
[Authorize(Roles = Auth.FeedbackLinkRights.Roles)]
public sealed class LinksModel(FeedbackDbContext db, LinkSigner signer, IOptions<FeedbackOptions> options, Auth.FeedbackLinkRights rights, Tilannekuva.Access.Accounts accounts) : PageModel
{
    public Dictionary<string, ServicePoint> ServicePoints { get; private set; } = [];
    public Dictionary<string, string> Services { get; private set; } = [];
    public Api.FeedbackApi.LinkInfo? Created { get; private set; }
    public string? PublicResultsUrl { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The choices of the last request, kept in the form so that it does not forget them.</summary>
    public string? ServicePoint { get; private set; }
    public string? Service { get; private set; }
    public Channel? Channel { get; private set; }
    public Audience? Audience { get; private set; }
    public string? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? servicePoint, string? service, Channel? channel, Audience? audience, string? team, CancellationToken ct)
    {
        var allowed = await rights.ServicePointsAsync(User, ct);
        ServicePoints = (await db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => allowed is null || allowed.Contains(p.Code)).ToDictionary(p => p.Code);
        var lang = FeedbackView.Language;
        Services = (await db.Services.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)).ToDictionary(s => s.Code, s => s.Name(lang));
        (ServicePoint, Service, Channel, Audience, Team) = (servicePoint, service, channel, audience, team);
        if (servicePoint is null || service is null || channel is null) return Page();
        if (allowed is not null && !allowed.Contains(servicePoint)) return Forbid();
        if (!ServicePoints.TryGetValue(servicePoint, out var point) || !Services.ContainsKey(service)) return Page();
        var link = new FeedbackLink(point.ProviderCode, point.Code, service, channel.Value, string.IsNullOrWhiteSpace(team) ? null : team.Trim(), audience ?? Tilannekuva.Feedback.Domain.Audience.Adult, FeedbackLink.NewLinkId());
        if (link.InvalidPart() is not null) { Error = Localisation.Texts.Get("Feedback.Error.Key"); return Page(); }
        Created = Api.FeedbackApi.Describe(HttpContext, options.Value, signer.Sign(link));
        PublicResultsUrl = $"{Api.FeedbackApi.BaseUrl(HttpContext, options.Value)}/results/{point.Code}";
        await accounts.RecordAsync(point.Code, Tilannekuva.Access.AccountActions.FeedbackLinkIssued, $"{service} {channel} {link.LinkId}", ct);
        return Page();
    }
}
