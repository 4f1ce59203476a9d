using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Tests.Fixtures;

/// <summary>Builds small, fully linked programme graphs in memory, assigning ids as a database would.</summary>
public sealed class ProgrammeFixture
{
    private int _id;
    private int Next() => ++_id;

    public DevelopmentProgramme Programme { get; }

    public ProgrammeFixture(string name = "Testihanke", int start = 2023, int end = 2025)
    {
        Programme = new DevelopmentProgramme { Id = Next(), Name = name, StartYear = start, EndYear = end };
    }

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public Pillar Pillar(string code, string title, int order = 1)
    {
        var p = new Pillar { Id = Next(), ProgrammeId = Programme.Id, Code = code, Title = title, Order = order };
        Programme.Pillars.Add(p);
        return p;
    }

    public Investment Investment(Pillar pillar, string code, string title, decimal cost, int order = 1)
    {
        var i = new Investment { Id = Next(), PillarId = pillar.Id, Pillar = pillar, Code = code, Title = title, CostEstimate = cost, Order = order };
        pillar.Investments.Add(i);
        return i;
    }

    public WorkPackage WorkPackage(Investment inv, string code, string title, decimal cost, int order = 1, params string[] assignees)
    {
        var wp = new WorkPackage
        {
            Id = Next(), InvestmentId = inv.Id, Investment = inv, Code = code, Title = title, CostEstimate = cost, Order = order,
            Responsible = assignees.Length == 0 ? "" : string.Join(", ", assignees),
        };
        foreach (var a in assignees) wp.Assignments.Add(new WorkPackageAssignment { Id = Next(), WorkPackageId = wp.Id, UserName = a });
        inv.WorkPackages.Add(wp);
        return wp;
    }

    public Goal Goal(WorkPackage wp, string text)
    {
        var g = new Goal { Id = Next(), WorkPackageId = wp.Id, Order = wp.Goals.Count + 1, Text = text };
        wp.Goals.Add(g);
        return g;
    }

    public WorkAction Action(WorkPackage wp, int number, string title, params (ActionStatus Status, DateOnly Date)[] history)
    {
        var a = new WorkAction { Id = Next(), WorkPackageId = wp.Id, Number = number, Title = title };
        foreach (var (s, d) in history) Status(a, s, d);
        wp.Actions.Add(a);
        return a;
    }

    public ActionStatusEntry Status(WorkAction a, ActionStatus status, DateOnly date, DateOnly? postponedTo = null, string comment = "")
    {
        var e = new ActionStatusEntry { Id = Next(), WorkActionId = a.Id, Status = status, Date = date, PostponedTo = postponedTo, Comment = comment };
        a.History.Add(e);
        return e;
    }

    public Metric Metric(WorkPackage? wp, string name, MetricKind kind, string unit = "", bool higherIsBetter = true,
        decimal? scaleMin = null, decimal? scaleMax = null)
    {
        var m = new Metric
        {
            Id = Next(), ProgrammeId = Programme.Id, WorkPackageId = wp?.Id, Name = name, Kind = kind, Unit = unit,
            HigherIsBetter = higherIsBetter, ScaleMin = scaleMin, ScaleMax = scaleMax,
        };
        (wp?.Metrics ?? Programme.Metrics).Add(m);
        return m;
    }

    public MetricTarget Target(Metric m, decimal? value, string? due)
    {
        var t = new MetricTarget { Id = Next(), MetricId = m.Id, Value = value, DuePeriod = due };
        m.Targets.Add(t);
        return t;
    }

