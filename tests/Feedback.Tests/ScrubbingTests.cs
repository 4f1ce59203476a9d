using Tilannekuva.Feedback.Scrubbing;

namespace Tilannekuva.Feedback.Tests;

public sealed class ScrubbingTests
{
    /// <summary>Identity codes made at run time: random birth dates in all three centuries, every century sign, random individual numbers.</summary>
    public static IEnumerable<object[]> GeneratedCodes()
    {
        var random = new Random(Environment.TickCount);
        foreach (var sign in IdentityCode.CenturySigns)
        {
            var century = sign switch { '+' => 1800, 'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000, _ => 1900 };
            for (var i = 0; i < 4; i++)
            {
                var date = new DateOnly(century + random.Next(100), 1 + random.Next(12), 1 + random.Next(28));
                yield return [IdentityCode.Create(date, 2 + random.Next(898), sign)];
            }
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCodes))]
    public void Valid_identity_codes_are_replaced_wherever_they_stand(string code)
    {
        Assert.True(IdentityCode.IsValid(code));
        foreach (var text in new[] { $"Tunnukseni on {code}.", $"{code}", $"hetu:{code}, kiitos", $"({code.ToLowerInvariant()})" })
        {
            var scrubbed = TextScrubber.Scrub(text, out var count);
            Assert.DoesNotContain(code, scrubbed, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(TextScrubber.IdentityCodeMarker, scrubbed);
            Assert.Equal(1, count);
        }
    }

    [Fact]
    public void A_code_with_a_wrong_check_character_is_not_an_identity_code()
    {
        var code = IdentityCode.Create(new DateOnly(1985, 3, 14), 234);
        var wrong = code[..10] + IdentityCode.CheckCharacters[(IdentityCode.CheckCharacters.IndexOf(code[10]) + 1) % 31];
        Assert.False(IdentityCode.IsValid(wrong));
        Assert.Equal($"koodi {wrong}", TextScrubber.Scrub($"koodi {wrong}"));
    }

    [Theory]
    [InlineData("Soita 040 123 4567 kiitos")]
    [InlineData("Soita 040-1234567 kiitos")]
    [InlineData("Soita +358 40 123 4567 kiitos")]
    [InlineData("Soita +358401234567 kiitos")]
    [InlineData("Soita (09) 310 1234 kiitos")]
    [InlineData("Soita 0401234567 kiitos")]
    [InlineData("Soita 00358 50 987 6543 kiitos")]
    public void Phone_numbers_are_replaced(string text)
    {
        var scrubbed = TextScrubber.Scrub(text);
        Assert.Equal("Soita [PHONE] kiitos", scrubbed);
    }

    [Theory]
    [InlineData("Lähetä osoitteeseen matti.meikalainen@example.fi heti", "Lähetä osoitteeseen [EMAIL] heti")]
    [InlineData("a.b+c@sub.example.com", "[EMAIL]")]
    public void Email_addresses_are_replaced(string text, string expected) => Assert.Equal(expected, TextScrubber.Scrub(text));

    [Theory]
    [InlineData("Kävin 12.3.2024 klo 09-10, odotin 45 min.")]
    [InlineData("Maksoin 1 250 euroa vuonna 2024.")]
    [InlineData("Sain ajan 3 viikon päähän, numero 7 jonossa.")]
    [InlineData("Vuodet 2023-2025 olivat hyviä.")]
    public void Ordinary_text_and_numbers_stay(string text) => Assert.Equal(text, TextScrubber.Scrub(text));

    [Fact]
    public void Several_kinds_in_one_text_are_all_replaced()
    {
        var code = IdentityCode.Create(new DateOnly(2010, 7, 1), 45);
        var scrubbed = TextScrubber.Scrub($"Lapsen {code}, soita 050 555 1234 tai a@b.fi", out var count);
        Assert.Equal("Lapsen [ID], soita [PHONE] tai [EMAIL]", scrubbed);
        Assert.Equal(3, count);
    }
}
