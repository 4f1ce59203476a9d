using System.Globalization;
using System.Text;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Review;

public enum ReviewFileFormat { Html, Pptx, Docx }

public enum MonthlyFileFormat { Csv, Xlsx }

/// <summary>A generated file: bytes, content type and a file name that says what and when.</summary>
public sealed record GeneratedFile(byte[] Content, string ContentType, string FileName);

/// <summary>Builds and renders the steering-group review; the web page, the API and the CLI all come here.</summary>
public static class ReviewDocuments
{
    /// <summary>The review as of a date; metrics linked to an indicator show its computed values when a source is given.</summary>
    public static async Task<ReviewModel?> BuildAsync(ProgrammeDbContext db, int programmeId, DateOnly meetingDate, IComputedMetricValues? computed = null, CancellationToken ct = default)
    {
        if (await db.LoadProgrammeAsync(programmeId, ct) is not { } p) return null;
        StartupTrace.Mark("review: programme loaded");
        var hook = (await computed.ForOrNoneAsync(p, ct)).Apply(p);
        StartupTrace.Mark("review: computed values read");
        var model = ReviewBuilder.Build(p, meetingDate, hook);
        StartupTrace.Mark("review: built");
        return model;
    }

    public static GeneratedFile Render(ReviewModel model, ReviewFileFormat format, CultureInfo culture)
    {
        var name = $"ohjausryhmakatsaus-{Slug(model.ProgrammeName)}-{model.MeetingDate:yyyy-MM-dd}";
        return format switch
        {
            ReviewFileFormat.Pptx => new(PptxReviewWriter.ToBytes(model, culture),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", name + ".pptx"),
            ReviewFileFormat.Docx => new(DocxReviewWriter.ToBytes(model, culture),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            _ => new(Encoding.UTF8.GetBytes(HtmlReviewWriter.Document(model, culture)), "text/html; charset=utf-8", name + ".html"),
        };
    }

    /// <summary>The monthly portfolio report: one row per work package as of a date.</summary>
    public static async Task<GeneratedFile?> MonthlyAsync(ProgrammeDbContext db, int programmeId, DateOnly asOf, MonthlyFileFormat format, CultureInfo culture,
        IComputedMetricValues? computed = null, CancellationToken ct = default)
    {
        if (await BuildAsync(db, programmeId, asOf, computed, ct) is not { } model) return null;
        var rows = Reports.MonthlyReport.Rows(model);
        using var buffer = new MemoryStream();
        var name = $"kuukausiraportti-{Slug(model.ProgrammeName)}-{asOf:yyyy-MM-dd}";
        if (format == MonthlyFileFormat.Csv)
        {
            Reports.MonthlyReport.WriteCsv(rows, buffer, culture);
            return new(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }
        Reports.MonthlyReport.WriteXlsx(rows, buffer, culture);
        return new(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>File names keep to ASCII letters, digits and dashes ("Kestävän kasvun" → "kestavan-kasvun").</summary>
    public static string Slug(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in normal.ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }
        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