    public Measurement Measure(Metric m, DateOnly date, decimal? value, int? n = null)
    {
        var x = new Measurement { Id = Next(), MetricId = m.Id, Date = date, Value = value, N = n, RecordedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        m.Measurements.Add(x);
        return x;
    }

    public BudgetLine Budget(WorkPackage wp, string category, decimal planned, decimal actual, decimal forecast)
    {
        var b = new BudgetLine { Id = Next(), WorkPackageId = wp.Id, Category = category, Planned = planned, Actual = actual, Forecast = forecast };
        wp.BudgetLines.Add(b);
        return b;
    }

    public Risk Risk(WorkPackage wp, string description, int probability, int impact, int? score = null)
    {
        var r = new Risk { Id = Next(), WorkPackageId = wp.Id, Description = description, Probability = probability, Impact = impact, Score = score ?? probability * impact };
        wp.Risks.Add(r);
        return r;
    }

    public Milestone Milestone(WorkPackage wp, string text, DateOnly? due, bool done = false)
    {
        var m = new Milestone { Id = Next(), WorkPackageId = wp.Id, Period = due?.ToString("M/yyyy") ?? "", Due = due, Text = text, Done = done };
        wp.Milestones.Add(m);
        return m;
    }

    public PlanChange PlanChange(WorkPackage? wp, string description, DateOnly date, PlanChangeStatus status)
    {
        var c = new PlanChange { Id = Next(), ProgrammeId = Programme.Id, WorkPackageId = wp?.Id, Description = description, Date = date, Status = status };
        Programme.PlanChanges.Add(c);
        return c;
    }

    public ProcurementLine Procurement(WorkPackage wp, string description, decimal amount, string status = "")
    {
        var x = new ProcurementLine { Id = Next(), WorkPackageId = wp.Id, Description = description, Amount = amount, Status = status };
        wp.ProcurementLines.Add(x);
        return x;
    }

    public WorkPackageReviewNote ReviewNote(WorkPackage wp, DateOnly date, string text)
    {
        var x = new WorkPackageReviewNote { Id = Next(), WorkPackageId = wp.Id, Date = date, Text = text };
        wp.ReviewNotes.Add(x);
        return x;
    }

    public InvestmentFinanceNote FinanceNote(Investment investment, DateOnly date, string text)
    {
        var x = new InvestmentFinanceNote { Id = Next(), InvestmentId = investment.Id, Date = date, Text = text };
        investment.FinanceNotes.Add(x);
        return x;
    }

    public ReviewMeeting Meeting(DateOnly date)
    {
        var r = new ReviewMeeting { Id = Next(), ProgrammeId = Programme.Id, Date = date };
        Programme.ReviewMeetings.Add(r);
        return r;
    }
}

/// <summary>
/// The shared demo programme with known figures (meeting 12.12.2024, previous 10.9.2024):
/// P4 / INV1 (300 000 €): TP1 Digituki (200 000 €, 3 actions, 2 metrics, overdue milestone), TP2 Chat (100 000 €, no owner, stale NPS);
/// P4 / INV2 (50 000 €): TP1 Hyte (no budget lines, no actions, yes/no metric never measured).
/// Consistent: no findings.
/// </summary>
public sealed class StandardProgramme
{
    public static readonly DateOnly Meeting = new(2024, 12, 12);
    public static readonly DateOnly PreviousMeeting = new(2024, 9, 10);

    public ProgrammeFixture F { get; } = new("Kestävän kasvun Testimaa");
    public WorkPackage Tp1 { get; }
    public WorkPackage Tp2 { get; }
    public WorkPackage Hyte { get; }
    public Metric RemoteShare { get; }
    public Metric Trained { get; }
    public Metric Nps { get; }
    public Metric TrayInUse { get; }
    public Metric CareGuarantee { get; }
    public DevelopmentProgramme Programme => F.Programme;

