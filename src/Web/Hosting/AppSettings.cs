using Tilannekuva.Storage;

namespace Tilannekuva.Web.Hosting;

public static class AppSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The address printed links point at: the configured public address (<c>Feedback:PublicBaseUrl</c>, e.g. behind a proxy),
    /// else the configured listen address (<c>urls</c>, <c>ASPNETCORE_URLS</c>), else the default one — never a fixed port.
    /// </summary>
    public static string PublicUrl(IConfiguration config) =>
        (config["Feedback:PublicBaseUrl"] is { Length: > 0 } pub ? pub
            : config["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
              ?? DefaultUrl).TrimEnd('/');

    /// <summary>Configuration "Database:Provider"/"Database:ConnectionString", or TILANNEKUVA_DB_PROVIDER / TILANNEKUVA_DB.</summary>
    public static DatabaseOptions Database(IConfiguration config) => DatabaseOptions.Resolve(
        config["Database:Provider"] ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB_PROVIDER"),
        config["Database:ConnectionString"] ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB"));
}
