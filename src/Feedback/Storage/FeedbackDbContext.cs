using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;

namespace Tilannekuva.Feedback.Storage;

/// <summary>
/// The Feedback module's tables. Provider-specific subclasses exist only so that SQLite and
/// PostgreSQL each get their own migrations; code depends on this type.
/// <para>
/// Not an audited context: responses are written by anonymous respondents at high rates and are
/// never edited except for the staff's "handled" mark and reply note, which record who and when
/// on the response itself. Questionnaire versions are immutable and record their author.
/// </para>
/// </summary>
public abstract class FeedbackDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "feedback";

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<QuestionnaireItem> QuestionnaireItems => Set<QuestionnaireItem>();
    public DbSet<QuestionnaireAttachment> Attachments => Set<QuestionnaireAttachment>();
    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<SmsDispatch> SmsDispatches => Set<SmsDispatch>();
    public DbSet<Pulse.PulseRound> PulseRounds => Set<Pulse.PulseRound>();
    public DbSet<Pulse.PulseAnswer> PulseAnswers => Set<Pulse.PulseAnswer>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        // The staff pulse: kept out of fb_response so that no customer figure reads staff answers.
        b.Entity<Pulse.PulseRound>(e =>
        {
            e.ToTable("fb_pulse_round");
            e.HasIndex(r => r.Token).IsUnique();
            e.HasIndex(r => new { r.OrgUnitId, r.IsoYear, r.IsoWeek }).IsUnique();
            e.Property(r => r.Token).HasMaxLength(40);
            e.Property(r => r.OrgUnitId).HasMaxLength(64);
            e.Property(r => r.CreatedBy).HasMaxLength(100);
            e.Ignore(r => r.Week);
        });
        b.Entity<Pulse.PulseAnswer>(e =>
        {
            e.ToTable("fb_pulse_answer");
            e.HasIndex(a => new { a.RoundId, a.Code });
            e.Property(a => a.Code).HasMaxLength(40);
            e.HasOne<Pulse.PulseRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Questionnaire>(e =>
        {
            e.ToTable("fb_questionnaire");
            e.HasIndex(q => new { q.Key, q.Version }).IsUnique();
            e.Ignore(q => q.OrderedItems);
            e.Property(q => q.Key).HasMaxLength(40);
            e.Property(q => q.Name).HasMaxLength(200);
            e.Property(q => q.CreatedBy).HasMaxLength(100);
            e.Property(q => q.Audience).HasConversion<string>().HasMaxLength(10);
            e.HasMany(q => q.Items).WithOne().HasForeignKey(i => i.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<QuestionnaireItem>(e =>
        {
            e.ToTable("fb_questionnaire_item");
            e.HasIndex(i => new { i.QuestionnaireId, i.Position }).IsUnique();
            e.Property(i => i.Code).HasMaxLength(40);
            e.Property(i => i.Theme).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.TextFi).HasMaxLength(400);
            e.Property(i => i.TextSv).HasMaxLength(400);
            e.Property(i => i.TextEn).HasMaxLength(400);
        });
        b.Entity<QuestionnaireAttachment>(e =>
        {
            e.ToTable("fb_attachment");
            e.Property(a => a.QuestionnaireKey).HasMaxLength(40);
            e.Property(a => a.Audience).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.ServicePointCode).HasMaxLength(40);
            e.Property(a => a.ServiceCode).HasMaxLength(40);
        });
        b.Entity<ServicePoint>(e =>
        {
            e.ToTable("fb_service_point");
            e.HasIndex(s => s.Code).IsUnique();
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.ProviderCode).HasMaxLength(40);
            e.Property(s => s.ProviderName).HasMaxLength(200);
            e.Property(s => s.OrgUnitId).HasMaxLength(64);
            e.HasIndex(s => s.OrgUnitId);
        });
        b.Entity<Service>(e =>
        {
            e.ToTable("fb_service");
            e.HasIndex(s => s.Code).IsUnique();
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.NameFi).HasMaxLength(200);
            e.Property(s => s.NameSv).HasMaxLength(200);
            e.Property(s => s.NameEn).HasMaxLength(200);
        });
        b.Entity<Response>(e =>
        {
            e.ToTable("fb_response");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.ProviderCode).HasMaxLength(40);
            e.Property(r => r.ServicePointCode).HasMaxLength(40);
            e.Property(r => r.ServiceCode).HasMaxLength(40);
            e.Property(r => r.Team).HasMaxLength(40);
            e.Property(r => r.LinkId).HasMaxLength(40);
            e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.AgeGroup).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.Language).HasMaxLength(2);
            e.Property(r => r.OpenText).HasMaxLength(4000);
            e.Property(r => r.HandledBy).HasMaxLength(100);
            e.Property(r => r.ReplyNote).HasMaxLength(4000);
            e.HasIndex(r => r.Date);
            e.HasIndex(r => new { r.ServicePointCode, r.Date });
            e.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Answer>(e =>
        {
            e.ToTable("fb_answer");
            e.HasKey(a => new { a.ResponseId, a.Position });
            e.Property(a => a.Code).HasMaxLength(40);
        });
        b.Entity<SmsDispatch>(e =>
        {
            e.ToTable("fb_sms_dispatch");
            e.HasKey(d => d.VisitId);
            e.Property(d => d.VisitId).HasMaxLength(80);
            e.Property(d => d.ServicePointCode).HasMaxLength(40);
            e.Property(d => d.ServiceCode).HasMaxLength(40);
        });
    }
}

public sealed class SqliteFeedbackDbContext(DbContextOptions<SqliteFeedbackDbContext> options) : FeedbackDbContext(options);

public sealed class PostgresFeedbackDbContext(DbContextOptions<PostgresFeedbackDbContext> options) : FeedbackDbContext(options);
