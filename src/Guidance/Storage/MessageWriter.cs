using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.Guidance.Storage;

/// <summary>A chat message to store; the sender's right to write it is checked in the same statement (see <see cref="MessageWriter"/>).</summary>
public sealed record NewMessage(Guid ConversationId, Sender Sender, string? Author, string Text, DateTimeOffset At);

/// <summary>
/// The one writer of residents' and advisors' messages in ongoing chats: a queue, one thread and one connection. Each batch (whatever
/// has queued while the previous one committed, up to <see cref="MaxBatch"/>) is one transaction; a message's task completes only
/// after its transaction has committed (SQLite: write-ahead log, synchronous=FULL, so committed means on disk), and the caller
/// acknowledges and broadcasts only then. So a message anyone has seen is in the database; a message still queued when the
/// process dies was never acknowledged, and its sender's client reports it as not sent.
/// Each insert checks its right to be written in the same statement (no cache to go stale): a resident's message only into a
/// queued or active chat, an advisor's only into an active chat that advisor took, in a team the advisor is a member of. When the
/// check fails nothing is stored and the task's result is null: the caller takes the full path (bot, errors with their keys).
/// </summary>
public sealed class MessageWriter : IDisposable
{
    public const int MaxBatch = 256;

    private const string ResidentInsert = """
        INSERT INTO guidance_message ("ConversationId", "At", "Sender", "Author", "Text")
        SELECT c."Id", @at, 'Resident', NULL, @text FROM guidance_conversation c
        WHERE c."Id" = @id AND c."State" IN ('Queued', 'Active')
        RETURNING "Id"
        """;

    private const string AdvisorInsert = """
        INSERT INTO guidance_message ("ConversationId", "At", "Sender", "Author", "Text")
        SELECT c."Id", @at, 'Advisor', @author, @text FROM guidance_conversation c
        WHERE c."Id" = @id AND c."State" = 'Active' AND c."Advisor" = @author
          AND EXISTS (SELECT 1 FROM guidance_team_member m WHERE m."TeamId" = c."TeamId" AND m."UserName" = @author)
        RETURNING "Id"
        """;

    private readonly DatabaseOptions _db;
    private readonly BlockingCollection<Pending> _queue = new();
    private readonly Lock _start = new();
    private Thread? _thread;
    private GuidanceDbContext? _context;
    private DbConnection? _connection;
    private DbCommand? _resident;
    private DbCommand? _advisor;

    public MessageWriter(DatabaseOptions db) => _db = db;

    private sealed record Pending(NewMessage Message, TaskCompletionSource<long?> Done);

    /// <summary>Stores the message; the task ends with its id once committed, or null when the sender may not write it this way.</summary>
    public Task<long?> WriteAsync(NewMessage message)
    {
        EnsureStarted();
        var p = new Pending(message, new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Add(p);
        return p.Done.Task;
    }

    private void EnsureStarted()
    {
        if (_thread is not null) return;
        lock (_start)
        {
            if (_thread is not null) return;
            var t = new Thread(Run) { IsBackground = true, Name = "guidance-message-writer" };
            t.Start();
            _thread = t;
        }
    }

    private void Run()
    {
        var batch = new List<Pending>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more)) batch.Add(more);
            var start = Stopwatch.GetTimestamp();
            if (!TryWrite(batch) && batch.Count > 1)
                foreach (var one in batch) TryWrite([one]); // a failed batch: each message on its own, so one bad message fails alone
            ChatMetrics.Commit.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            ChatMetrics.Batch.Record(batch.Count);
            batch.Clear();
        }
        Close();
    }

    /// <summary>One transaction for the messages; on success completes each with its id (or null), on failure returns false (or fails a single message).</summary>
    private bool TryWrite(List<Pending> batch)
    {
        var ids = new long?[batch.Count];
        try
        {
            Open();
            using (var tx = _connection!.BeginTransaction())
            {
                for (var i = 0; i < batch.Count; i++) ids[i] = Insert(batch[i].Message, tx);
                tx.Commit();
            }
        }
        catch (Exception e)
        {
            Close(); // a fresh connection for the next attempt
            if (batch.Count > 1) return false;
            batch[0].Done.TrySetException(e);
            return true;
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(ids[i]);
        return true;
    }

    private long? Insert(NewMessage m, DbTransaction tx)
    {
        var cmd = m.Sender == Sender.Advisor ? _advisor! : _resident!;
        cmd.Transaction = tx;
        var sqlite = _db.Provider == DatabaseProvider.Sqlite;
        // The same representations EF uses: SQLite keeps the id as upper-case text and times as Unix milliseconds (SqliteGuidanceDbContext).
        cmd.Parameters["@id"].Value = sqlite ? m.ConversationId.ToString().ToUpperInvariant() : m.ConversationId;
        cmd.Parameters["@at"].Value = sqlite ? m.At.ToUnixTimeMilliseconds() : m.At.ToUniversalTime();
        cmd.Parameters["@text"].Value = m.Text;
        if (m.Sender == Sender.Advisor) cmd.Parameters["@author"].Value = m.Author ?? "";
        return cmd.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private void Open()
    {
        if (_connection is not null) return;
        _context = GuidanceStorage.Open(_db);
        _context.Database.OpenConnection();
        _connection = _context.Database.GetDbConnection();
        if (_db.Provider == DatabaseProvider.Sqlite)
        {
            using var pragma = _connection.CreateCommand();
            // Committed means on disk (the WAL is synced at each commit); wait for another writer rather than fail.
            pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
            pragma.ExecuteNonQuery();
        }
        _resident = Command(ResidentInsert, "@id", "@at", "@text");
        _advisor = Command(AdvisorInsert, "@id", "@at", "@text", "@author");
    }

    private DbCommand Command(string sql, params string[] names)
    {
        var cmd = _connection!.CreateCommand();
        cmd.CommandText = sql;
        foreach (var n in names)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private void Close()
    {
        _resident?.Dispose();
        _advisor?.Dispose();
        _context?.Dispose();
        (_resident, _advisor, _connection, _context) = (null, null, null, null);
    }

    /// <summary>Stops taking messages, writes those already queued and closes the connection (a graceful stop loses nothing queued).</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread?.Join(TimeSpan.FromSeconds(30));
        if (_thread is null) Close();
    }
}
