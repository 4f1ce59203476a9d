using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Tilannekuva.Operations.Audit;

/// <summary>
/// RFC 5424 syslog messages for audit records: facility 13 (log audit), severity 5 (notice), the record as structured
/// data (SD-ID audit@32473, the documentation enterprise number), sent over UDP (one message a datagram) or TCP
/// (octet-counted framing, RFC 6587).
/// </summary>
public static class Syslog
{
    public const int Priority = 13 * 8 + 5;

    public static string Format(AuditRecord r, string host, string app = "tilannekuva") =>
        $"<{Priority}>1 {r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {Header(host)} {Header(app)} - {Header(r.Table)} " +
        $"[audit@32473 table=\"{Param(r.Table)}\" id=\"{r.Id}\" actor=\"{Param(r.Actor)}\" action=\"{Param(r.Action)}\" target=\"{Param(r.Target)}\" hash=\"{Param(r.Hash ?? "")}\"] " +
        $"{r.Actor} {r.Action} {r.Target}";

    /// <summary>A header field: printable ASCII without spaces, at most 48 characters, "-" when empty.</summary>
    private static string Header(string value)
    {
        var s = new string(value.Where(c => c > 32 && c < 127).Take(48).ToArray());
        return s.Length == 0 ? "-" : s;
    }

    /// <summary>A structured-data parameter value: '"', '\' and ']' escaped with a backslash.</summary>
    private static string Param(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}

/// <summary>Where audit records go: <c>udp://host:port</c> or <c>tcp://host:port</c>.</summary>
public sealed class SyslogSender(Uri target) : IAsyncDisposable
{
    private TcpClient? _tcp;
    private UdpClient? _udp;

    public async Task SendAsync(IEnumerable<string> messages, CancellationToken ct)
    {
        if (target.Scheme.Equals("udp", StringComparison.OrdinalIgnoreCase))
        {
            _udp ??= new UdpClient();
            foreach (var m in messages)
                await _udp.SendAsync(Encoding.UTF8.GetBytes(m), target.Host, target.Port, ct);
            return;
        }
        if (_tcp is not { Connected: true })
        {
            _tcp?.Dispose();
            _tcp = new TcpClient();
            await _tcp.ConnectAsync(target.Host, target.Port, ct);
        }
        var stream = _tcp.GetStream();
        foreach (var m in messages)
        {
            var bytes = Encoding.UTF8.GetBytes(m);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + " "), ct);
            await stream.WriteAsync(bytes, ct);
        }
        await stream.FlushAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        _tcp?.Dispose();
        _udp?.Dispose();
        return ValueTask.CompletedTask;
    }
}
