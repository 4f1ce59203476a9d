using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Feedback.Sms;

/// <summary>Settings "Feedback:Sms:*" of the scheduled SMS invitations.</summary>
public sealed record SmsFolderSettings(string? Folder, double IntervalMinutes, int SinceDays, string Language)
{
    public static SmsFolderSettings From(IConfiguration c) => new(
        c["Feedback:Sms:Folder"] is { Length: > 0 } f ? f : null,
        double.TryParse(c["Feedback:Sms:IntervalMinutes"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 15,
        int.TryParse(c["Feedback:Sms:SinceDays"], out var d) && d > 0 ? d : 7,
        c["Feedback:Sms:Language"] is { Length: > 0 } l ? l : "fi");
}

/// <summary>
/// SMS invitations on the timetable (job "feedback-sms"): the patient system drops visit files
/// (visit_id,unit,service,date,phone — the shape of <c>feedback sms-send</c>) into "Feedback:Sms:Folder"; each run
/// sends the invitations of every *.csv there and then deletes the file, because it holds phone numbers that must not
/// stay on disk longer than needed. Each visit is invited once whatever happens (the dispatch table), so a file seen
/// twice after a crash sends nothing twice. A file that is not a visit file is renamed *.csv.failed with the reason
/// (file, line, field) beside it in *.failed.txt, and the run fails so the jobs page shows it; the other files still go.
/// </summary>
public sealed class SmsFolderJob(SmsFolderSettings settings, ILogger<SmsFolderJob> log) : IScheduledJob
{
    public string Name => "feedback-sms";

    public TimeSpan Every => settings.Folder is null ? TimeSpan.Zero : TimeSpan.FromMinutes(settings.IntervalMinutes);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (settings.Folder is null || !Directory.Exists(settings.Folder)) return;
        var options = services.GetRequiredService<IOptions<FeedbackOptions>>().Value;
        var baseUrl = options.PublicBaseUrl is { Length: > 0 } url ? url : "http://127.0.0.1:5080";
        var since = DateOnly.FromDateTime(DateTime.Today).AddDays(-settings.SinceDays);
        var failed = new List<string>();
        foreach (var file in Directory.GetFiles(settings.Folder, "*.csv").Order(StringComparer.Ordinal))
        {
            try
            {
                var report = await services.GetRequiredService<SmsSendJob>().RunAsync(new CsvVisitSource(file), baseUrl, since, settings.Language, ct: ct);
                File.Delete(file);
                log.LogInformation("SMS invitations from {File}: {Visits} visits, {Sent} sent, {Already} already invited, {Unknown} unknown units",
                    Path.GetFileName(file), report.Visits, report.Sent, report.AlreadySent, report.UnknownUnits.Count);
            }
            catch (VisitFileException e)
            {
                File.Move(file, file + ".failed", overwrite: true);
                await File.WriteAllTextAsync(file + ".failed.txt", e.Message + Environment.NewLine, ct);
                failed.Add(e.Message);
            }
        }
        if (failed.Count > 0) throw new InvalidOperationException($"{failed.Count} visit file(s) refused: {string.Join(" | ", failed)}");
    }
}
