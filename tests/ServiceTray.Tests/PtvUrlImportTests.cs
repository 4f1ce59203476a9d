using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tilannekuva.ServiceTray.Import;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>The open interface served on loopback from the fixtures, paged as PTV pages it; nothing leaves the machine.</summary>
public sealed class FakePtvServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, List<JsonNode>> _records;
    private readonly int _pageSize;
    public List<string> Requests { get; } = [];

    public FakePtvServer(string fixtureFolder, int pageSize = 3)
    {
        _pageSize = pageSize;
        JsonArray Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(fixtureFolder, name)))!.AsArray();
        _records = new()
        {
            ["Organization"] = [.. Load("organizations.json").Select(n => n!)],
            ["Service"] = [.. Load("services.json").Select(n => n!)],
            ["ServiceChannel"] = [.. Load("channels.json").Select(n => n!)],
        };
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/api/v11";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); } catch { return; }
            var path = context.Request.Url!.AbsolutePath;
            lock (Requests) Requests.Add(context.Request.Url.PathAndQuery);
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // api, v11, kind[, list]
            string? body = null;
            if (parts.Length >= 3 && _records.TryGetValue(parts[2], out var records))
            {
                if (parts.Length == 3)
                {
                    var page = int.Parse(context.Request.QueryString["page"] ?? "1");
                    var pageCount = (records.Count + _pageSize - 1) / _pageSize;
                    var items = records.Skip((page - 1) * _pageSize).Take(_pageSize).Select(r => new JsonObject { ["id"] = r["id"]!.GetValue<string>(), ["name"] = "…" });
                    body = new JsonObject { ["pageNumber"] = page, ["pageSize"] = _pageSize, ["pageCount"] = pageCount, ["itemList"] = new JsonArray([.. items]) }.ToJsonString();
                }
                else if (parts[3] == "list")
                {
                    var guids = (context.Request.QueryString["guids"] ?? "").Split(',');
                    body = new JsonArray([.. records.Where(r => guids.Contains(r["id"]!.GetValue<string>())).Select(r => r.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
                }
            }
            context.Response.StatusCode = body is null ? 404 : 200;
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

public class PtvUrlImportTests
{
    [Fact]
    public async Task The_paged_interface_gives_the_same_snapshot_as_the_files()
    {
        using var server = new FakePtvServer(Fixtures.Folder("ptv"), pageSize: 2);
        using var http = new HttpClient();
        var documents = await new PtvClient(http, server.BaseUrl).FetchAsync();
        var fromUrl = PtvImport.Read(documents, server.BaseUrl);
        var fromFiles = Fixtures.Ptv();
        Assert.Equal(fromFiles.Services.Keys.Order(), fromUrl.Services.Keys.Order());
        Assert.Equal(fromFiles.Channels.Keys.Order(), fromUrl.Channels.Keys.Order());
        Assert.Equal(fromFiles.Organisations.Keys.Order(), fromUrl.Organisations.Keys.Order());
        foreach (var (id, s) in fromFiles.Services)
            Assert.Equal(JsonSerializer.Serialize(s, TrayImporter.Json), JsonSerializer.Serialize(fromUrl.Services[id], TrayImporter.Json));
        // Six services in pages of two: three page requests.
        Assert.Equal(3, server.Requests.Count(r => r.StartsWith("/api/v11/Service?page=")));

        await using var store = await TrayStore.CreateAsync(postgres: false);
        await store.StoreAsync(fromFiles);
        Assert.False((await store.StoreAsync(fromUrl)).ChangedAnything);
    }

    [Fact]
    public async Task An_http_error_names_the_url()
    {
        using var server = new FakePtvServer(Fixtures.Folder("ptv"));
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<TrayImportException>(() => new PtvClient(http, server.BaseUrl + "/nothing").FetchAsync());
        Assert.Contains("/nothing/Organization?page=1", e.Errors[0].File);
        Assert.Contains("404", e.Errors[0].Reason);
    }
}
