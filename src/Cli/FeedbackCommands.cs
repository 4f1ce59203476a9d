using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Export;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Cli;

/// <summary>feedback export|sms-send|demo|link: the national export, the SMS invitations, demo data and signed links.</summary>
public static class FeedbackCommands
{
    public static Command Build()
    {
        var from = new Option<DateOnly>("--from") { Description = "First date (yyyy-MM-dd)", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last date (yyyy-MM-dd), inclusive", Required = true };
        var output = new Option<string?>("--out") { Description = "Output file (default: palaute-<from>-<to>.csv)" };
        var export = new Command("export", "National export: one CSV row per response (docs/feedback-export.md)") { from, to, output };
        export.SetAction(async (r, ct) =>
        {
            await using var app = await StartAsync(r, ct);
            using var scope = app.Services.CreateScope();
            var path = r.GetValue(output) ?? $"palaute-{r.GetValue(from):yyyyMMdd}-{r.GetValue(to):yyyyMMdd}.csv";
            int rows;
            // Written to a temporary file first, so a failed export never leaves half a file under the name.
            var temp = path + ".partial";
            await using (var file = File.Create(temp))
                rows = await NationalExport.WriteAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), r.GetValue(from), r.GetValue(to), file, ct);
            File.Move(temp, path, overwrite: true);
            Console.WriteLine(Texts.Format("Feedback.Cli.Exported", null, rows, path));
            return 0;
        });

        var visits = new Option<string>("--visits") { Description = "Visit file: CSV visit_id,unit,service,date,phone", Required = true };
        var since = new Option<DateOnly?>("--since") { Description = "Only visits on or after this date" };
        var baseUrl = new Option<string>("--base-url") { Description = "Address respondents open (default: Feedback:PublicBaseUrl or http://127.0.0.1:5080)" };
        var outbox = new Option<string?>("--outbox") { Description = "Development gateway: write messages (numbers masked) to <folder>/sms-outbox.jsonl" };
        var console = new Option<bool>("--console") { Description = "Development gateway: print messages (numbers masked)" };
        var lang = new Option<string>("--lang") { Description = "Language of the message: fi, sv or en", DefaultValueFactory = _ => Texts.DefaultCulture };
        var sms = new Command("sms-send", "Send feedback invitations by SMS after visits (each visit once; numbers are not stored)") { visits, since, baseUrl, outbox, console, lang };
        sms.SetAction(async (r, ct) =>
        {
            await using var app = await StartAsync(r, ct);
            using var scope = app.Services.CreateScope();
            ISmsGateway gateway = r.GetValue(console) ? new ConsoleSmsGateway()
                : r.GetValue(outbox) is { } folder ? new FileSmsGateway(folder)
                : scope.ServiceProvider.GetRequiredService<ISmsGateway>();
            var job = new SmsSendJob(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<LinkSigner>(), gateway);
            var url = r.GetValue(baseUrl) ?? Web.Hosting.AppSettings.PublicUrl(app.Configuration);
            try
            {
                var report = await job.RunAsync(new CsvVisitSource(r.GetValue(visits)!), url, r.GetValue(since), r.GetValue(lang)!,
                    new Progress<int>(n => { if (n % 100 == 0) Console.Error.Write($"\r{n}"); }), ct);
                Console.WriteLine(Texts.Format("Feedback.Cli.SmsReport", null, report.Visits, report.Sent, report.AlreadySent, report.WithoutPhone, report.Older));
                if (report.UnknownUnits.Count > 0) Console.WriteLine(Texts.Format("Feedback.Cli.UnknownUnits", null, string.Join(", ", report.UnknownUnits)));
                Console.WriteLine(gateway.Name);
                return 0;
            }
            catch (VisitFileException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });

        var responses = new Option<int>("--responses") { Description = "Synthetic responses to create", DefaultValueFactory = _ => 1500 };
        var today = new Option<DateOnly?>("--today") { Description = "Last day of the demo year (default: today)" };
        var demo = new Command("demo", "Demo service points, questionnaires and a year of synthetic responses (on a store without questionnaires)") { responses, today };
        demo.SetAction(async (r, ct) =>
        {
            await using var app = await StartAsync(r, ct);
            using var scope = app.Services.CreateScope();
            var created = await FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(),
                r.GetValue(today) ?? DateOnly.FromDateTime(DateTime.Today), r.GetValue(responses), ct);
            Console.WriteLine(created > 0 ? Texts.Format("Feedback.Cli.DemoLoaded", null, created) : Texts.Get("Feedback.Cli.DemoExists"));
            return 0;
        });

        var servicePoint = new Option<string>("--service-point") { Required = true };
        var service = new Option<string>("--service") { Required = true };
        var channel = new Option<Channel>("--channel") { DefaultValueFactory = _ => Channel.Qr };
        var audience = new Option<Audience>("--audience") { DefaultValueFactory = _ => Audience.Adult };
        var provider = new Option<string>("--provider") { Description = "Provider code (default: the service point's)" };
        var team = new Option<string?>("--team");
        var link = new Command("link", "Print a signed feedback link") { servicePoint, service, channel, audience, provider, team, baseUrl };
        link.SetAction(async (r, ct) =>
        {
            await using var app = await StartAsync(r, ct);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var code = r.GetValue(servicePoint)!;
            var providerCode = r.GetValue(provider) ?? db.ServicePoints.Where(p => p.Code == code).Select(p => p.ProviderCode).FirstOrDefault();
            if (providerCode is null) { Console.Error.WriteLine($"Unknown service point '{code}'."); return 1; }
            var token = scope.ServiceProvider.GetRequiredService<LinkSigner>().Sign(new FeedbackLink(providerCode, code, r.GetValue(service)!, r.GetValue(channel), r.GetValue(team), r.GetValue(audience), FeedbackLink.NewLinkId()));
            var url = (r.GetValue(baseUrl) ?? Web.Hosting.AppSettings.PublicUrl(app.Configuration)).TrimEnd('/');
            Console.WriteLine(r.GetValue(channel) == Channel.Kiosk ? $"{url}/kiosk/{token}" : $"{url}/f/{token}");
            return 0;
        });

        var count = new Command("count", "Print the number of stored responses");
        count.SetAction(async (r, ct) =>
        {
            await using var app = await StartAsync(r, ct);
            using var scope = app.Services.CreateScope();
            Console.WriteLine(await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Responses.CountAsync(ct));
            return 0;
        });

        return new Command("feedback", "Customer feedback: national export, SMS invitations, demo data, signed links, response count") { export, sms, demo, link, count };
    }

    private static async Task<WebApplication> StartAsync(ParseResult r, CancellationToken ct)
    {
        // Only warnings on the console: `feedback link` prints the link alone, for scripts.
        var app = Web.Hosting.TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], CliApp.Database(r));
        await Web.Hosting.Startup.MigrateAsync(app.Services, ct);
        return app;
    }
}
