using System.Globalization;

namespace Tilannekuva.Bench;

/// <summary>Prints a step's product time, DuckDB time, their ratio and the machine's load average (1, 5, 15 min) when it ended.</summary>
public sealed class StepTable(TextWriter output)
{
    public void Header() =>
        output.WriteLine($"{"step",-52} {"product s",10} {"DuckDB s",10} {"ratio",7}   load (1/5/15 min)");

    public void Row(string step, TimeSpan product, TimeSpan duck) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step,-52} {product.TotalSeconds,10:0.00} {duck.TotalSeconds,10:0.00} {product.TotalSeconds / Math.Max(duck.TotalSeconds, 1e-6),6:0.0}×   {LoadAverage()}"));

    /// <summary>/proc/loadavg's first three fields (none on a system without it).</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "-"; }
        catch (UnauthorizedAccessException) { return "-"; }
    }
}
