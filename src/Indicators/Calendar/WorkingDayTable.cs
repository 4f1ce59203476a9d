using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Tilannekuva.Indicators.Calendar;

/// <summary>
/// Keeps the <c>working_day</c> table equal to <see cref="FinnishWorkingDays"/> for
/// <see cref="FinnishWorkingDays.FirstYear"/>–<see cref="FinnishWorkingDays.LastYear"/> (about 40,000 rows).
/// Filled by code rather than by a migration so that a newer holiday package (or a corrected eve)
/// reaches the stored table at the next recompute: the check is one count query.
/// </summary>
public static class WorkingDayTable
{
    public const string Name = "working_day";

    private static readonly Lazy<IReadOnlyList<(DateOnly Day, bool Working, DateOnly? Due, string? Holiday)>> Days = new(() =>
    {
        var list = new List<(DateOnly, bool, DateOnly?, string?)>();
        for (var d = new DateOnly(FinnishWorkingDays.FirstYear, 1, 1); d.Year <= FinnishWorkingDays.LastYear; d = d.AddDays(1))
            list.Add((d, FinnishWorkingDays.IsWorkingDay(d), FinnishWorkingDays.DueDay(d), FinnishWorkingDays.HolidayOn(d)));
        return list;
    });

    /// <summary>Fills or refreshes the table when its row count or its number of days off differ from the calendar's.</summary>
    public static async Task EnsureAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct = default)
    {
        var days = Days.Value;
        var expected = $"{days.Count}/{days.Count(d => !d.Working)}";
        if (await ScalarAsync(connection, transaction, $"SELECT CAST(COUNT(*) AS TEXT) || '/' || CAST(COALESCE(SUM(CASE WHEN is_working_day THEN 0 ELSE 1 END), 0) AS TEXT) FROM {Name}", ct) == expected)
            return;
        await ExecuteAsync(connection, transaction, $"DELETE FROM {Name}", ct);
        if (connection is NpgsqlConnection postgres) await InsertArraysAsync(postgres, transaction, days, ct);
        else await InsertLiteralsAsync(connection, transaction, days, ct);
    }

    /// <summary>SQLite: statements of 2,000 literal rows (its parser is fast); OR IGNORE for two first recomputes at once.</summary>
    private static async Task InsertLiteralsAsync(DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<(DateOnly Day, bool Working, DateOnly? Due, string? Holiday)> days, CancellationToken ct)
    {
        foreach (var chunk in days.Chunk(2000))
        {
            var sql = new StringBuilder($"INSERT OR IGNORE INTO {Name} (day, is_working_day, due_day, holiday) VALUES ");
            sql.AppendJoin(", ", chunk.Select(d => $"({Date(d.Day)}, {(d.Working ? "TRUE" : "FALSE")}, {(d.Due is { } due ? Date(due) : "NULL")}, {(d.Holiday is { } h ? "'" + h.Replace("'", "''") + "'" : "NULL")})"));
            await ExecuteAsync(connection, transaction, sql.ToString(), ct);
        }
    }

    /// <summary>
    /// PostgreSQL and Citus: the whole calendar in one statement, as four array parameters. Twenty statements of 2,000
    /// literal rows took at least 0.5 s, most of it parsing; this is the first recompute of a new store (issue #20).
    /// </summary>
    private static async Task InsertArraysAsync(NpgsqlConnection connection, DbTransaction? transaction,
        IReadOnlyList<(DateOnly Day, bool Working, DateOnly? Due, string? Holiday)> days, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO {Name} (day, is_working_day, due_day, holiday) SELECT * FROM unnest(@day, @working, @due, @holiday)" +
            " ON CONFLICT DO NOTHING", // two first recomputes at once
            connection, (NpgsqlTransaction?)transaction);
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]>("day", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = days.Select(d => d.Day).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<bool[]>("working", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = days.Select(d => d.Working).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("due", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = days.Select(d => d.Due).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string?[]>("holiday", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = days.Select(d => d.Holiday).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Date(DateOnly d) => "'" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static async Task<string?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return (await cmd.ExecuteScalarAsync(ct))?.ToString();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
