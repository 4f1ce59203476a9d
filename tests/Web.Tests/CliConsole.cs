using Tilannekuva.Cli;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Runs the tilannekuva command in this process with its console captured. Console.Out is one per
/// process, so the tests that use it run in this collection, with nothing beside them.
/// </summary>
[CollectionDefinition(nameof(CliConsole), DisableParallelization = true)]
public sealed class CliConsole
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (savedOut, savedError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CliApp.Build().Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}
