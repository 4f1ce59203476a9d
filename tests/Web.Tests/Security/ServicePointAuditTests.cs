using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Feedback.ServicePoints;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Web.Feedback;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>
/// Issue #13: a service-point change and its account-log row are one transaction. A real failure (a SQLite trigger
/// that aborts the insert) in either write leaves neither; without one, both are there.
/// </summary>
public sealed class ServicePointAuditTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static ServicePointDraft Draft(string code) => new(code, "Testin terveysasema", "P1", "Testin hyvinvointialue", null);

    private async Task<Exception?> SaveAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ServicePointChanges>().SaveAsync(Draft(code), new HashSet<string>());
            return null;
        }
        catch (DbUpdateException e)
        {
            return e;
        }
    }

    private async Task<(bool Point, int AuditRows)> StoredAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        var point = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().ServicePoints.AnyAsync(p => p.Code == code);
        var rows = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().AuditEntries
            .CountAsync(e => e.Account == code && e.Action == AccountActions.ServicePointChanged);
        return (point, rows);
    }

    private async Task SqlAsync(string sql)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task A_failing_audit_row_leaves_no_service_point_change()
    {
        await SqlAsync("CREATE TRIGGER fail_sp_audit BEFORE INSERT ON account_audit WHEN NEW.Account = 'SP-FAIL-AUDIT' BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
        try
        {
            Assert.NotNull(await SaveAsync("SP-FAIL-AUDIT"));
        }
        finally
        {
            await SqlAsync("DROP TRIGGER fail_sp_audit");
        }
        Assert.Equal((false, 0), await StoredAsync("SP-FAIL-AUDIT"));
    }

    [Fact]
    public async Task A_failing_service_point_write_leaves_no_audit_row()
    {
        await SqlAsync("CREATE TRIGGER fail_sp BEFORE INSERT ON fb_service_point WHEN NEW.Code = 'SP-FAIL-POINT' BEGIN SELECT RAISE(ABORT, 'point refused'); END");
        try
        {
            Assert.NotNull(await SaveAsync("SP-FAIL-POINT"));
        }
        finally
        {
            await SqlAsync("DROP TRIGGER fail_sp");
        }
        Assert.Equal((false, 0), await StoredAsync("SP-FAIL-POINT"));
    }

    [Fact]
    public async Task Without_a_failure_both_are_stored_once()
    {
        Assert.Null(await SaveAsync("SP-OK"));
        Assert.Equal((true, 1), await StoredAsync("SP-OK"));
    }
}
