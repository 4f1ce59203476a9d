namespace Tilannekuva.Storage;

/// <summary>Connection strings used only by `dotnet ef migrations add`; no database is touched then.</summary>
public static class DesignTime
{
    public static readonly DatabaseOptions Sqlite = DatabaseOptions.SqliteFile("design-time.db");
    public static readonly DatabaseOptions Postgres = DatabaseOptions.Postgres("Host=localhost;Database=design_time");
}
