using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Feedback.Submission;

namespace Tilannekuva.Web.Pages.Feedback;

[AllowAnonymous]
public sealed class FormModel(FeedbackDbContext db, LinkSigner signer, QuestionnaireCatalog catalog, FeedbackSubmissions submissions, IOptions<FeedbackOptions> options)
    : FeedbackFormPage(db, signer, catalog, submissions, options)
{
    public override bool IsKiosk => false;
}
