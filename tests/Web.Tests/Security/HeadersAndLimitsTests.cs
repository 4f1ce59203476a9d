using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>Issue #13, findings 7, 8 and 11: headers, request sizes and odd input.</summary>
public sealed class HeadersAndLimitsTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact]
    public async Task Pages_carry_a_strict_csp_nosniff_and_no_framing_except_the_public_results()
    {
        var client = app.NewClient();
        var login = await client.GetAsync("/account/login");
        var csp = string.Join(" ", login.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'self' 'unsafe-inline'; img", "", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", login.Headers.GetValues("Referrer-Policy").Single());
        // No page has inline script left.
        Assert.DoesNotMatch("<script(?![^>]*src=)", await login.Content.ReadAsStringAsync());

        var results = await client.GetAsync("/results/EI-OLE");
        Assert.Contains("frame-ancestors *", string.Join(" ", results.Headers.GetValues("Content-Security-Policy")));
        Assert.False(results.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task Oversized_bodies_are_answered_413_with_a_message()
    {
        var client = app.NewClient();
        // As a well-behaved client does: the server can refuse by the size before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var feedback = new StringContent("{\"token\":\"" + new string('x', 70 * 1024) + "\"}", Encoding.UTF8, "application/json");
        var r = await client.PostAsync("/api/v1/feedback/responses", feedback);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("64 KB", await r.Content.ReadAsStringAsync());

        var api = await app.ApiClientAsync("admin");
        api.DefaultRequestHeaders.ExpectContinue = true;
        var entity = new StringContent("{\"fields\":{\"Name\":\"" + new string('x', 1100 * 1024) + "\"}}", Encoding.UTF8, "application/json");
        var big = await api.PostAsync("/api/v1/entities/programme?parent=0", entity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("1 MB", await big.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Odd_input_is_answered_without_a_500()
    {
        var client = app.NewClient();
        var culture = await client.GetAsync("/culture?c=fi&returnUrl=/%5Cevil.example");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location!.OriginalString);

        var api = await app.ApiClientAsync("admin");
        foreach (var name in new[] { "..", ".", "a\0b.csv", new string('a', 300) + ".csv" })
        {
            // Written by hand: HttpClient itself refuses a NUL in a header.
            var body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: text/csv\r\n\r\n" +
                "source_id;name;parent_id;kind\nR;Alue;;region\n\r\n--b0undary--\r\n";
            var form = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            form.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");
            var r = await api.PostAsync("/api/v1/imports/org_units", form);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{name.Length} chars: {r.StatusCode}");
        }
    }
}
