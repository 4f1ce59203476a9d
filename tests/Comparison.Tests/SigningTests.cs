using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Signing;

namespace Tilannekuva.Comparison.Tests;

/// <summary>Signing round trip and every way a file is refused: changed value, added field, unknown county, another key, broken JSON.</summary>
public sealed class SigningTests
{
    private static ExportContent Content(string county = "TESTI") => new()
    {
        Format = ExportContent.FormatV1,
        County = new ExportCounty(county, "Testialueen hyvinvointialue"),
        ExportedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        DataTime = new DataTime(new DateTime(2026, 11, 30, 15, 45, 0), new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero)),
        MinimumCellSize = 5,
        Cells =
        [
            new ExportCell("care_guarantee_7d", "quarter", "2026Q3", ExportLevel.County, county, "Testialue", 0.6843971631205674, 282, false),
            new ExportCell("care_guarantee_7d", "quarter", "2026Q3", ExportLevel.Area, "ETELA", "Etelä", null, null, true),
        ],
    };

    private static (ECDsa Key, TrustedKeys Trusted) KeyFor(string county)
    {
        var (privatePem, publicPem) = CountyKeys.Generate();
        var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return (key, new TrustedKeys(new Dictionary<string, string> { [county] = publicPem }, "test"));
    }

    private static string Reason(Action read) => Assert.Throws<ExportRejectedException>(read).Reason;

    [Fact]
    public void A_signed_file_reads_back_to_the_same_content_however_it_is_indented()
    {
        var (key, trusted) = KeyFor("TESTI");
        var text = ExportSigner.ToFileText(ExportSigner.Sign(Content(), key));
        var read = ExportSigner.ReadVerified(text, "testi.json", trusted);
        Assert.Equal(ExportJson.CanonicalBytes(Content()), ExportJson.CanonicalBytes(read.Content));
        Assert.Equal(0.6843971631205674, read.Content.Cells[0].Value);
        Assert.Equal(new DateTime(2026, 11, 30, 15, 45, 0), read.Content.DataTime.LatestEvent);
        // Spacing is not content: the same file without indentation verifies too.
        var compact = JsonNode.Parse(text)!.ToJsonString();
        Assert.Equal(ExportJson.ContentHash(read.Content), ExportJson.ContentHash(ExportSigner.ReadVerified(compact, "compact.json", trusted).Content));
    }

    [Fact]
    public void A_changed_value_n_or_suppression_mark_is_refused_naming_the_file()
    {
        var (key, trusted) = KeyFor("TESTI");
        var text = ExportSigner.ToFileText(ExportSigner.Sign(Content(), key));
        foreach (var change in new Action<JsonNode>[]
        {
            n => n["content"]!["cells"]![0]!["value"] = 0.7,
            n => n["content"]!["cells"]![0]!["n"] = 283,
            n => n["content"]!["county"]!["name"] = "Toinen alue",
            n => n["content"]!["dataTime"]!["latestEvent"] = "2026-12-01T15:45:00",
            // "Un-suppressing" a cell: a value where the county sent none.
            n => { n["content"]!["cells"]![1]!["value"] = 0.5; n["content"]!["cells"]![1]!["n"] = 3; n["content"]!["cells"]![1]!["suppressed"] = false; },
        })
        {
            var node = JsonNode.Parse(text)!;
            change(node);
            var e = Assert.Throws<ExportRejectedException>(() => ExportSigner.ReadVerified(node.ToJsonString(), "muutettu.json", trusted));
            Assert.Equal("Comparison.Reject.Tampered", e.Reason);
            Assert.StartsWith("muutettu.json: ", e.Message);
        }
    }

    [Fact]
    public void An_added_field_a_foreign_key_an_unknown_county_and_broken_files_are_refused()
    {
        var (key, trusted) = KeyFor("TESTI");
        var text = ExportSigner.ToFileText(ExportSigner.Sign(Content(), key));

        // Nothing unsigned rides along: an unknown property is refused, not ignored.
        var node = JsonNode.Parse(text)!;
        node["content"]!["cells"]![0]!["personId"] = "x";
        Assert.Equal("Comparison.Reject.NotExport", Reason(() => ExportSigner.ReadVerified(node.ToJsonString(), "lisatty.json", trusted)));

        // Signed by someone else with their own key, under this county's id.
        var (other, _) = KeyFor("TESTI");
        Assert.Equal("Comparison.Reject.OtherKey", Reason(() => ExportSigner.ReadVerified(ExportSigner.ToFileText(ExportSigner.Sign(Content(), other)), "vieras.json", trusted)));
        // The same key as the trusted one's fingerprint claims, but the signature made by another key.
        var forged = JsonNode.Parse(ExportSigner.ToFileText(ExportSigner.Sign(Content(), other)))!;
        forged["signature"]!["keyFingerprint"] = CountyKeys.Fingerprint(key);
        Assert.Equal("Comparison.Reject.Tampered", Reason(() => ExportSigner.ReadVerified(forged.ToJsonString(), "vaarennetty.json", trusted)));

        // A county this instance has no key for.
        var unknown = Assert.Throws<ExportRejectedException>(() => ExportSigner.ReadVerified(ExportSigner.ToFileText(ExportSigner.Sign(Content("MUU"), key)), "muu.json", trusted));
        Assert.Equal("Comparison.Reject.UnknownCounty", unknown.Reason);
        Assert.Contains("MUU", unknown.Message);

        Assert.Equal("Comparison.Reject.NotExport", Reason(() => ExportSigner.ReadVerified("{ \"content\": ", "rikki.json", trusted)));
        Assert.Equal("Comparison.Reject.NotExport", Reason(() => ExportSigner.ReadVerified("[1, 2]", "taulukko.json", trusted)));
    }
}
