using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Export;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Feedback.Submission;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Feedback.Tests;

public sealed class SqliteFeedbackStoreTests : FeedbackStoreTests
{
    private SqliteFile? _file;

    protected override Task<DatabaseOptions> CreateStoreAsync()
    {
        _file = new SqliteFile();
        return Task.FromResult(_file.Options);
    }

    protected override Task DropStoreAsync()
    {
        _file?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresFeedbackStoreTests : FeedbackStoreTests
{
    private PostgresServer? _db;

    protected override async Task<DatabaseOptions> CreateStoreAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        return _db.Options;
    }

    protected override async Task DropStoreAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>The module through its services on each provider: submissions, versioning, results, export, indicators, SMS.</summary>
public abstract class FeedbackStoreTests : IAsyncLifetime
{
    private const int DemoResponses = 400;
    private FeedbackApp? _app;

    protected FeedbackApp App => _app ?? throw new InvalidOperationException("not started");

    protected abstract Task<DatabaseOptions> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync() =>
        _app = await FeedbackApp.StartAsync(await CreateStoreAsync(), DemoResponses, listen: false, "--Feedback:PerKioskPerMinute=3");

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await DropStoreAsync();
    }

    private Task<SubmissionResult> Submit(string token, Guid? id = null, int recommendation = 9, Dictionary<string, int>? answers = null, string? text = null, string client = "10.0.0.1") =>
        App.InScopeAsync(sp => sp.GetRequiredService<FeedbackSubmissions>().SubmitAsync(
            new SubmissionRequest(token, id ?? Guid.NewGuid(), null, recommendation, answers ?? new() { ["AV1"] = 4, ["EN1"] = 0 }, text, AgeGroup.Age30To49, "fi", client)));

    private Task<int> CountAsync(Func<IQueryable<Response>, IQueryable<Response>>? filter = null) =>
        App.InScopeAsync(sp => (filter ?? (q => q))(sp.GetRequiredService<FeedbackDbContext>().Responses).CountAsync());

    [Fact]
    public async Task A_submission_is_stored_once_even_when_sent_twice()
    {
        var before = await CountAsync();
        var id = Guid.NewGuid();
        var token = App.Token();
        Assert.Equal(SubmissionStatus.Stored, (await Submit(token, id)).Status);
        Assert.Equal(SubmissionStatus.Duplicate, (await Submit(token, id)).Status);
        Assert.Equal(before + 1, await CountAsync());
        var stored = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.Include(r => r.Answers).SingleAsync(r => r.Id == id));
        Assert.Equal(("KAINUU", "KAJ-TK", "VO", Channel.Qr), (stored.ProviderCode, stored.ServicePointCode, stored.ServiceCode, stored.Channel));
        Assert.Equal(2, stored.Answers.Count);
        Assert.Null(stored.Answers.Single(a => a.Code == "EN1").Value); // "cannot say"
    }

