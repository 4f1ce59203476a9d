namespace Tilannekuva.ServiceTray.Import;

/// <summary>One bad value: the file (or URL), the line, where in the record (JSON path or CSV column) and why.</summary>
public sealed record ImportError(string File, int Line, string Field, string Reason)
{
    public override string ToString() => $"{File}: line {Line}: {Field}: {Reason}";
}

/// <summary>An import refused as a whole; nothing was stored. <see cref="Errors"/> lists every bad value found.</summary>
public sealed class TrayImportException(IReadOnlyList<ImportError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors, the first: {errors[0]}")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
