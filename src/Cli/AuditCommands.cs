using System.CommandLine;
using Tilannekuva.Localisation;
using Tilannekuva.Operations.Audit;

namespace Tilannekuva.Cli;

/// <summary>audit verify: recomputes the hash chain of every audit table and names the first broken row (exit code 1).</summary>
public static class AuditCommands
{
    public static Command Build()
    {
        var verify = new Command("verify", "Check that no audit row was changed, deleted or inserted (hash chain)");
        verify.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            var broken = false;
            foreach (var source in app.Services.GetServices<IAuditSource>())
            {
                await using var scope = app.Services.CreateAsyncScope();
                var report = await source.VerifyAsync(scope.ServiceProvider, ct);
                if (report.Intact)
                    Console.WriteLine(Texts.Format("Ops.AuditIntact", null, report.Table, report.Rows, report.UnsealedRows));
                else
                {
                    broken = true;
                    Console.WriteLine(Texts.Format("Ops.AuditBroken", null, report.Table, report.FirstBrokenId, Texts.Get("Ops.AuditReason." + report.Reason)));
                }
            }
            return broken ? 1 : 0;
        });
        return new Command("audit", "The audit logs") { verify };
    }
}
