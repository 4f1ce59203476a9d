using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Export;

/// <summary>
/// The national export (THL's national customer feedback structure): one row per response of the
/// period (ordered by date, then response id), with its linked dimensions and one column per statement code. UTF-8 without BOM,
/// comma-separated, RFC 4180 quoting, header row. The format is documented in docs/feedback-export.md.
/// Open text is not exported: it stays with the county's staff.
/// </summary>
public static class NationalExport
{
    public const string CannotSay = "E";

    public static readonly string[] FixedColumns =
    [
        "response_id", "submitted_at", "date", "provider", "service_point", "service", "channel", "team",
        "audience", "age_group", "language", "questionnaire", "questionnaire_version", "recommendation",
    ];

    public const string StatementColumnPrefix = "s_";

    /// <summary>Writes responses dated From..To; returns the number of rows written.</summary>
    public static async Task<int> WriteAsync(FeedbackDbContext db, DateOnly from, DateOnly to, Stream output, CancellationToken ct = default)
    {
        var inPeriod = db.Responses.AsNoTracking().Where(r => r.Date >= from && r.Date <= to);
        var questionnaireIds = await inPeriod.Select(r => r.QuestionnaireId).Distinct().ToListAsync(ct);
        var questionnaires = await db.Questionnaires.AsNoTracking().Include(q => q.Items)
            .Where(q => questionnaireIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var codes = questionnaires.Values.SelectMany(q => q.Items.Select(i => i.Code)).Distinct()
            .OrderBy(c => NationalStatements.All.ToList().FindIndex(s => s.Code == c) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal).ToList();

        // CsvHelper writes UTF-8 without a byte-order mark, synchronously: give it a file or memory stream.
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = ',' }, leaveOpen: true);
        foreach (var c in FixedColumns) csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(c));
        foreach (var c in codes) csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(StatementColumnPrefix + c));
        csv.EndRecord();

        var rows = 0;
        await foreach (var r in inPeriod.Include(r => r.Answers).OrderBy(r => r.Date).ThenBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var q = questionnaires[r.QuestionnaireId];
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Id.ToString("D")));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.ProviderCode));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.ServicePointCode));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.ServiceCode));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Channel.ToString().ToLowerInvariant()));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Team ?? ""));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(q.Audience.ToString().ToLowerInvariant()));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(AgeGroupCode(r.AgeGroup)));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Language));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(q.Key));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(q.Version.ToString(CultureInfo.InvariantCulture)));
            csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(r.Recommendation.ToString(CultureInfo.InvariantCulture)));
            var answers = r.Answers.ToDictionary(a => a.Code);
            foreach (var c in codes)
                csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(answers.TryGetValue(c, out var a) ? a.Value?.ToString(CultureInfo.InvariantCulture) ?? CannotSay : ""));
            csv.EndRecord();
            rows++;
        }
        csv.Flush();
        return rows;
    }

    /// <summary>"7-12", "13-17", … "75-"; empty when not given.</summary>
    public static string AgeGroupCode(AgeGroup? g) => g switch
    {
        AgeGroup.Age7To12 => "7-12",
        AgeGroup.Age13To17 => "13-17",
        AgeGroup.Age18To29 => "18-29",
        AgeGroup.Age30To49 => "30-49",
        AgeGroup.Age50To64 => "50-64",
        AgeGroup.Age65To74 => "65-74",
        AgeGroup.Age75Plus => "75-",
        _ => "",
    };
}
