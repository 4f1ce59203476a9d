using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Feedback.Tests;

/// <summary>
/// The real application (TilannekuvaWeb.Build, the same as `serve`) on a free loopback port, with its
/// migrations applied, the demo feedback catalogue and <paramref name="responses"/> synthetic responses.
/// </summary>
public sealed class FeedbackApp : IAsyncDisposable
{
    private FeedbackApp(WebApplication app, string baseUrl, string folder)
    {
        App = app;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    public WebApplication App { get; }
    public string BaseUrl { get; }
    public string Folder { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<FeedbackApp> StartAsync(DatabaseOptions db, int responses = 300, bool listen = true, params string[] config)
    {
        var folder = Directory.CreateTempSubdirectory("tk-feedback-tests-").FullName;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={folder}", .. config], db, url);
        await Startup.MigrateAsync(app.Services);
        using (var scope = app.Services.CreateScope())
            await FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(),
                DateOnly.FromDateTime(DateTime.Today), responses);
        if (listen) await app.StartAsync();
        return new FeedbackApp(app, url, folder);
    }

    public string Token(Channel channel = Channel.Qr, string servicePoint = "KAJ-TK", string service = "VO", Audience audience = Audience.Adult, string? linkId = null) =>
        Services.GetRequiredService<LinkSigner>().Sign(new FeedbackLink(FeedbackDemo.Provider, servicePoint, service, channel, null, audience, linkId ?? FeedbackLink.NewLinkId()));

    public T InScope<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(); } catch (InvalidOperationException) { /* never started */ }
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>A minimal RFC 4180 reader for checking exports.</summary>
public static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