    public StandardProgramme()
    {
        var d = ProgrammeFixture.D;
        var p4 = F.Pillar("P4", "Pilari 4");
        var inv1 = F.Investment(p4, "INV1", "Palvelujen saatavuus", 300_000m, 1);
        var inv2 = F.Investment(p4, "INV2", "Hyte", 50_000m, 2);

        // Added out of order on purpose: the review orders by investment and work-package order.
        Hyte = F.WorkPackage(inv2, "TP1", "Hyte-palvelutarjotin", 50_000m, 1, "laura");
        Tp2 = F.WorkPackage(inv1, "TP2", "Chat ja chatbot", 100_000m, 2);
        Tp1 = F.WorkPackage(inv1, "TP1", "Digituki", 200_000m, 1, "maarit");

        F.Goal(Tp1, "Asiakkaiden digituki kuntoon");
        F.Budget(Tp1, "Henkilöstö", 150_000m, 60_000m, 140_000m);
        F.Budget(Tp1, "Ostopalvelut", 50_000m, 20_000m, 50_000m);
        F.Action(Tp1, 1, "Digituen malli", (ActionStatus.Planned, d(2024, 1, 10)), (ActionStatus.Ongoing, d(2024, 3, 1)), (ActionStatus.Done, d(2024, 11, 15)));
        F.Action(Tp1, 2, "Koulutus", (ActionStatus.Planned, d(2024, 1, 10)), (ActionStatus.Ongoing, d(2024, 6, 1)));
        var chatbot = F.Action(Tp1, 3, "Chatbot", (ActionStatus.Planned, d(2024, 1, 10)));
        F.Status(chatbot, ActionStatus.Postponed, d(2024, 10, 1), d(2025, 3, 1));
        RemoteShare = F.Metric(Tp1, "Etäasioinnin osuus", MetricKind.Percentage, "%");
        F.Target(RemoteShare, 35m, "Q4/2024");
        F.Measure(RemoteShare, d(2024, 3, 31), 28m);
        F.Measure(RemoteShare, d(2024, 6, 30), 31m);
        F.Measure(RemoteShare, d(2024, 9, 30), 33.5m);
        Trained = F.Metric(Tp1, "Koulutetut ammattilaiset", MetricKind.Count, "hlö");
        F.Target(Trained, 100m, "2024");
        F.Measure(Trained, d(2024, 11, 30), 120m);
        F.Risk(Tp1, "Henkilöstön vaihtuvuus", 3, 4);
        F.Milestone(Tp1, "Pilotti valmis", d(2024, 10, 31));
        F.Milestone(Tp1, "Malli kuvattu", d(2024, 5, 31), done: true);

        F.Budget(Tp2, "Henkilöstö", 100_000m, 10_000m, 90_000m);
        F.Action(Tp2, 1, "Chat-pilotti", (ActionStatus.Planned, d(2024, 2, 1)));
        Nps = F.Metric(Tp2, "Chatin NPS", MetricKind.Nps);
        F.Target(Nps, 30m, "2025Q4");
        F.Measure(Nps, d(2024, 5, 15), 10m);
        F.Risk(Tp2, "Toimittaja myöhässä", 2, 2);

        TrayInUse = F.Metric(Hyte, "Palvelutarjotin käytössä", MetricKind.YesNo);
        F.Target(TrayInUse, 1m, "Q4/2024");

        CareGuarantee = F.Metric(null, "Hoitotakuu 7 vrk", MetricKind.Percentage, "%");
        F.Target(CareGuarantee, 66m, "Q2/2024");
        F.Target(CareGuarantee, 80m, "Q4/2025");
        F.Measure(CareGuarantee, d(2024, 6, 30), 60m);
        F.Measure(CareGuarantee, d(2024, 11, 30), 82m);

        F.Procurement(Tp1, "Digituen verkkokoulutus", 12_500m, "Toteutettu");
        F.Procurement(Tp2, "Chat-alusta", 48_000m, "Kilpailutus käynnissä");
        F.ReviewNote(Tp1, d(2024, 9, 1), "Edellisen jakson kertomus.");
        F.ReviewNote(Tp1, d(2024, 12, 2), "Digituen malli valmistui ja julkaistiin.\n\nKoulutukset jatkuvat keväällä.");
        F.FinanceNote(inv1, d(2024, 12, 5), "Toteuma-arvio parantunut, hankinnat edenneet.");
        F.FinanceNote(inv1, d(2024, 9, 10), "Edellisen kokouksen talouskommentti.");

        F.PlanChange(Tp2, "TP2 laajennus", d(2024, 6, 1), PlanChangeStatus.Approved);
        F.PlanChange(Tp1, "Chat&Chatbot", d(2025, 1, 15), PlanChangeStatus.InPreparation);
        F.PlanChange(null, "Myöhempi muutos", d(2025, 2, 1), PlanChangeStatus.Approved);

        F.Meeting(d(2024, 6, 5));
        F.Meeting(PreviousMeeting);
        F.Meeting(Meeting);
    }
}
