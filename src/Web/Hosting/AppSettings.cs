using Tilannekuva.Storage;

namespace Tilannekuva.Web.Hosting;

public static class AppSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Configuration "Database:Provider"/"Database:ConnectionString", or TILANNEKUVA_DB_PROVIDER / TILANNEKUVA_DB.</summary>
    public static DatabaseOptions Database(IConfiguration config) => DatabaseOptions.Resolve(
        config["Database:Provider"] ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB_PROVIDER"),
        config["Database:ConnectionString"] ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB"));
}
