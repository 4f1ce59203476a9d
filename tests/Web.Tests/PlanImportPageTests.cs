using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tilannekuva.Web.Tests;

/// <summary>The plan upload page as a programme manager uses it: preview first, store only on confirm; others are refused.</summary>
public sealed class PlanImportPageTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    private const string Plan = """
        Hankesuunnitelma
        Hankkeen nimi: Selainhanke Pajula
         1. Hankkeen tarve
        Hoitoon pääsy on hidasta.

         4. Pilarit ja Investoinnit

        4.1 PILARI 4: Sosiaali- ja terveydenhuollon palvelujen saatavuuden
        vahvistaminen

        4.1.1 Investointi 1: Edistetään hoitotakuun toteutumista

        Työpaketti 1: Vastaanoton sujuvoittaminen
        Työpaketin 1 tavoitteet: Hoitoon pääsee viikossa.
        Toimenpiteet: 1) Kuvataan hoitoketjut. 2) Otetaan käyttöön takaisinsoitto.
        Kustannusarvio:   455 000 e
        Mittarit: Takaisinsoittojen määrä

               3(12)

        Työpaketti 2: Omaishoitajien tuki
        Toimenpiteet: 1) Perustetaan vertaisryhmät
        Kustannukset: 120 000 €
        """;

    [Fact]
    public async Task Admin_previews_the_plan_then_confirms_and_the_programme_is_stored()
    {
        var client = await app.SignInAsync("admin");
        var token = await TestApp.AntiforgeryTokenAsync(client, "/programmes/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Plan)), "Upload", "pajula.txt" },
        };
        var preview = await client.PostAsync("/programmes/import?handler=Preview", upload);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Vastaanoton sujuvoittaminen", html);
        Assert.Contains("455", html);
        Assert.False(await app.QueryAsync(db => db.Programmes.AnyAsync(p => p.Name == "Selainhanke Pajula")), "nothing is stored before confirming");

        var uploadId = System.Text.RegularExpressions.Regex.Match(html, "name=\"UploadId\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var confirm = await client.PostAsync("/programmes/import?handler=Confirm", TestApp.Form(
            ("__RequestVerificationToken", TestApp.AntiforgeryToken(html)), ("UploadId", uploadId), ("Name", "Selainhanke Pajula")));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var stored = await app.QueryAsync(db => db.WorkPackages.Where(w => w.Investment!.Pillar!.ProgrammeId ==
            db.Programmes.Single(p => p.Name == "Selainhanke Pajula").Id).OrderBy(w => w.Code).Select(w => new { w.Code, w.CostEstimate }).ToListAsync());
        Assert.Equal([("TP1", 455_000m), ("TP2", 120_000m)], stored.Select(w => (w.Code, w.CostEstimate)));
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, "/programmes/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        return await client.PostAsync("/programmes/import?handler=Preview", upload);
    }

    [Fact]
    public async Task Bad_files_get_a_clear_message_and_no_confirm_button()
    {
        var client = await app.SignInAsync("admin");
        var before = await app.QueryAsync(db => db.Programmes.CountAsync());
        var cases = new (string Name, byte[] Bytes, string Key)[]
        {
            ("tyhja.txt", [], "PlanImport.Page.NoFile"),
            ("kuva.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "PlanImport2.Refused.Binary"),
            ("muistio.txt", System.Text.Encoding.UTF8.GetBytes("Muistio\n1. Hankkeen tarve\nTarve on suuri.\n"), "PlanImport2.Refused.NotAPlan"),
        };
        foreach (var (name, bytes, key) in cases)
        {
            var response = await UploadAsync(client, name, bytes);
            var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var expected = Tilannekuva.Localisation.Texts.Get(key, System.Globalization.CultureInfo.GetCultureInfo("fi"));
            Assert.Contains(expected.Contains('{') ? expected[(expected.IndexOf('}') + 1)..][..25] : expected, html);
            Assert.DoesNotContain("handler=Confirm", html);
            Assert.DoesNotContain("name=\"UploadId\"", html);
        }
        Assert.Equal(before, await app.QueryAsync(db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task Removing_work_packages_needs_the_replace_box_and_the_revision_page_restores_them()
    {
        var client = await app.SignInAsync("admin");
        var plan = Plan.Replace("Selainhanke Pajula", "Selainhanke Versio");
        var first = System.Net.WebUtility.HtmlDecode(await (await UploadAsync(client, "versio.txt", System.Text.Encoding.UTF8.GetBytes(plan))).Content.ReadAsStringAsync());
        async Task<HttpResponseMessage> ConfirmAsync(string html, bool replace)
        {
            var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"UploadId\" value=\"([0-9a-f]+)\"").Groups[1].Value;
            var fields = new List<(string, string)> { ("__RequestVerificationToken", TestApp.AntiforgeryToken(html)), ("UploadId", id), ("Name", "Selainhanke Versio") };
            if (replace) fields.Add(("Replace", "true"));
            return await client.PostAsync("/programmes/import?handler=Confirm", TestApp.Form([.. fields]));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(first, false)).StatusCode);
        Task<int> WorkPackages() => app.QueryAsync(db => db.WorkPackages.CountAsync(w => w.Investment!.Pillar!.ProgrammeId == db.Programmes.Single(p => p.Name == "Selainhanke Versio").Id));
        Assert.Equal(2, await WorkPackages());

        var smaller = plan[..plan.IndexOf("Työpaketti 2:", StringComparison.Ordinal)];
        var preview = System.Net.WebUtility.HtmlDecode(await (await UploadAsync(client, "versio-2.txt", System.Text.Encoding.UTF8.GetBytes(smaller))).Content.ReadAsStringAsync());
        Assert.Contains("id=\"removals\"", preview);
        Assert.Contains("1 " + Tilannekuva.Localisation.Texts.Get("PlanImport2.Kind.WorkPackage", System.Globalization.CultureInfo.GetCultureInfo("fi")), preview);
        Assert.Contains("name=\"Replace\"", preview);

        var refused = await ConfirmAsync(preview, false);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(2, await WorkPackages());

        var done = await ConfirmAsync(preview, true);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith("/revisions", done.Headers.Location!.ToString());
        Assert.Equal(1, await WorkPackages());

        var page = await client.GetAsync(done.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("versio-2.txt", html);
        var revision = System.Text.RegularExpressions.Regex.Match(html, "name=\"revision\" value=\"(\\d+)\"").Groups[1].Value;
        var restored = await client.PostAsync(done.Headers.Location + "?handler=Restore", TestApp.Form(("__RequestVerificationToken", TestApp.AntiforgeryToken(html)), ("revision", revision)));
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Contains("id=\"restored\"", await restored.Content.ReadAsStringAsync());
        Assert.Equal(2, await WorkPackages());
    }

    [Fact]
    public async Task A_planner_cannot_open_the_plan_import()
    {
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Tilannekuva.Access.Accounts>();
            if (await accounts.FindAsync("suunnittelija9") is null)
            {
                await accounts.CreateAsync("suunnittelija9", Tilannekuva.Access.Role.Planner);
                Assert.Null(await accounts.SetPasswordAsync("suunnittelija9", TestApp.Password));
            }
        }
        var client = await app.SignInAsync("suunnittelija9");
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/programmes/import")).StatusCode);
    }
}
