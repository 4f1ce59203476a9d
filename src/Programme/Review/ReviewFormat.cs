using System.Globalization;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Review;

/// <summary>How the review writes values, targets, statuses and changes in one culture; shared by the PPTX, DOCX and web renderings.</summary>
public static class ReviewFormat
{
    /// <summary>Traffic-light colours as RGB hex (no #), also used for the "●" before the status text.</summary>
    public static string LightColour(TrafficLight light) => light switch
    {
        TrafficLight.Green => "2E7D32",
        TrafficLight.Amber => "B7791F",
        TrafficLight.Red => "C62828",
        _ => "6B6B6B",
    };

    public static string Light(TrafficLight light, CultureInfo c) => Texts.Get($"TrafficLight.{light}", c);

    public static string Status(ActionStatus? status, CultureInfo c) =>
        status is { } s ? Texts.Get($"ActionStatus.{s}", c) : Texts.Get("Review.NoStatus", c);

    public static string Number(decimal value, CultureInfo c) => value.ToString("#,0.##", c);

    public static string Value(decimal? value, string? text, MetricKind kind, string unit, CultureInfo c)
    {
        if (kind == MetricKind.YesNo && value is { } yn)
            return Texts.Get(yn == 1 ? "Common.Yes" : "Common.No", c);
        if (value is { } v)
            return unit.Length == 0 ? Number(v, c) : $"{Number(v, c)} {unit}";
        return string.IsNullOrWhiteSpace(text) ? Texts.Get("Review.NoValue", c) : text;
    }

    public static string Latest(MetricView m, CultureInfo c) => m.Latest is { } l
        ? $"{Value(l.Value, l.TextValue, m.Kind, m.Unit, c)} ({Texts.Date(l.Date, c)}){(m.Computed ? ", " + Texts.Get("Review.Computed", c) : "")}"
        : Texts.Get("Review.NoValue", c);

    public static string Target(MetricView m, CultureInfo c) => m.Target is { } t
        ? Value(t.Value, t.TextValue, m.Kind, m.Unit, c) + (t.Due is { } due ? $" ({due.Display})" : t.DuePeriodText is { Length: > 0 } raw ? $" ({raw})" : "")
        : Texts.Get("Review.NoValue", c);

    public static string Action(ActionView a, CultureInfo c)
    {
        var status = Status(a.Status, c);
        if (a.Status == ActionStatus.Postponed && a.PostponedTo is { } to)
            status = Texts.Format("Review.PostponedTo", c, status, Texts.Date(to, c));
        return Texts.Format("Review.Action", c, a.Number, a.Title, status);
    }

    public static string Euros(decimal amount, CultureInfo c) => Texts.Euros(amount, c);

    public static string Percent(decimal? value, CultureInfo c) => value is { } v ? v.ToString("0.0", c) + " %" : Texts.Get("Review.NoValue", c);

    public static string WorkPackageHeading(WorkPackageView w, CultureInfo c) =>
        Texts.Format("Review.WorkPackageHeading", c, $"{w.PillarCode} {w.InvestmentCode}".Trim(), w.Code, w.Title);

    private static string Owner(string? code, CultureInfo c) => code ?? Texts.Get("Review.ProgrammeLevel", c);

    /// <summary>The "changes since the last review" as headed groups of lines; empty groups are left out.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Changes(ChangesSinceReview ch, CultureInfo c)
    {
        var groups = new List<(string, IReadOnlyList<string>)>();
        void Add(string key, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count > 0) groups.Add((Texts.Get(key, c), list));
        }
        Add("Changes.StatusChanges", ch.StatusChanges.Select(x => Texts.Format("Changes.StatusChange", c,
            x.WorkPackageCode, x.Number, x.Title,
            x.From is null ? Texts.Get("Changes.NoPreviousStatus", c) : Status(x.From, c),
            x.To == ActionStatus.Postponed && x.PostponedTo is { } to ? Texts.Format("Review.PostponedTo", c, Status(x.To, c), Texts.Date(to, c)) : Status(x.To, c),
            Texts.Date(x.ChangedOn, c))));
        Add("Changes.NewMeasurements", ch.NewMeasurements.Select(x => Texts.Format("Changes.NewMeasurement", c,
            Owner(x.WorkPackageCode, c), x.MetricName, Value(x.Value, x.TextValue, x.Kind, x.Unit, c), Texts.Date(x.Date, c))));
        Add("Changes.OverdueMilestones", ch.OverdueMilestones.Select(x => Texts.Format("Changes.OverdueMilestone", c,
            x.WorkPackageCode, x.Text, Texts.Date(x.Due, c))));
        Add("Changes.StaleMetrics", ch.StaleMetrics.Select(x => Texts.Format("Changes.StaleMetric", c,
            Owner(x.WorkPackageCode, c), x.MetricName, x.LastMeasured is { } d ? Texts.Date(d, c) : Texts.Get("Changes.NeverMeasured", c))));
        Add("Changes.Unassigned", ch.Unassigned.Select(x => $"{x.Code} {x.Title}"));
        return groups;
    }
}
