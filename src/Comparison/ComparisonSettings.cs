using Microsoft.Extensions.Configuration;
using Tilannekuva.Disclosure;

namespace Tilannekuva.Comparison;

/// <summary>
/// Settings (configuration section "Comparison"). On a county's instance: the key it signs with and, optionally, the id
/// it signs under. On the comparison instance: the folder of trusted county keys. On both: the minimum cell size.
/// </summary>
public sealed class ComparisonSettings
{
    public const string Section = "Comparison";
    public const string DefaultSigningKeyFile = "data/comparison/signing-key.pem";
    public const string DefaultTrustedKeysFolder = "data/comparison/trusted";

    /// <summary>The county's private key (PKCS#8 PEM), written by `comparison keygen`. Protect it like a password.</summary>
    public string SigningKeyFile { get; set; } = DefaultSigningKeyFile;

    /// <summary>The id the county signs under; empty: the code of the root org unit (e.g. KAINUU).</summary>
    public string? CountyId { get; set; }

    /// <summary>The comparison instance's trusted public keys: one <c>&lt;county id&gt;.pem</c> per county.</summary>
    public string TrustedKeysFolder { get; set; } = DefaultTrustedKeysFolder;

    /// <summary>The smallest n a value is exported and shown for; default Dashboards:MinimumCellSize, else 5.</summary>
    public int? MinimumCellSize { get; set; }

    public SmallCellRule Rule => new(MinimumCellSize ?? SmallCellRule.Default.Minimum);

    public static ComparisonSettings From(IConfiguration config)
    {
        var s = new ComparisonSettings();
        config.GetSection(Section).Bind(s);
        s.MinimumCellSize ??= config.GetValue<int?>("Dashboards:MinimumCellSize");
        if (s.MinimumCellSize is < 1) throw new InvalidOperationException("Comparison:MinimumCellSize must be at least 1.");
        return s;
    }
}
