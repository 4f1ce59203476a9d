using Tilannekuva.Cli;

namespace Tilannekuva.Operations.Tests;

/// <summary>Tests that capture the process's console run one at a time, with nothing beside them.</summary>
[CollectionDefinition(nameof(CliCollection), DisableParallelization = true)]
public sealed class CliCollection;

/// <summary>Runs the tilannekuva command in this process with its console captured.</summary>
public static class CliRun
{
    private static readonly SemaphoreSlim One = new(1, 1);

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        await One.WaitAsync();
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
            One.Release();
        }
    }
}
