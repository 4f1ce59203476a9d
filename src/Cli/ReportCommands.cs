using System.CommandLine;

namespace Tilannekuva.Cli;

/// <summary>report review|monthly.</summary>
public static class ReportCommands
{
    public static Command Build() => new("report", "Generate the steering-group review or the monthly report");
}
