using System.Globalization;
using Microsoft.Extensions.Configuration;
using Tilannekuva.ContactSampling.Domain;

namespace Tilannekuva.ContactSampling.Results;

/// <summary>
/// Handling minutes per channel ("ContactSampling:Minutes:&lt;channel code&gt;", e.g. ContactSampling:Minutes:phone = 6)
/// and one person's yearly working hours ("ContactSampling:HoursPerPersonYear", default 1,600 h as in DESIGN.md).
/// </summary>
public sealed record SamplingSettings(IReadOnlyDictionary<SamplingChannel, double> Minutes, double HoursPerPersonYear)
{
    public static readonly IReadOnlyDictionary<SamplingChannel, double> DefaultMinutes = new Dictionary<SamplingChannel, double>
    {
        [SamplingChannel.Phone] = 6, [SamplingChannel.InPerson] = 8, [SamplingChannel.Chat] = 7, [SamplingChannel.EMessage] = 5,
        [SamplingChannel.EService] = 4, [SamplingChannel.Video] = 10, [SamplingChannel.Other] = 6,
    };

    public static readonly SamplingSettings Default = new(DefaultMinutes, 1600);

    public double MinutesOf(SamplingChannel c) => Minutes.TryGetValue(c, out var m) ? m : DefaultMinutes[c];

    public double MinutesPerPersonYear => HoursPerPersonYear * 60;

    public static SamplingSettings From(IConfiguration config)
    {
        var minutes = new Dictionary<SamplingChannel, double>(DefaultMinutes);
        foreach (var c in Enum.GetValues<SamplingChannel>())
            if (double.TryParse(config[$"ContactSampling:Minutes:{SamplingCodes.Of(c)}"], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 0)
                minutes[c] = m;
        var hours = double.TryParse(config["ContactSampling:HoursPerPersonYear"], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0 ? h : 1600;
        return new SamplingSettings(minutes, hours);
    }
}
