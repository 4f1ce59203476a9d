using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.Domain;

/// <summary>How a <see cref="TrajectoryJudgement"/> reads in each language: the light's name and why it is so.</summary>
public static class TrajectoryText
{
    public static string Light(TrafficLight light, CultureInfo? c = null) => Texts.Get("Trajectory.Light." + light, c);

    /// <summary>"forecast 74,1 %, target within the interval 66,0 %–82,2 %"; <paramref name="format"/> writes a value in the measure's unit.</summary>
    public static string Reason(TrajectoryJudgement j, Func<double?, string> format, CultureInfo? c = null)
    {
        var interval = j.Low is { } lo && j.High is { } hi ? format(lo) + "–" + format(hi) : "";
        return Texts.Format("Trajectory.Reason." + j.Reason, c, format(j.Forecast), interval);
    }
}
