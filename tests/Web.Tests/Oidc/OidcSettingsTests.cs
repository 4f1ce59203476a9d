using Tilannekuva.Access;
using Tilannekuva.Web.Auth.Oidc;

namespace Tilannekuva.Web.Tests.Oidc;

/// <summary>The settings refuse to start with an unsafe or unusable configuration, naming the setting; groups map as documented.</summary>
public sealed class OidcSettingsTests
{
    private static OidcSettings Settings(string authority, bool loopbackHttp = false) => new()
    {
        Authority = authority, ClientId = "tilannekuva", AllowHttpOnLoopback = loopbackHttp,
        Roles = new(StringComparer.OrdinalIgnoreCase) { ["g-dir"] = Role.Director, ["g-view"] = Role.Viewer, ["g-man"] = Role.Manager },
        Units = new(StringComparer.OrdinalIgnoreCase) { ["g-east"] = "U2 U1", ["g-west"] = "U3,U1" },
    };

    [Theory]
    [InlineData("http://login.example.fi/tenant/v2.0", false, "must be https")]
    [InlineData("http://127.0.0.1:5100/", false, "must be https")]
    [InlineData("https://login.example.fi/tenant/v2.0", true, "loopback test provider only")]
    [InlineData("http://login.example.fi/", true, "must be https")]
    public void Unsafe_authorities_are_refused(string authority, bool loopbackHttp, string expected)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Settings(authority, loopbackHttp).Check());
        Assert.Contains(expected, e.Message);
        Assert.Contains("Security:Oidc:", e.Message);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0", false)]
    [InlineData("http://127.0.0.1:5100/", true)]
    [InlineData("http://localhost:5100/", true)]
    public void Https_and_loopback_test_providers_are_accepted(string authority, bool loopbackHttp) => Settings(authority, loopbackHttp).Check();

    [Fact]
    public void No_client_id_or_no_role_mapping_is_refused()
    {
        var noClient = Settings("https://idp.example.fi/");
        noClient.ClientId = null;
        Assert.Contains("ClientId", Assert.Throws<InvalidOperationException>(noClient.Check).Message);
        var noRoles = Settings("https://idp.example.fi/");
        noRoles.Roles.Clear();
        Assert.Contains("Roles", Assert.Throws<InvalidOperationException>(noRoles.Check).Message);
    }

    [Fact]
    public void The_strongest_mapped_role_wins_and_units_are_the_union()
    {
        var s = Settings("https://idp.example.fi/");
        Assert.Equal(Role.Director, s.RoleOf(["g-view", "other", "G-DIR"]));
        Assert.Equal(Role.Manager, s.RoleOf(["g-man", "g-view"]));
        Assert.Null(s.RoleOf(["other", "g-east"]));
        Assert.Equal(["U1", "U2", "U3"], s.UnitsOf(["g-west", "g-east", "other"]));
    }
}
