using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Cli;
using Tilannekuva.Feedback.Export;
using Tilannekuva.Localisation;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Feedback.Tests;

/// <summary>
/// Console.Out is one for the process: while a test here captures the CLI's output, a web app
/// started by a test of another class would log into it (a clean-clone run once failed the link's
/// whole-output match that way). So nothing runs beside this class.
/// </summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>The operator's doors: the CLI's feedback commands and the token-protected API.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed partial class CliAndApiTests
{
    private static async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var saved = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var code = await CliApp.Build().Parse(args).InvokeAsync();
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(saved);
        }
    }

    [Fact]
    public async Task Cli_demo_export_link_and_sms_send_work_end_to_end()
    {
        using var file = new SqliteFile();
        var db = file.ConnectionString;
        var (code, text) = await Cli("feedback", "demo", "--responses", "250", "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("250", text, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(DateTime.Today);
        var csv = Path.Combine(file.Folder, "export.csv");
        (code, _) = await Cli("feedback", "export", "--from", today.AddYears(-1).AddDays(-1).ToString("yyyy-MM-dd"), "--to", today.ToString("yyyy-MM-dd"), "--out", csv, "--db", db);
        Assert.Equal(0, code);
        var rows = Csv.Parse(await File.ReadAllTextAsync(csv));
        Assert.Equal(251, rows.Count);
        Assert.Equal(NationalExport.FixedColumns, rows[0][..NationalExport.FixedColumns.Length]);

        (code, text) = await Cli("feedback", "link", "--service-point", "KAJ-TK", "--service", "VO", "--channel", "Kiosk", "--base-url", "https://palaute.example.fi", "--db", db);
        Assert.Equal(0, code);
        Assert.Matches(@"^https://palaute\.example\.fi/kiosk/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\s*$", text);

        var visits = Path.Combine(file.Folder, "visits.csv");
        await File.WriteAllLinesAsync(visits, ["visit_id;unit;service;date;phone", $"k1;KUH-TK;VO;{today:d.M.yyyy};040 111 2233", $"k2;KUH-TK;VO;{today:d.M.yyyy};"]);
        var outbox = Path.Combine(file.Folder, "outbox");
        (code, text) = await Cli("feedback", "sms-send", "--visits", visits, "--outbox", outbox, "--base-url", "https://palaute.example.fi", "--db", db);
        Assert.Equal(0, code);
        Assert.Contains(Texts.Format("Feedback.Cli.SmsReport", null, 2, 1, 0, 1, 0), text, StringComparison.Ordinal);
        var sent = await File.ReadAllTextAsync(Path.Combine(outbox, "sms-outbox.jsonl"));
        Assert.DoesNotContain("1112233", sent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Kuhmon terveysasema", sent, StringComparison.Ordinal);

        await File.WriteAllLinesAsync(visits, ["visit_id,unit,service,date,phone", "k3,KUH-TK,VO,tomorrow,"]);
        (code, _) = await Cli("feedback", "sms-send", "--visits", visits, "--outbox", outbox, "--db", db);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task The_api_exports_results_and_indicators_for_a_token_and_refuses_without()
    {
        using var file = new SqliteFile();
        await using var app = await FeedbackApp.StartAsync(file.Options, 300);
        await Startup.EnsureAccountsAsync(app.Services, demo: false);
        var token = await app.InScopeAsync(sp => sp.GetRequiredService<Accounts>().IssueApiTokenAsync("admin"));
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var today = DateOnly.FromDateTime(DateTime.Today);
        var period = $"from={today.AddYears(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/v1/feedback/export?{period}")).StatusCode);
        var openApi = await http.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/feedback/responses", "/api/v1/feedback/export", "/api/v1/feedback/indicators", "/api/v1/feedback/links" })
            Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var export = await http.GetAsync($"/api/v1/feedback/export?{period}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(301, rows.Count);

        var results = await http.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/results?{period}&by=ServicePoint");
        var small = results.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "PAL-TK").GetProperty("nps");
        Assert.True(small.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("nps").ValueKind);
        Assert.Equal(JsonValueKind.Null, small.GetProperty("responses").ValueKind);

        var indicators = await http.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/indicators?code=feedback.nps&{period}&period=Quarter");
        Assert.True(indicators.GetArrayLength() >= 4);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/v1/feedback/indicators?code=nope&{period}")).StatusCode);

        var link = await http.PostAsJsonAsync("/api/v1/feedback/links", new { servicePoint = "SOT-TK", service = "MT", channel = "Kiosk" });
        var kiosk = (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kioskUrl").GetString()!;
        Assert.Matches(KioskUrl(), kiosk);
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(kiosk)).StatusCode);
    }

    [Fact]
    public void Every_feedback_text_exists_in_every_culture_and_every_key_used_exists()
    {
        var keys = Texts.KeysByCulture();
        var fi = keys["fi"].Where(k => k.StartsWith("Feedback.", StringComparison.Ordinal)).ToHashSet();
        Assert.True(fi.Count > 150);
        foreach (var c in new[] { "sv", "en" })
            Assert.Equal(fi.Order(), keys[c].Where(k => k.StartsWith("Feedback.", StringComparison.Ordinal)).Order());

        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Tilannekuva.sln"))) root = Path.GetDirectoryName(root)!;
        var used = new[] { "src/Feedback", "src/Web/Pages/Feedback", "src/Web/Api", "src/Cli" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .ToHashSet();
        Assert.True(used.Count > 60);
        Assert.Equal([], used.Where(k => !fi.Contains(k)).Order().ToList());
    }

    [GeneratedRegex(@"""(Feedback\.[A-Za-z0-9.]+)""")] private static partial Regex UsedKey();
    [GeneratedRegex(@"/kiosk/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")] private static partial Regex KioskUrl();
}