    [Fact]
    public async Task Forged_or_broken_links_are_rejected_and_store_nothing()
    {
        var before = await CountAsync();
        var token = App.Token();
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        Assert.Equal(SubmissionStatus.InvalidLink, (await Submit(forged)).Status);
        Assert.Equal(SubmissionStatus.InvalidLink, (await Submit("not-a-token")).Status);
        var otherKey = new LinkSigner(Encoding.UTF8.GetBytes("attacker-key-0123456789")).Sign(new FeedbackLink("KAINUU", "KAJ-TK", "VO", Channel.Qr, null, Audience.Adult, "x1"));
        Assert.Equal(SubmissionStatus.InvalidLink, (await Submit(otherKey)).Status);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Invalid_answers_are_refused_with_their_reasons()
    {
        var result = await Submit(App.Token(), recommendation: 11, answers: new() { ["XX9"] = 3, ["AV1"] = 7 });
        Assert.Equal(SubmissionStatus.Invalid, result.Status);
        Assert.Contains("Feedback.Error.Recommendation", result.Errors);
        Assert.Contains("Feedback.Error.UnknownStatement", result.Errors);
        Assert.Contains("Feedback.Error.StatementValue", result.Errors);
    }

    [Fact]
    public async Task A_kiosk_is_rate_limited_and_an_sms_link_answers_once()
    {
        var kiosk = App.Token(Channel.Kiosk);
        for (var i = 0; i < 3; i++) Assert.Equal(SubmissionStatus.Stored, (await Submit(kiosk)).Status);
        Assert.Equal(SubmissionStatus.RateLimited, (await Submit(kiosk)).Status);
        // Another kiosk is not affected.
        Assert.Equal(SubmissionStatus.Stored, (await Submit(App.Token(Channel.Kiosk))).Status);

        var sms = App.Token(Channel.Sms);
        Assert.Equal(SubmissionStatus.Stored, (await Submit(sms)).Status);
        Assert.Equal(SubmissionStatus.Duplicate, (await Submit(sms, client: "10.9.9.9")).Status);
    }

    [Fact]
    public async Task Open_text_is_scrubbed_before_it_is_stored()
    {
        var random = new Random(Environment.TickCount);
        var code = IdentityCode.Create(new DateOnly(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)), 2 + random.Next(897));
        var phone = $"040 {random.Next(100, 999)} {random.Next(1000, 9999)}";
        var id = Guid.NewGuid();
        await Submit(App.Token(), id, text: $"Olen {code}, soita {phone} tai maili testi.henkilo@example.fi");
        var text = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.Where(r => r.Id == id).Select(r => r.OpenText).SingleAsync());
        Assert.Equal("Olen [ID], soita [PHONE] tai maili [EMAIL]", text);
    }

    [Fact]
    public async Task A_new_version_never_changes_the_meaning_of_earlier_responses()
    {
        var v1 = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Questionnaires.Include(q => q.Items).SingleAsync(q => q.Key == FeedbackDemo.AdultKey));
        var id = Guid.NewGuid();
        Assert.Equal(SubmissionStatus.Stored, (await Submit(App.Token(), id)).Status);

        var v2 = await App.InScopeAsync(sp => sp.GetRequiredService<QuestionnaireComposer>().SaveAsync(
            new QuestionnaireDraft(FeedbackDemo.AdultKey, "Perus v2", Audience.Adult, ["AV2", "EN3", "US2"], [new OwnStatement("OMA2", "Uusi oma väittämä.", null, null)]), "test"));
        Assert.Equal(2, v2.Version);

        var (response, old) = await App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FeedbackDbContext>();
            var r = await db.Responses.SingleAsync(x => x.Id == id);
            return (r, await db.Questionnaires.Include(q => q.Items).SingleAsync(q => q.Id == r.QuestionnaireId));
        });
        Assert.Equal(v1.Id, response.QuestionnaireId);
        Assert.Equal(v1.OrderedItems.Select(i => (i.Code, i.TextFi)), old.OrderedItems.Select(i => (i.Code, i.TextFi)));

        // New forms ask version 2; an answer to a statement of version 1 only is now refused.
        var current = await App.InScopeAsync(sp => sp.GetRequiredService<QuestionnaireCatalog>().ForAsync(sp.GetRequiredService<FeedbackDbContext>(), "KAJ-TK", "VO", Audience.Adult, default));
        Assert.Equal(v2.Id, current!.Id);
        Assert.Equal(SubmissionStatus.Invalid, (await Submit(App.Token(), answers: new() { ["AV1"] = 4 })).Status);
        Assert.Equal(SubmissionStatus.Stored, (await Submit(App.Token(), answers: new() { ["AV2"] = 4, ["OMA2"] = 5 })).Status);
    }

    [Fact]
    public async Task The_composer_enforces_the_national_structure()
    {
        Assert.NotEmpty(QuestionnaireComposer.Validate(new("k", "n", Audience.Adult, ["AV1"], [])));                       // too few
        Assert.NotEmpty(QuestionnaireComposer.Validate(new("k", "n", Audience.Adult, ["AV1", "AV2", "EN1", "EN2", "EN3", "SA1", "SA2", "IN1"], []))); // too many
        Assert.NotEmpty(QuestionnaireComposer.Validate(new("k", "n", Audience.Adult, ["AV1", "CEN1"], [])));               // child statement in adult set
        Assert.NotEmpty(QuestionnaireComposer.Validate(new("k", "n", Audience.Adult, ["AV1", "EN1"], [new("AV2", "x", null, null)]))); // own code = national code
        Assert.Empty(QuestionnaireComposer.Validate(new("k", "n", Audience.Child, ["CAV1", "CEN1"], [])));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Results_suppress_small_cells_in_breakdowns()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var f = new ResultFilter(today.AddDays(-400), today);
        var rows = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackResults>().ByAsync(f, Breakdown.ServicePoint));
        var small = rows.Single(r => r.Key == "PAL-TK");
        Assert.True(small.Suppressed);
        Assert.Null(small.Nps.Nps);
        Assert.Empty(small.Statements);
        var big = rows.Single(r => r.Key == "KAJ-TK");
        Assert.False(big.Suppressed);
        Assert.NotNull(big.Nps.Interval95);
        Assert.Contains(big.Statements, s => s.Code == "AV1" && s.Mean is >= 1 and <= 5);

        // Counted directly: the breakdown's counts add up to the total.
        var total = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackResults>().TotalAsync(f));
        Assert.Equal(await CountAsync(q => q.Where(r => r.Date >= f.From && r.Date <= f.To)), total.Nps.N);
        Assert.Equal(total.Nps.N, rows.Sum(r => r.Nps.N));

        var months = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackResults>().ByAsync(f, Breakdown.Month));
        Assert.Equal(total.Nps.N, months.Sum(r => r.Nps.N));
        Assert.All(months, m => Assert.Matches(@"^\d{4}-\d{2}$", m.Key));
    }

    [Fact]
    public async Task The_national_export_parses_back_to_the_stored_responses()
    {
        var id = Guid.NewGuid();
        await Submit(App.Token(Channel.Web, "SOT-TK", "SHH"), id, recommendation: 3, answers: new() { ["AV1"] = 2, ["EN1"] = 0, ["OMA1"] = 5 });
        // The store dates a response by the county's clock (Europe/Helsinki), which is a day ahead of a UTC machine's
        // between 22 and 24 UTC: the machine's date left the response out of the export in those hours.
        var zone = await App.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedbackOptions>>().Value.Zone()));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var from = today.AddDays(-400);
        using var buffer = new MemoryStream();
        var written = await App.InScopeAsync(sp => NationalExport.WriteAsync(sp.GetRequiredService<FeedbackDbContext>(), from, today, buffer));
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.False(text.StartsWith('\uFEFF'));
        var rows = Csv.Parse(text);
        var header = rows[0];
        Assert.Equal(NationalExport.FixedColumns, header[..NationalExport.FixedColumns.Length]);
        Assert.Contains("s_AV1", header);
        Assert.Contains("s_CAV1", header); // the children's questionnaire has responses too
        Assert.Equal(written, rows.Count - 1);
        Assert.Equal(await CountAsync(q => q.Where(r => r.Date >= from && r.Date <= today)), written);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));

        var row = rows.Single(r => r[0] == id.ToString("D"));
        string Col(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal(("KAINUU", "SOT-TK", "SHH", "web", "adult", "30-49", "fi", "perus", "1", "3"),
            (Col("provider"), Col("service_point"), Col("service"), Col("channel"), Col("audience"), Col("age_group"), Col("language"), Col("questionnaire"), Col("questionnaire_version"), Col("recommendation")));
        Assert.Equal(("2", NationalExport.CannotSay, "5", ""), (Col("s_AV1"), Col("s_EN1"), Col("s_OMA1"), Col("s_SA1")));
        Assert.Equal(today.ToString("yyyy-MM-dd"), Col("date"));

        // Every recommendation in the file is what the store holds.
        var stored = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.Where(r => r.Date >= from).ToDictionaryAsync(r => r.Id.ToString("D"), r => r.Recommendation));
        Assert.All(rows.Skip(1), r => Assert.Equal(stored[r[0]].ToString(), r[Array.IndexOf(header, "recommendation")]));
    }

    [Fact]
    public async Task Indicators_give_monthly_nps_per_service_point_with_small_cells_suppressed()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var values = await App.InScopeAsync(sp => sp.GetRequiredService<IFeedbackIndicators>().ComputeAsync(FeedbackIndicators.Nps, today.AddDays(-400), today, Breakdown.Quarter, byServicePoint: true));
        Assert.Contains(values, v => v.ServicePoint == "KAJ-TK" && v.Value is >= -100 and <= 100 && !v.Suppressed);
        Assert.All(values.Where(v => v.ServicePoint == "PAL-TK"), v => { Assert.True(v.Suppressed); Assert.Null(v.Value); });
        var means = await App.InScopeAsync(sp => sp.GetRequiredService<IFeedbackIndicators>().ComputeAsync("feedback.statement.AV1", today.AddDays(-400), today, Breakdown.Total, byServicePoint: false));
        Assert.InRange(Assert.Single(means).Value!.Value, 1, 5);
        await Assert.ThrowsAsync<ArgumentException>(() => App.InScopeAsync(sp => sp.GetRequiredService<IFeedbackIndicators>().ComputeAsync("feedback.nope", today, today, Breakdown.Month, false)));
    }

    [Fact]
    public async Task The_sms_job_sends_through_the_file_gateway_once_per_visit_and_stores_no_numbers()
    {
        var random = new Random(Environment.TickCount);
        var phones = Enumerable.Range(0, 3).Select(_ => $"+35840{random.Next(1000000, 9999999)}").ToArray();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var file = Path.Combine(App.Folder, "visits.csv");
        await File.WriteAllLinesAsync(file,
        [
            "visit_id,unit,service,date,phone",
            $"v1,KAJ-TK,VO,{today:yyyy-MM-dd},{phones[0]}",
            $"v2,SOT-TK,SHH,{today:d.M.yyyy},{phones[1].Replace("+358", "0", StringComparison.Ordinal)}",
            $"v3,XYZ-TK,VO,{today:yyyy-MM-dd},{phones[2]}",
            $"v4,KAJ-TK,VO,{today:yyyy-MM-dd},",
            $"v5,KAJ-TK,VO,{today.AddDays(-30):yyyy-MM-dd},{phones[2]}",
        ]);
        var outbox = Path.Combine(App.Folder, "outbox");
        var gateway = new FileSmsGateway(outbox);
        SmsSendReport Run() => App.InScope(sp => new SmsSendJob(sp.GetRequiredService<FeedbackDbContext>(), sp.GetRequiredService<LinkSigner>(), gateway)
            .RunAsync(new CsvVisitSource(file), "https://palaute.example.fi", today.AddDays(-7)).GetAwaiter().GetResult());

        var first = Run();
        Assert.Equal((5, 2, 0, 1, 1), (first.Visits, first.Sent, first.AlreadySent, first.WithoutPhone, first.Older));
        Assert.Equal(["XYZ-TK"], first.UnknownUnits);
        var second = Run();
        Assert.Equal((0, 2), (second.Sent, second.AlreadySent));

        var lines = await File.ReadAllLinesAsync(gateway.OutboxPath);
        Assert.Equal(2, lines.Length);
        foreach (var p in phones) Assert.DoesNotContain(lines, l => l.Contains(p, StringComparison.Ordinal) || l.Contains(p[4..], StringComparison.Ordinal));
        var message = System.Text.Json.JsonSerializer.Deserialize<FileSmsGateway.OutboxLine>(lines[0])!;
        Assert.Contains("*", message.To, StringComparison.Ordinal);

        // The link in the message is a valid SMS-channel link for the visit's unit, answered once.
        var link = System.Text.RegularExpressions.Regex.Match(message.Message, @"https://palaute\.example\.fi/f/(\S+)").Groups[1].Value;
        Assert.True(App.Services.GetRequiredService<LinkSigner>().TryVerify(link, out var context));
        Assert.Equal((Channel.Sms, "KAJ-TK", "VO"), (context.Channel, context.ServicePointCode, context.ServiceCode));
        Assert.Equal(SubmissionStatus.Stored, (await Submit(link)).Status);
        Assert.Equal(SubmissionStatus.Duplicate, (await Submit(link)).Status);

        var dispatches = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().SmsDispatches.Select(d => d.VisitId).OrderBy(v => v).ToListAsync());
        Assert.Equal(["v1", "v2"], dispatches);
    }

    [Fact]
    public async Task The_scheduled_sms_job_sends_dropped_visit_files_once_deletes_them_and_sets_a_bad_file_aside()
    {
        var folder = Path.Combine(App.Folder, "sms-drop");
        Directory.CreateDirectory(folder);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var phone = $"+35850{new Random(Environment.TickCount).Next(1000000, 9999999)}";
        await File.WriteAllLinesAsync(Path.Combine(folder, "a-visits.csv"), ["visit_id,unit,service,date,phone", $"drop-1,KAJ-TK,VO,{today:yyyy-MM-dd},{phone}", $"drop-2,KAJ-TK,VO,{today:yyyy-MM-dd},"]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "b-visits.csv"), ["visit_id,unit,service,date,phone", "drop-3,KAJ-TK,VO,2026-13-40,0401234567"]);
        var job = new SmsFolderJob(new SmsFolderSettings(folder, 15, 7, "fi"), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmsFolderJob>.Instance);
        Assert.Equal(TimeSpan.FromMinutes(15), job.Every);
        Assert.Equal(TimeSpan.Zero, new SmsFolderJob(new SmsFolderSettings(null, 15, 7, "fi"), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmsFolderJob>.Instance).Every);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => App.InScopeAsync(async sp => { await job.RunAsync(sp, default); return 0; }));
        Assert.Contains("b-visits.csv, line 2, field date", refused.Message);
        Assert.DoesNotContain("0401234567", refused.Message);
        Assert.False(File.Exists(Path.Combine(folder, "a-visits.csv")), "a sent file is deleted: it holds phone numbers");
        Assert.True(File.Exists(Path.Combine(folder, "b-visits.csv.failed")));
        Assert.Contains("line 2, field date", await File.ReadAllTextAsync(Path.Combine(folder, "b-visits.csv.failed.txt")));
        var sent = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().SmsDispatches.Where(d => d.VisitId.StartsWith("drop-")).Select(d => d.VisitId).ToListAsync());
        Assert.Equal(["drop-1"], sent);

        // The same visits dropped again (say, after a crash before the delete) send nothing twice.
        await File.WriteAllLinesAsync(Path.Combine(folder, "c-visits.csv"), ["visit_id,unit,service,date,phone", $"drop-1,KAJ-TK,VO,{today:yyyy-MM-dd},{phone}"]);
        await App.InScopeAsync(async sp => { await job.RunAsync(sp, default); return 0; });
        Assert.Equal(1, await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().SmsDispatches.CountAsync(d => d.VisitId == "drop-1")));
        Assert.Empty(Directory.GetFiles(folder, "*.csv"));
    }

    [Fact]
    public async Task A_bad_visit_file_names_the_line_and_field()
    {
        var file = Path.Combine(App.Folder, "bad.csv");
        await File.WriteAllLinesAsync(file, ["visit_id,unit,service,date,phone", "v1,KAJ-TK,VO,2024-13-40,0401234567"]);
        var e = await Assert.ThrowsAsync<VisitFileException>(async () => { await foreach (var _ in new CsvVisitSource(file).ReadAsync()) { } });
        Assert.Equal((2, "date"), (e.Line, e.Field));
        Assert.Contains("bad.csv", e.Message, StringComparison.Ordinal);
    }
}
