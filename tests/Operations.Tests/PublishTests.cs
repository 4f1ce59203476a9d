using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Tilannekuva.Operations.Tests;

/// <summary>
/// The self-contained app (dotnet publish -r linux-x64 --self-contained), published once for the class into a temp
/// folder and started from an empty folder with only environment variables for configuration. Slow: trait Category=Slow.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("tk-publish-").FullName;

    public string Binary => Path.Combine(Folder, "tilannekuva");

    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", "src/Cli", "-c", "Release", "--self-contained", "-r", "linux-x64", "-o", Folder, "-nologo", "-v", "q" }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await output + await error);
        Assert.True(File.Exists(Binary));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tilannekuva.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Tilannekuva.sln not found above " + AppContext.BaseDirectory);
    }
}

[Trait("Category", "Slow")]
public sealed class PublishTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    [Fact]
    public async Task The_published_app_starts_from_a_clean_folder_with_environment_configuration_only_and_is_ready()
    {
        var work = Directory.CreateTempSubdirectory("tk-clean-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(published.Binary, "serve") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["TILANNEKUVA_DB"] = $"Data Source={Path.Combine(work, "store", "tilannekuva.db")}";
        start.Environment["TILANNEKUVA_BACKUP_FOLDER"] = Path.Combine(work, "backups");
        start.Environment["TILANNEKUVA_LOG_FORMAT"] = "json";
        start.Environment["Logging__LogLevel__Tilannekuva.Requests"] = "Information";
        var log = new StringBuilder();
        using var p = Process.Start(start)!;
        p.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var until = DateTime.UtcNow.AddMinutes(3);
            HttpStatusCode? status = null;
            while (status != HttpStatusCode.OK)
            {
                Assert.False(p.HasExited, "the app exited: " + log);
                Assert.True(DateTime.UtcNow < until, "not ready in 3 minutes: " + log);
                try { status = (await client.GetAsync("/health/ready")).StatusCode; } catch (HttpRequestException) { }
                if (status != HttpStatusCode.OK) await Task.Delay(250);
            }
            // A signed feedback link's token travels in the path: it must not reach the log.
            await client.GetAsync("/f/SECRETTOKENabc123");
            await Task.Delay(1500);
            string text;
            lock (log) text = log.ToString();
            Assert.DoesNotContain("SECRETTOKENabc123", text);
            var requestLines = text.Split('\n').Where(l => l.TrimStart().StartsWith('{') && l.Contains("Tilannekuva.Requests", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Contains(requestLines, l => l.GetProperty("Message").GetString()!.Contains("/f/***", StringComparison.Ordinal)
                && l.GetProperty("Scopes").EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _)));
            Assert.True(File.Exists(Path.Combine(work, "store", "tilannekuva.db")));
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
