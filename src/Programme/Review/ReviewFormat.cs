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

    /// <summary>No-break space: keeps an amount, its digit groups and its unit on one line in every output.</summary>
    public const char Nbsp = '\u00A0';

    /// <summary>Digit groups joined by no-break spaces whatever the culture's group separator (fi and sv already use one).</summary>
    public static string Number(decimal value, CultureInfo c) => Unbreakable(value.ToString("#,0.##", c));

    /// <summary>Turns the spaces and narrow spaces of a formatted figure into no-break spaces.</summary>
    public static string Unbreakable(string figure) => figure.Replace(' ', Nbsp).Replace('\u202F', Nbsp);

    public static string Value(decimal? value, string? text, MetricKind kind, string unit, CultureInfo c)
    {
        if (kind == MetricKind.YesNo && value is { } yn)
            return Texts.Get(yn == 1 ? "Common.Yes" : "Common.No", c);
        if (value is { } v)
            return unit.Length == 0 ? Number(v, c) : $"{Number(v, c)}{Nbsp}{unit}";
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

    /// <summary>"2 756 090 €" with no-break spaces, so that no renderer can break it across lines.</summary>
    public static string Euros(decimal amount, CultureInfo c) => Unbreakable(Texts.Euros(amount, c));

    public static string Percent(decimal? value, CultureInfo c) => value is { } v ? v.ToString("0.0", c) + Nbsp + "%" : Texts.Get("Review.NoValue", c);

    /// <summary>"Hankeaika 2023–2025", or null when the programme has no years set (the line is then left out).</summary>
    public static string? ProgrammePeriod(ReviewModel m, CultureInfo c) =>
        m.HasPeriod ? Texts.Format("Review.ProgrammePeriod", c, m.StartYear, m.EndYear) : null;

    /// <summary>"Vastuuhenkilöt: …" from the plan's responsible people, else the assigned planners; null when neither.</summary>
    public static string? Responsible(WorkPackageView w, CultureInfo c) =>
        w.Responsible.Length > 0 ? Texts.Format("Review.Responsible", c, w.Responsible)
        : w.Assignees.Count > 0 ? Texts.Format("Review.Responsible", c, string.Join(", ", w.Assignees))
        : null;

    /// <summary>"Budjetti: suunniteltu … · toteutunut … · ennuste …" of one work package, or null when it has no budget lines.</summary>
    public static string? WorkPackageBudget(WorkPackageView w, CultureInfo c) => w.HasBudget
        ? Texts.Format("Review2.WorkPackageBudget", c, Euros(w.Budget.Planned, c), Euros(w.Budget.Actual, c), Euros(w.Budget.Forecast, c))
        : null;

    /// <summary>A slide or table title continued on the next slide: "Riskit (jatkuu)".</summary>
    public static string Continued(string title, CultureInfo c) => Texts.Format("Review2.Continued", c, title);

    /// <summary>Free text split into paragraphs at blank lines; line ends normalised to "\n".</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n')
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string PlanChangeStatus(PlanChangeStatus s, CultureInfo c) => Texts.Get($"PlanChangeStatus.{s}", c);

    public static string Procurement(ProcurementView p, CultureInfo c) =>
        p.Status.Length > 0 ? $"{p.Description} ({p.Status})" : p.Description;

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
