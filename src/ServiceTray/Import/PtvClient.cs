using System.Text.Json;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Reads the PTV open interface (version 11) over HTTP the way it is paged: <c>{base}/{Organization|Service|ServiceChannel}?page=N</c>
/// gives <c>{pageNumber, pageCount, itemList:[{id, name}]}</c>; the full records then come from
/// <c>{base}/{kind}/list?guids=…</c>, 100 ids at a time. Pages whose items are already full records are used as
/// they are. <see cref="Query"/> is appended to the page requests (e.g. a date filter).
/// </summary>
public sealed class PtvClient(HttpClient http, string baseUrl, string? query = null)
{
    public static readonly string[] Kinds = ["Organization", "Service", "ServiceChannel"];
    private const int GuidsPerRequest = 100;

    public string? Query { get; } = query;

    public async Task<List<(string Name, byte[] Content)>> FetchAsync(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var documents = new List<(string, byte[])>();
        var root = baseUrl.TrimEnd('/');
        foreach (var kind in Kinds)
        {
            var ids = new List<string>();
            for (int page = 1, pages = 1; page <= pages; page++)
            {
                var url = $"{root}/{kind}?page={page}{(string.IsNullOrEmpty(Query) ? "" : "&" + Query.TrimStart('&', '?'))}";
                var body = await GetAsync(url, ct);
                using var doc = ParsePage(url, body);
                pages = doc.RootElement.TryGetProperty("pageCount", out var pc) && pc.TryGetInt32(out var n) ? n : 1;
                if (!doc.RootElement.TryGetProperty("itemList", out var items) || items.ValueKind != JsonValueKind.Array) continue;
                var full = items.EnumerateArray().Any(i => i.TryGetProperty("serviceNames", out _) || i.TryGetProperty("serviceChannelType", out _) || i.TryGetProperty("organizationNames", out _));
                if (full) { documents.Add((url, body)); continue; }
                ids.AddRange(items.EnumerateArray().Select(i => i.TryGetProperty("id", out var id) ? id.GetString() : null).OfType<string>());
                progress?.Report($"{kind}: page {page}/{pages}");
            }
            foreach (var batch in ids.Distinct().Chunk(GuidsPerRequest))
            {
                var url = $"{root}/{kind}/list?guids={string.Join(',', batch)}";
                documents.Add((url, await GetAsync(url, ct)));
            }
            progress?.Report($"{kind}: {ids.Count} records");
        }
        return documents;
    }

    private static JsonDocument ParsePage(string url, byte[] body)
    {
        try { return JsonDocument.Parse(body); }
        catch (JsonException e) { throw new TrayImportException([new ImportError(url, (int)(e.LineNumber ?? 0) + 1, e.Path ?? "$", "not valid JSON")]); }
    }

    private async Task<byte[]> GetAsync(string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        if (!response.IsSuccessStatusCode)
            throw new TrayImportException([new ImportError(url, 0, "", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}")]);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }
}
