namespace Tilannekuva.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    /// <summary>
    /// PostgreSQL with the Citus extension (distributed PostgreSQL): the same Npgsql provider and
    /// migrations as <see cref="Postgres"/>; <c>migrate</c> then distributes the modules' large
    /// tables over the worker nodes (docs/citus.md).
    /// </summary>
    Citus,
}
