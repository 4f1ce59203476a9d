using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Feedback.Questionnaires;

/// <summary>An own statement as the admin wrote it.</summary>
public sealed record OwnStatement(string Code, string TextFi, string? TextSv, string? TextEn);

/// <summary>What the admin composed: national statements (by code, in order) and own statements.</summary>
public sealed record QuestionnaireDraft(string Key, string Name, Audience Audience, IReadOnlyList<string> NationalCodes, IReadOnlyList<OwnStatement> Own, bool AskOpenText = true);

/// <summary>
/// Composes questionnaires from the national bank and the county's own statements. Saving always
/// stores a new version (1 for a new key); earlier versions and their responses stay as they were.
/// </summary>
public sealed class QuestionnaireComposer(FeedbackDbContext db, QuestionnaireCatalog catalog)
{
    public const int MaximumOwnStatements = 5;

    /// <summary>The rule broken by the draft, as localised text keys with arguments; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(QuestionnaireDraft d)
    {
        var errors = new List<string>();
        if (!Links.FeedbackLink.IsValidCode(d.Key)) errors.Add(Texts.Get("Feedback.Error.Key"));
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(Texts.Get("Feedback.Error.Name"));
        var national = d.NationalCodes.Select(NationalStatements.Find).ToList();
        if (national.Any(s => s is null || s.Audience != d.Audience)) errors.Add(Texts.Get("Feedback.Error.UnknownStatement"));
        if (d.NationalCodes.Count is < NationalStatements.MinimumPerQuestionnaire or > NationalStatements.MaximumPerQuestionnaire)
            errors.Add(Texts.Format("Feedback.Error.StatementCount", null, NationalStatements.MinimumPerQuestionnaire, NationalStatements.MaximumPerQuestionnaire));
        if (d.Own.Count > MaximumOwnStatements) errors.Add(Texts.Format("Feedback.Error.OwnCount", null, MaximumOwnStatements));
        foreach (var o in d.Own)
        {
            if (!Links.FeedbackLink.IsValidCode(o.Code) || NationalStatements.Find(o.Code) is not null)
                errors.Add(Texts.Format("Feedback.Error.OwnCode", null, o.Code));
            if (string.IsNullOrWhiteSpace(o.TextFi)) errors.Add(Texts.Format("Feedback.Error.OwnText", null, o.Code));
        }
        var codes = d.NationalCodes.Concat(d.Own.Select(o => o.Code)).ToList();
        if (codes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != codes.Count) errors.Add(Texts.Get("Feedback.Error.DuplicateCode"));
        return errors;
    }

    public async Task<Questionnaire> SaveAsync(QuestionnaireDraft d, string author, CancellationToken ct = default)
    {
        var errors = Validate(d);
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors));
        var latest = await db.Questionnaires.Where(q => q.Key == d.Key).MaxAsync(q => (int?)q.Version, ct) ?? 0;
        var q = new Questionnaire
        {
            Key = d.Key, Version = latest + 1, Audience = d.Audience, Name = d.Name.Trim(), AskOpenText = d.AskOpenText,
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = author,
        };
        var position = 1;
        foreach (var code in d.NationalCodes)
            q.Items.Add(new QuestionnaireItem { Position = position++, Code = code, Theme = NationalStatements.Find(code)!.Theme });
        foreach (var o in d.Own)
            q.Items.Add(new QuestionnaireItem
            {
                Position = position++, Code = o.Code, TextFi = o.TextFi.Trim(),
                TextSv = string.IsNullOrWhiteSpace(o.TextSv) ? null : o.TextSv.Trim(),
                TextEn = string.IsNullOrWhiteSpace(o.TextEn) ? null : o.TextEn.Trim(),
            });
        db.Questionnaires.Add(q);
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        return q;
    }

    /// <summary>Attaches a questionnaire (its newest version, now and later) to a service point and/or service; replaces the same scope's earlier attachment.</summary>
    public async Task AttachAsync(string key, Audience audience, string? servicePoint, string? service, CancellationToken ct = default)
    {
        servicePoint = string.IsNullOrWhiteSpace(servicePoint) ? null : servicePoint;
        service = string.IsNullOrWhiteSpace(service) ? null : service;
        var old = await db.Attachments.Where(a => a.Audience == audience && a.ServicePointCode == servicePoint && a.ServiceCode == service).ToListAsync(ct);
        db.Attachments.RemoveRange(old);
        db.Attachments.Add(new QuestionnaireAttachment { QuestionnaireKey = key, Audience = audience, ServicePointCode = servicePoint, ServiceCode = service });
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
    }

    public async Task DetachAsync(int attachmentId, CancellationToken ct = default)
    {
        await db.Attachments.Where(a => a.Id == attachmentId).ExecuteDeleteAsync(ct);
        catalog.Invalidate();
    }
}
