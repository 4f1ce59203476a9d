using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;

namespace Tilannekuva.Feedback.Storage;

public static class OwnStatements
{
    /// <summary>The county's own statements (items without a national theme) by code, each in its newest questionnaire version's wording.</summary>
    public static async Task<Dictionary<string, QuestionnaireItem>> OwnStatementsByCodeAsync(this FeedbackDbContext db, CancellationToken ct = default) =>
        (await db.QuestionnaireItems.AsNoTracking().Where(i => i.Theme == null).OrderBy(i => i.QuestionnaireId).ToListAsync(ct))
            .GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.Last());
}
