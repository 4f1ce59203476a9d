using Tilannekuva.Programme.PlanImport;
using Xunit.Abstractions;

namespace Tilannekuva.Programme.Tests.PlanImport;

public sealed class SeedPlanTests(ITestOutputHelper output)
{
    [SeedFact]
    public void Dump()
    {
        var preview = PlanParser.Parse(File.ReadAllText(SeedPlan.Path!), SeedPlan.FileName);
        output.WriteLine(PlanDump.Of(preview));
        File.WriteAllText("/tmp/seed-dump.txt", PlanDump.Of(preview));
    }
}
