using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Storage;
using Tilannekuva.Operations.Audit;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Operations;

/// <summary>The modules' audit tables (programme data, steering boards, accounts) for forwarding and `audit verify`.</summary>
public static class AuditSources
{
    public static IServiceCollection AddAuditSources(this IServiceCollection services) => services
        .AddSingleton<IAuditSource, ProgrammeAudit>()
        .AddSingleton<IAuditSource, BoardsAudit>()
        .AddSingleton<IAuditSource, AccountAudit>()
        .AddSingleton<IAuditSource, SamplingAudit>()
        .AddSingleton<IAuditSource, SocialWorkAudit>()
        .AddSingleton<IAuditSource, GuidanceAuditSource>();

    private sealed class ProgrammeAudit : IAuditSource
    {
        public string Table => ProgrammeDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<ProgrammeDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.UserName, a.Change, $"{a.EntityType}:{a.EntityId}", a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<AuditEntry>(scope.GetRequiredService<ProgrammeDbContext>(), Table, ct);
    }

    private sealed class BoardsAudit : IAuditSource
    {
        public string Table => BoardsDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<BoardsDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.UserName, a.Change, $"{a.EntityType}:{a.EntityId}", a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<BoardAuditEntry>(scope.GetRequiredService<BoardsDbContext>(), Table, ct);
    }

    private sealed class SamplingAudit : IAuditSource
    {
        public string Table => Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.UserName, a.Change, $"{a.EntityType}:{a.EntityId}", a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<Tilannekuva.ContactSampling.Domain.SamplingAuditEntry>(scope.GetRequiredService<Tilannekuva.ContactSampling.Storage.ContactSamplingDbContext>(), Table, ct);
    }

    private sealed class SocialWorkAudit : IAuditSource
    {
        public string Table => Tilannekuva.SocialWork.Storage.SocialWorkDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<Tilannekuva.SocialWork.Storage.SocialWorkDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.UserName, a.Change, $"{a.EntityType}:{a.EntityId}", a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<Tilannekuva.SocialWork.Domain.SocialWorkAuditEntry>(scope.GetRequiredService<Tilannekuva.SocialWork.Storage.SocialWorkDbContext>(), Table, ct);
    }

    /// <summary>Guidance: transcript reads, chat handling, teams, members and knowledge-base articles.</summary>
    private sealed class GuidanceAuditSource : IAuditSource
    {
        public string Table => Tilannekuva.Guidance.Storage.GuidanceDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<Tilannekuva.Guidance.Storage.GuidanceDbContext>().Audit.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.UserName, a.Action, a.ConversationId is { } c ? "chat:" + c.ToString("N") : a.Detail.Split(' ')[0], a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<Tilannekuva.Guidance.Domain.GuidanceAudit>(scope.GetRequiredService<Tilannekuva.Guidance.Storage.GuidanceDbContext>(), Table, ct);
    }

    private sealed class AccountAudit : IAuditSource
    {
        public string Table => AccessDbContext.AuditTable;

        public async Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct) =>
            (await scope.GetRequiredService<AccessDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => new AuditRecord(Table, a.Id, a.At, a.Actor, a.Action, a.Account, a.Hash)).ToList();

        public Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct) =>
            AuditChain.VerifyAsync<AccountAuditEntry>(scope.GetRequiredService<AccessDbContext>(), Table, ct);
    }
}
