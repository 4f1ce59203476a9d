using Microsoft.Extensions.Options;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Pulse;

namespace Tilannekuva.Web.Api;

/// <summary>The QR code of a staff pulse round's link (/pulse/qr/{token}.svg), through the feedback module's QrCodes.</summary>
public static class PulseApi
{
    public static IEndpointRouteBuilder MapPulse(this IEndpointRouteBuilder app)
    {
        app.MapGet("pulse/qr/{token}.svg", async (string token, HttpContext http, PulseService pulse, IOptions<FeedbackOptions> o, CancellationToken ct) =>
            await pulse.FindAsync(token, ct) is not null
                ? Results.Text(QrCodes.Svg($"{FeedbackApi.BaseUrl(http, o.Value)}/p/{token}"), "image/svg+xml")
                : Results.NotFound()).AllowAnonymous();
        return app;
    }
}
