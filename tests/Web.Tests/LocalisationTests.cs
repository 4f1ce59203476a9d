using System.Net;
using System.Text.RegularExpressions;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;

namespace Tilannekuva.Web.Tests;

/// <summary>fi, sv and en: the language switch, and that every text the views ask for exists in all three.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class LocalisationTests(SqliteApp app)
{
    [Theory]
    [InlineData("fi", "Pilarit, investoinnit ja työpaketit", "Tavoitteet")]
    [InlineData("sv", "Pelare, investeringar och arbetspaket", "Mål")]
    [InlineData("en", "Pillars, investments and work packages", "Goals")]
    public async Task Language_switch_changes_the_page_texts(string culture, string programmeHeading, string workPackageHeading)
    {
        var programmeId = await app.ProgrammeIdAsync();
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var client = await app.SignInAsync(Demo.Planner);

        var programmePath = $"/programmes/{programmeId}";
        var sw = await client.GetAsync($"/culture?c={culture}&returnUrl={Uri.EscapeDataString(programmePath)}");
        Assert.Equal(HttpStatusCode.Redirect, sw.StatusCode);
        Assert.Equal(programmePath, sw.Headers.Location!.OriginalString);

        var programme = await client.GetStringAsync(programmePath);
        Assert.Contains($"<html lang=\"{culture}\">", programme);
        Assert.Contains($"<h2>{programmeHeading}</h2>", programme);
        var workPackage = await client.GetStringAsync($"/workpackages/{wp}");
        Assert.Contains($"<h2>{workPackageHeading}</h2>", workPackage);
        Assert.Contains(Texts.Get("WorkPackage.RecordStatus", new System.Globalization.CultureInfo(culture)), workPackage);
    }

    [Fact]
    public async Task Culture_switch_refuses_to_redirect_off_site()
    {
        var client = app.NewClient();
        var response = await client.GetAsync("/culture?c=sv&returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void All_cultures_have_the_same_keys()
    {
        var keys = Texts.KeysByCulture();
        Assert.Equal(["en", "fi", "sv"], keys.Keys.Order());
        var fi = keys["fi"].ToHashSet();
        foreach (var culture in new[] { "sv", "en" })
        {
            var other = keys[culture].ToHashSet();
            Assert.True(fi.SetEquals(other),
                $"{culture}: missing [{string.Join(", ", fi.Except(other).Order())}], extra [{string.Join(", ", other.Except(fi).Order())}]");
        }
    }

    [Fact]
    public void Every_key_the_views_use_exists_in_every_culture()
    {
        var keys = Texts.KeysByCulture().ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet());
        var used = UsedKeys().ToList();
        Assert.True(used.Count > 100, $"Only {used.Count} keys found; is the scan still finding the views?");
        var missing = (from key in used.Distinct()
                       from culture in Texts.Cultures
                       where !keys[culture].Contains(key)
                       select $"{culture}:{key}").Order().ToList();
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing));
    }

    /// <summary>
    /// Literal keys in L("…") in the Razor views, the error keys the page models and the editor hand to L(…),
    /// and the key families the views build from values (roles, audit changes, entity and field labels, enum names).
    /// </summary>
    private static IEnumerable<string> UsedKeys()
    {
        var root = RepositoryRoot();
        var pages = Path.Combine(root, "src", "Web", "Pages");
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
            foreach (Match m in LiteralKey().Matches(File.ReadAllText(file)))
                yield return m.Groups[1].Value;
        var errorSources = Directory.EnumerateFiles(pages, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "Programme", "Editing"), "*.cs"))
            .Append(Path.Combine(root, "src", "Access", "Accounts.cs"));
        foreach (var file in errorSources)
            foreach (Match m in ErrorKey().Matches(File.ReadAllText(file)))
                yield return m.Groups[1].Value;
        foreach (var role in Enum.GetNames<Role>()) yield return "Role." + role;
        foreach (var change in new[] { "Added", "Modified", "Deleted" }) yield return "Audit." + change;
        foreach (var light in Enum.GetNames<TrafficLight>()) yield return "TrafficLight." + light;
        foreach (var light in Enum.GetNames<TrafficLight>()) { yield return "Trajectory.Light." + light; yield return "Trajectory.Legend." + light; }
        foreach (var reason in Enum.GetNames<TrajectoryReason>()) yield return "Trajectory.Reason." + reason;
        foreach (var role in Enum.GetNames<Role>().Append("Anonymous")) yield return "Pages2.Denied." + role;
        foreach (var t in EditableTypes.All)
        {
            yield return t.Label;
            foreach (var f in t.Fields)
            {
                yield return f.Label;
                if (f.EnumType is { } e)
                    foreach (var n in Enum.GetNames(e)) yield return e.Name + "." + n;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tilannekuva.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tilannekuva.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>L("Some.Key") or L("Some.Key", args) — a whole literal key, not a prefix being concatenated.</summary>
    [GeneratedRegex("""\bL\("([A-Za-z0-9_.]+)"\s*[,)]""")]
    private static partial Regex LiteralKey();

    /// <summary>Text keys handed over as values: "Account.SignInFailed", "Edit.Required", "Users.Exists" …</summary>
    [GeneratedRegex("""
        "((?:Account|Users|Edit)\.[A-Z][A-Za-z]+)"
        """)]
    private static partial Regex ErrorKey();
}
