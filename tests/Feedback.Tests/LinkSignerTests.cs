using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;

namespace Tilannekuva.Feedback.Tests;

public sealed class LinkSignerTests
{
    private static readonly LinkSigner Signer = new(Encoding.UTF8.GetBytes("test-key-0123456789abcdef"));

    private static readonly FeedbackLink Link = new("KAINUU", "KAJ-TK", "VO", Channel.Qr, "tiimi-1", Audience.Child, "abc123");

    [Fact]
    public void A_signed_link_verifies_to_the_same_context()
    {
        Assert.True(Signer.TryVerify(Signer.Sign(Link), out var back));
        Assert.Equal(Link, back);
    }

    [Fact]
    public void Changing_the_service_point_in_a_link_breaks_the_signature()
    {
        var token = Signer.Sign(Link);
        var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token[..token.IndexOf('.')]));
        var forged = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.Replace("KAJ-TK", "SOT-TK", StringComparison.Ordinal))) + token[token.IndexOf('.')..];
        Assert.False(Signer.TryVerify(forged, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("....")]
    [InlineData("MXxLQUlOVVV8.@@@")]
    public void Garbage_is_rejected(string token) => Assert.False(Signer.TryVerify(token, out _));

    [Fact]
    public void Another_key_does_not_verify()
    {
        var other = new LinkSigner(Encoding.UTF8.GetBytes("another-key-0123456789abcdef"));
        Assert.False(other.TryVerify(Signer.Sign(Link), out _));
    }

    [Fact]
    public void Codes_with_separators_cannot_be_signed() =>
        Assert.Throws<ArgumentException>(() => Signer.Sign(Link with { ServicePointCode = "KAJ|TK" }));

    [Fact]
    public void A_generated_key_is_kept_in_the_data_folder()
    {
        var folder = Directory.CreateTempSubdirectory("tk-key-").FullName;
        try
        {
            var saved = Environment.GetEnvironmentVariable(SigningKey.EnvironmentVariable);
            Environment.SetEnvironmentVariable(SigningKey.EnvironmentVariable, null);
            try
            {
                var first = SigningKey.Resolve(null, folder);
                var second = SigningKey.Resolve(null, folder);
                Assert.Equal(first, second);
                Assert.True(File.Exists(Path.Combine(folder, SigningKey.FileName)));
                Assert.Equal(Encoding.UTF8.GetBytes("configured-key-1234567890"), SigningKey.Resolve("configured-key-1234567890", folder));
            }
            finally
            {
                Environment.SetEnvironmentVariable(SigningKey.EnvironmentVariable, saved);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Qr_codes_are_png_and_svg()
    {
        var png = QrCodes.Png("http://127.0.0.1/f/" + Signer.Sign(Link));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("<svg", QrCodes.Svg("http://127.0.0.1/f/x"), StringComparison.Ordinal);
    }
}
