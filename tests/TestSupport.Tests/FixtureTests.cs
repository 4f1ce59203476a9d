using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tilannekuva.TestSupport.Tests;

public sealed class SqliteFileTests
{
    [Fact]
    public void A_fresh_file_is_usable_and_deleted_on_dispose()
    {
        string folder;
        using (var file = new SqliteFile())
        {
            folder = file.Folder;
            Assert.False(File.Exists(file.Path));
            using (var conn = new SqliteConnection(file.ConnectionString))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42); SELECT x FROM t;";
                Assert.Equal(42L, cmd.ExecuteScalar());
            }
            Assert.True(File.Exists(file.Path));
        }
        Assert.False(Directory.Exists(folder));
    }
}

public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_fresh_database_is_created_and_dropped_on_dispose()
    {
        string name;
        await using (var db = await PostgresServer.CreateDatabaseAsync())
        {
            name = db.DatabaseName;
            await using var conn = new NpgsqlConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT current_database()", conn);
            Assert.Equal(name, await cmd.ExecuteScalarAsync());
        }
        Assert.False(await DatabaseExistsAsync(name));
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.ServerConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(cs.Database)) cs.Database = "postgres";
        await using var conn = new NpgsqlConnection(cs.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", name);
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }
}

public sealed class ChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Playwright_drives_headless_chromium()
    {
        var page = await chromium.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="fi"><body>
            <button onclick="document.getElementById('out').textContent = 'Tallennettu'">Tallenna</button>
            <p id="out"></p></body></html>
            """);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        Assert.Equal("Tallennettu", await page.Locator("#out").TextContentAsync());
        var png = await page.ScreenshotAsync();
        Assert.True(png.Length > 100);
        await page.Context.CloseAsync();
    }
}
