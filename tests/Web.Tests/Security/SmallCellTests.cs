using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>
/// Issue #13, finding 2: the anonymous trend chart gave away a 4-response month through its position and error bar,
/// by subtraction from the public total, and a day by sliding `to`. Here the attack is repeated and recovers nothing.
/// </summary>
public sealed class SmallCellTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Point = "ATT-TK";

    /// <summary>Three finished months at one service point: 20, then 4 (the small cell, all on one day), then 12; and 7 today.</summary>
    private async Task<(DateOnly Big, DateOnly Small, DateOnly Medium)> SeedAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await FeedbackDemo.LoadAsync(db, scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(), app.Today, responses: 0);
        if (db.ServicePoints.Any(p => p.Code == Point)) return Months();
        db.ServicePoints.Add(new Tilannekuva.Feedback.Domain.ServicePoint { Code = Point, Name = "Hyökkäyskoe", ProviderCode = FeedbackDemo.Provider, ProviderName = "Koe" });
        var questionnaire = db.Questionnaires.First(q => q.Key == FeedbackDemo.AdultKey).Id;
        var (big, small, medium) = Months();
        void Add(DateOnly day, int n, int score)
        {
            for (var i = 0; i < n; i++)
                db.Responses.Add(new Response
                {
                    Id = Guid.NewGuid(), QuestionnaireId = questionnaire, ProviderCode = FeedbackDemo.Provider, ServicePointCode = Point,
                    ServiceCode = "VO", Channel = Channel.Web, LinkId = "att", Date = day, SubmittedAt = DateTimeOffset.UtcNow, Recommendation = score,
                });
        }
        Add(big.AddDays(3), 20, 9);
        Add(small.AddDays(9), 4, 0);
        Add(medium.AddDays(5), 12, 10);
        Add(app.Today, 7, 0);
        await db.SaveChangesAsync();
        return (big, small, medium);
    }

    private (DateOnly, DateOnly, DateOnly) Months()
    {
        var thisMonth = new DateOnly(app.Today.Year, app.Today.Month, 1);
        return (thisMonth.AddMonths(-3), thisMonth.AddMonths(-2), thisMonth.AddMonths(-1));
    }

    private static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_differencing_attack_on_the_public_trend_recovers_nothing()
    {
        var (big, small, medium) = await SeedAsync();
        var anonymous = app.NewClient();

        // Sliding `to` by a day, or any window not made of whole finished months: refused with a message.
        foreach (var (from, to) in new[] { (small, small.AddDays(9)), (small, small.AddDays(10)), (small.AddDays(1), small.AddMonths(1).AddDays(-1)), (big, app.Today) })
        {
            var r = await anonymous.GetAsync($"/feedback/trend.svg?servicePoint={Point}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("kokonaisilta päättyneiltä kuukausilta", await r.Content.ReadAsStringAsync());
        }
        // Crossed filters (point × channel) cannot be subtracted from the point's chart either.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/feedback/trend.svg?servicePoint={Point}&channel=Web")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/feedback/trend.svg?servicePoint={Point}&service=VO")).StatusCode);

        // The default chart: the 4-response month is not drawn, nor (complementary suppression) the next smallest.
        var svg = await anonymous.GetStringAsync($"/feedback/trend.svg?servicePoint={Point}");
        Assert.Contains(Label(big), svg);
        Assert.DoesNotContain(Label(small), svg);
        Assert.DoesNotContain(Label(medium), svg);
        // Whole months asked for explicitly: the same.
        var explicitSvg = await anonymous.GetStringAsync($"/feedback/trend.svg?servicePoint={Point}&from={big:yyyy-MM-dd}&to={medium.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        Assert.DoesNotContain(Label(small), explicitSvg);
        Assert.DoesNotContain(Label(medium), explicitSvg);
        // The small month alone: nothing drawn.
        var alone = await anonymous.GetStringAsync($"/feedback/trend.svg?servicePoint={Point}&from={small:yyyy-MM-dd}&to={small.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        Assert.DoesNotContain(Label(small), alone);

        // The public total covers the finished months only (today's 7 are not in it), so it cannot be differenced day by day.
        var results = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/public/{Point}");
        var total = results[0].GetProperty("nps").GetProperty("responses").GetInt32();
        Assert.Equal(36, total);
        // Subtracting every month the attacker can see from the total leaves two months together, never the 4.
        var leftover = total - 20;
        Assert.NotEqual(4, leftover);
        Assert.True(leftover >= 5);
        var page = await anonymous.GetStringAsync($"/results/{Point}");
        Assert.DoesNotContain(">43<", page); // 36 + today's 7 would be the running total
    }
}
