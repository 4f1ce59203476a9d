using System.Globalization;
using Tilannekuva.Indicators.Ingest;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// The import's own date parser must take and refuse exactly what .NET's TryParseExact does with the
/// same list of formats, and give the same moment: checked on generated values in many spellings,
/// valid, impossible and broken.
/// </summary>
public class DateFormatListTests
{
    private static readonly string[][] FormatLists =
    [
        [.. new ColumnMapping().DateTimeFormats],
        [.. new ColumnMapping().DateFormats],
        ["dd.MM.yyyy HH:mm", "d.M.yyyy"],
        ["yyyy-MM-dd'T'HH:mm:ss", "M/d/yyyy H:mm", "yyyy/MM/dd"],
        ["yyyyMMdd", "d. MMMM yyyy", "d.M.yyyy h:mm tt", "yyyy-MM-dd HH:mm:ss.fff"], // left to .NET
        ["d.M.yyyy H.mm", "d.M.yyyy H:mm"],
    ];

    private static readonly string[] Spellings =
    [
        "d.M.yyyy H:mm", "dd.MM.yyyy HH:mm", "d.M.yyyy H.mm", "d.M.yyyy H:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "d.M.yyyy", "yyyy-MM-dd", "M/d/yyyy H:mm", "yyyyMMdd", "d. MMMM yyyy",
        "yyyy/MM/dd", "d.M.yyyy h:mm tt", "yyyy-MM-dd HH:mm:ss.fff", "d.M.yy H:mm", "H:mm d.M.yyyy",
    ];

    public static IEnumerable<object[]> Lists() => FormatLists.Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(Lists))]
    public void Takes_and_refuses_what_TryParseExact_does_with_the_same_values(int list)
    {
        var formats = FormatLists[list];
        var parser = new DateFormatList(formats);
        var random = new Random(20 + list);
        var checkedValues = 0;
        var accepted = 0;
        foreach (var text in Values(random))
        {
            var expected = DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedValue);
            var actual = parser.TryParseDateTime(text, out var actualValue);
            Assert.True(expected == actual, $"DateTime \"{text}\" with [{string.Join(" | ", formats)}]: .NET {expected}, ours {actual}");
            if (expected) Assert.Equal(expectedValue, actualValue);
            var expectedDay = DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate);
            var actualDay = parser.TryParseDate(text, out var actualDate);
            Assert.True(expectedDay == actualDay, $"DateOnly \"{text}\" with [{string.Join(" | ", formats)}]: .NET {expectedDay}, ours {actualDay}");
            if (expectedDay) Assert.Equal(expectedDate, actualDate);
            checkedValues++;
            if (expected) accepted++;
        }
        Assert.True(checkedValues > 20_000);
        Assert.True(accepted > 500, $"only {accepted} values accepted: the generated values do not exercise the list");
    }

    [Fact]
    public void Formats_with_names_clocks_fractions_or_run_together_fields_are_left_to_dotnet()
    {
        Assert.NotNull(DateFormatList.Compile("d.M.yyyy H:mm"));
        Assert.NotNull(DateFormatList.Compile("yyyy-MM-dd'T'HH:mm:ss"));
        Assert.Null(DateFormatList.Compile("d. MMMM yyyy"));
        Assert.Null(DateFormatList.Compile("d.M.yyyy h:mm tt"));
        Assert.Null(DateFormatList.Compile("yyyy-MM-dd HH:mm:ss.fff"));
        Assert.Null(DateFormatList.Compile("yyyyMMdd"));
        Assert.Null(DateFormatList.Compile("d.M.yy"));
    }

    private static IEnumerable<string> Values(Random random)
    {
        for (var i = 0; i < 1_500; i++)
        {
            // Mostly plausible moments, some on the edges of months, leap days and the clock.
            var year = random.Next(10) switch { 0 => random.Next(1, 10000), _ => random.Next(1990, 2031) };
            var month = random.Next(1, 13);
            var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
            var moment = new DateTime(year, month, day, random.Next(24), random.Next(60), random.Next(60));
            if (random.Next(4) == 0) moment = moment.Date;
            foreach (var spelling in Spellings)
            {
                var text = moment.ToString(spelling, CultureInfo.InvariantCulture);
                yield return text;
                yield return Mutate(text, random);
            }
        }
        // Values no calendar has, and broken ones.
        foreach (var text in new[]
                 {
                     "31.2.2025 10:00", "29.2.2023", "29.2.2024", "0.1.2025", "1.13.2025", "1.1.0000", "32.1.2025 8:00", "1.1.2025 24:00",
                     "1.1.2025 23:60", "1.1.2025 8:00:60", "1.1.2025 8:5", "001.1.2025", "1.1.12025", "1.1.2025 8:00 ", " 1.1.2025", "1..1.2025",
                     "", ".", "1.1.", "2025-1-1", "2025-01-01T08:00", "2025-01-01 08:00:00", "2025-01-01T8:00", "١.١.٢٠٢٥", "1.1.2025 8.00",
                     "12/31/2025 8:00", "2025/12/31", "1.1.2025 08:00", "01.01.2025 8:00", "1.1.2025\t8:00", "1.1.2025  8:00",
                 })
            yield return text;
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return text;
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        return random.Next(5) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, random.Next(10).ToString(CultureInfo.InvariantCulture)),
            2 => text.Insert(at, " "),
            3 => new string(chars.Select((c, k) => k == at && char.IsAsciiDigit(c) ? (char)('0' + random.Next(10)) : c).ToArray()),
            _ => text.Replace('.', random.Next(2) == 0 ? '-' : ':'),
        };
    }
}
