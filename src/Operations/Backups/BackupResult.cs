namespace Tilannekuva.Operations.Backups;

/// <summary>A finished backup: the file, when it started (everything committed before this moment is in it) and how long it took.</summary>
public sealed record BackupResult(string File, DateTimeOffset StartedAt, TimeSpan Duration, long Bytes);

/// <summary>A backup or restore that could not be done; the message is for the operator (no stack trace).</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
