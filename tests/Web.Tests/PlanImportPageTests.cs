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
