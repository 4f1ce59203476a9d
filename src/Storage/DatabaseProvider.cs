namespace Tilannekuva.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
