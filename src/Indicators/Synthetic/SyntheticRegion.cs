using System.Globalization;
using System.Text;
using Tilannekuva.Indicators.Ingest;

namespace Tilannekuva.Indicators.Synthetic;

/// <summary>What <see cref="SyntheticRegion.Write"/> produced: the files in import order, with their mappings.</summary>
public sealed record SyntheticFiles(string Folder, IReadOnlyList<(SourceKind Kind, string File, string? Mapping)> Files, int Rows);

/// <summary>
/// A deterministic synthetic wellbeing services county shaped like Kainuu: eight municipalities,
/// their health stations, residents with made-up identity codes, and a few years of care-need
/// assessments, visits and contacts, written as export files the import reads. The same seed gives
/// the same files. Identity codes use individual numbers 900–999 (never issued to real people) and
/// are made up at run time; care-guarantee waits are drawn so that about 68 % fall within 7 days.
/// With <c>now</c> (on the last day) the files are a snapshot taken at that moment: later events are left
/// out and later callbacks are still open, so a steering board of the last day looks alive. The waiting
/// list and the staffing roster are snapshots as at the end (or now), drawn from their own random stream so
/// the event files stay the same as without them.
/// </summary>
public sealed class SyntheticRegion(int population, int years, int seed, DateOnly? end = null, DateTime? now = null, RegionShape? shape = null)
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly RegionShape _shape = shape ?? RegionShape.Kainuu;

    private (string Name, string Code, string Area, double Share, string[] Stations)[] Municipalities => _shape.Municipalities;

    /// <summary>Municipality, Statistics Finland code, area, share of the population, health stations.</summary>
    internal static readonly (string Name, string Code, string Area, double Share, string[] Stations)[] KainuuMunicipalities =
    [
        ("Kajaani", "205", "Keski-Kainuu", 0.51, ["Kajaanin terveysasema", "Lehtikankaan terveysasema"]),
        ("Sotkamo", "765", "Itä-Kainuu", 0.145, ["Sotkamon terveysasema"]),
        ("Kuhmo", "290", "Itä-Kainuu", 0.11, ["Kuhmon terveysasema"]),
        ("Suomussalmi", "777", "Ylä-Kainuu", 0.105, ["Suomussalmen terveysasema"]),
        ("Paltamo", "578", "Keski-Kainuu", 0.045, ["Paltamon terveysasema"]),
        ("Puolanka", "620", "Ylä-Kainuu", 0.035, ["Puolangan terveysasema"]),
        ("Hyrynsalmi", "105", "Ylä-Kainuu", 0.033, ["Hyrynsalmen terveysasema"]),
        ("Ristijärvi", "697", "Keski-Kainuu", 0.017, ["Ristijärven terveysasema"]),
    ];

    public SyntheticFiles Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var last = end ?? new DateOnly(2025, 12, 31);
        var first = last.AddYears(-years).AddDays(1);
        var days = last.DayNumber - first.DayNumber + 1;
        var rows = 0;

        // Org units: region → areas → municipalities → health stations.
        var units = new List<(string Id, string Municipality)>();
        using (var w = Writer(folder, "org_units.csv", Encoding.UTF8))
        {
            w.WriteLine("source_id;name;parent_id;kind;municipality_code");
            w.WriteLine($"{_shape.Id};{_shape.Name};;region;");
            foreach (var area in Municipalities.Select(m => m.Area).Distinct())
                w.WriteLine($"{Slug(area)};{area};{_shape.Id};area;");
            foreach (var m in Municipalities)
            {
                w.WriteLine($"K{m.Code};{m.Name};{Slug(m.Area)};municipality;{m.Code}");
                for (var i = 0; i < m.Stations.Length; i++)
                {
                    var id = $"K{m.Code}-TA{i + 1}";
                    w.WriteLine($"{id};{m.Stations[i]};K{m.Code};unit;{m.Code}");
                    units.Add((id, m.Name));
                }
            }
            rows += 1 + Municipalities.Select(m => m.Area).Distinct().Count() + Municipalities.Length + units.Count;
        }

        // Residents: a home station each and a made-up identity code.
        var codes = new HashSet<string>();
        var people = new List<(string Code, string Unit)>(population);
        while (people.Count < population)
        {
            var m = Pick(random, Municipalities, x => x.Share);
            var stations = units.Where(u => u.Municipality == m.Name).ToList();
            var code = SyntheticIdentityCode(random);
            if (codes.Add(code)) people.Add((code, stations[random.Next(stations.Count)].Id));
        }

        var visitMappingPath = Path.Combine(folder, "visits.mapping.json");
        File.WriteAllText(visitMappingPath, VisitMapping);
        using var assessments = Writer(folder, "assessments.csv", Encoding.UTF8);
        using var visits = Writer(folder, "visits.csv", Encoding.UTF8);
        using var contacts = Writer(folder, "contacts.csv", Encoding.GetEncoding(1252));
        assessments.WriteLine("source_id;person_id;unit_id;assessed_at;channel;profession");
        visits.WriteLine("KayntiID;Henkilotunnus;Nimi;Toimipiste;Kayntiaika;Kiireellisyys;Yhteystapa;Ammattiryhma;Palvelu;HTA_ID;HTA_pvm;Hoitaja;Hoitosuunnitelma;Todistus");
        contacts.WriteLine("source_id;unit_id;received_at;channel;reason;outcome;callback_requested_at;callback_done_at;demand_class;handling_minutes");

        var (assessmentNo, visitNo, contactNo) = (0, 0, 0);
        var cutoff = now ?? DateTime.MaxValue;
        foreach (var (code, unit) in people)
        {
            var visitCount = Poisson(random, 2.4 * years);
            for (var i = 0; i < visitCount; i++)
            {
                var day = first.AddDays(random.Next(days));
                var at = day.ToDateTime(new TimeOnly(8 + random.Next(8), random.Next(4) * 15));
                var urgent = random.NextDouble() < 0.2;
                var profession = Pick(random, [("lääkäri", 0.4), ("hoitaja", 0.55), ("muu", 0.05)], x => x.Item2).Item1;
                string assessmentId = "", assessmentDate = "";
                if (!urgent && random.NextDouble() < 0.93)
                {
                    var wait = (int)Math.Round(Wait(random) * _shape.WaitScale);
                    var assessedAt = at.AddDays(-wait).Date.AddHours(8).AddMinutes(random.Next(480));
                    if (random.NextDouble() < 0.7)
                    {
                        assessmentId = $"HTA{++assessmentNo:D8}";
                        assessments.WriteLine($"{assessmentId};{code};{unit};{assessedAt.ToString("d.M.yyyy H:mm", Inv)};{Pick(random, [("phone", 0.7), ("chat", 0.15), ("e_service", 0.15)], x => x.Item2).Item1};nurse");
                        rows++;
                    }
                    else assessmentDate = assessedAt.ToString("d.M.yyyy", Inv);
                }
                var mode = Pick(random, [("R10", 0.64), ("R20", 0.02), ("R50", 0.2), ("R55", 0.05), ("R56", 0.04), ("R52", 0.05)], x => x.Item2).Item1;
                var service = Pick(random, [("avosairaanhoito", 0.85), ("suun terveydenhuolto", 0.1), ("mielenterveys", 0.05)], x => x.Item2).Item1;
                var practitioner = $"{unit}-{profession}-{random.Next(profession == "lääkäri" ? 4 : 6)}";
                var carePlan = random.NextDouble() < 0.05 ? "1" : "0";
                var certificate = random.NextDouble() < 0.03 ? "1" : "0";
                if (at > cutoff) { visitNo++; continue; }
                visits.WriteLine(string.Join(';', $"K{++visitNo:D9}", code, "Testi Henkilö", unit, at.ToString("d.M.yyyy H:mm", Inv), urgent ? "K" : "E", mode,
                    profession, service, assessmentId, assessmentDate, practitioner, carePlan, certificate));
                rows++;
            }

            var contactCount = Poisson(random, 3.0 * years);
            for (var i = 0; i < contactCount; i++)
            {
                var received = first.AddDays(random.Next(days)).ToDateTime(new TimeOnly(8 + random.Next(7), random.Next(60)));
                var channel = Pick(random, [("phone", 0.6), ("chat", 0.15), ("e_service", 0.15), ("e_message", 0.1)], x => x.Item2).Item1;
                var outcome = Pick(random, [("callback", 0.4), ("resolved", 0.35), ("visit_booked", 0.2), ("redirected", 0.05)], x => x.Item2).Item1;
                string requested = "", done = "";
                if (outcome == "callback")
                {
                    requested = received.ToString("d.M.yyyy H:mm", Inv);
                    if (random.NextDouble() < 0.97)
                    {
                        var hours = Math.Exp(Math.Log(3) + 0.9 * Gaussian(random));
                        done = received.AddMinutes(Math.Round(hours * 60)).ToString("d.M.yyyy H:mm", Inv);
                    }
                }
                var classified = random.NextDouble() < 0.3;
                var demand = classified ? (random.NextDouble() < 0.25 ? "failure" : "value") : "";
                var minutes = (3 + random.NextDouble() * 17).ToString("0.0", Fi);
                var reason = Pick(random, [("Lääkeasia", 1.0), ("Ajanvaraus", 1.0), ("Tulokset", 1.0), ("Muu yhteydenotto", 1.0)], x => x.Item2).Item1;
                if (received > cutoff) { contactNo++; continue; }
                if (done.Length > 0 && DateTime.ParseExact(done, "d.M.yyyy H:mm", Inv) > cutoff) done = "";
                contacts.WriteLine(string.Join(';', $"Y{++contactNo:D9}", unit, received.ToString("d.M.yyyy H:mm", Inv), channel, reason, outcome, requested, done, demand, minutes));
                rows++;
            }
        }

        // Weekly slot snapshots (Monday 8:00) for T3: two weeks of working-day slots per unit and profession,
        // fuller the nearer they are.
        using (var slots = Writer(folder, "slots.csv", Encoding.UTF8))
        {
            slots.WriteLine("source_id;unit_id;profession;starts_at;bookable_by;is_booked;observed_at");
            var slotNo = 0;
            var monday = first.AddDays((8 - (int)first.DayOfWeek) % 7);
            for (var week = monday; week <= last; week = week.AddDays(7))
            {
                var observed = week.ToDateTime(new TimeOnly(8, 0));
                if (observed > cutoff) break;
                foreach (var (unitId, _) in units)
                foreach (var (profession, perDay) in new[] { ("doctor", 8), ("nurse", 12) })
                    for (var ahead = 0; ahead < 14; ahead++)
                    {
                        var day = week.AddDays(ahead);
                        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                        for (var k = 0; k < perDay; k++)
                        {
                            var starts = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(30 * k + 30);
                            var booked = random.NextDouble() < 0.99 - 0.035 * ahead;
                            var bookable = random.NextDouble() < 0.8 ? "public" : "urgent";
                            slots.WriteLine($"S{++slotNo:D9};{unitId};{profession};{starts.ToString("d.M.yyyy H:mm", Inv)};{bookable};{(booked ? 1 : 0)};{observed.ToString("d.M.yyyy H:mm", Inv)}");
                            rows++;
                        }
                    }
            }
        }

        rows += WriteWaitingList(folder, units.Select(u => u.Id).ToList(), people, last);
        rows += WriteRoster(folder, units.Select(u => u.Id).ToList(), people, last);

        return new SyntheticFiles(folder,
        [
            (SourceKind.OrgUnits, Path.Combine(folder, "org_units.csv"), null),
            (SourceKind.Assessments, Path.Combine(folder, "assessments.csv"), null),
            (SourceKind.Visits, Path.Combine(folder, "visits.csv"), visitMappingPath),
            (SourceKind.Contacts, Path.Combine(folder, "contacts.csv"), null),
            (SourceKind.Slots, Path.Combine(folder, "slots.csv"), null),
            (SourceKind.WaitingList, Path.Combine(folder, "waiting_list.csv"), null),
            (SourceKind.Roster, Path.Combine(folder, "roster.csv"), null),
        ], rows);
    }

    /// <summary>
    /// Jonotilanne as at the last day: about 4 people a working day per 10,000 residents join their
    /// station's list over the last 90 days, most assessed the same day; most leave within two weeks, a
    /// tail waits longer. Entries that left more than 14 days ago are no longer in the export.
    /// </summary>
    private int WriteWaitingList(string folder, List<string> units, List<(string Code, string Unit)> people, DateOnly last)
    {
        var random = new Random(seed * 7919 + 11);
        var asOf = now is { } n ? DateOnly.FromDateTime(n) : last;
        var residents = people.GroupBy(p => p.Unit).ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToList());
        using var w = Writer(folder, "waiting_list.csv", Encoding.UTF8);
        w.WriteLine("source_id;person_id;unit_id;added_date;assessment_date;removed_date;profession");
        var (rows, no) = (0, 0);
        foreach (var unit in units)
        {
            if (!residents.TryGetValue(unit, out var codes) || codes.Count == 0) continue;
            for (var day = asOf.AddDays(-90); day <= asOf; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                var joining = Poisson(random, codes.Count * 0.0004);
                for (var k = 0; k < joining; k++)
                {
                    no++;
                    var assessed = random.NextDouble() < 0.9 ? day.AddDays(-random.Next(3)) : (DateOnly?)null;
                    var wait = Wait(random) + (random.NextDouble() < 0.1 ? 10 : 0);
                    var removed = day.AddDays(wait);
                    if (removed <= asOf && removed < asOf.AddDays(-14)) continue;
                    var profession = random.NextDouble() < 0.45 ? "doctor" : "nurse";
                    w.WriteLine(string.Join(';', $"J{no:D8}", codes[random.Next(codes.Count)], unit, day.ToString("d.M.yyyy", Inv),
                        assessed?.ToString("d.M.yyyy", Inv) ?? "", removed <= asOf ? removed.ToString("d.M.yyyy", Inv) : "", profession));
                    rows++;
                }
            }
        }
        return rows;
    }

    /// <summary>
    /// Työvuorolista for the last four weeks up to the last day: doctors, nurses and others planned by the
    /// station's size, a few absent on any day. No source id column: the import keys rows by unit|day|profession.
    /// </summary>
    private int WriteRoster(string folder, List<string> units, List<(string Code, string Unit)> people, DateOnly last)
    {
        var random = new Random(seed * 104729 + 17);
        var asOf = now is { } n ? DateOnly.FromDateTime(n) : last;
        var sizes = people.GroupBy(p => p.Unit).ToDictionary(g => g.Key, g => g.Count());
        using var w = Writer(folder, "roster.csv", Encoding.UTF8);
        w.WriteLine("unit_id;day;profession;planned;present");
        var rows = 0;
        foreach (var unit in units)
        {
            var size = sizes.GetValueOrDefault(unit);
            foreach (var (profession, perResident, minimum) in new[] { ("doctor", 1 / 4000.0, 1), ("nurse", 1 / 1500.0, 2), ("other", 1 / 6000.0, 1) })
            {
                var planned = Math.Max(minimum, (int)Math.Round(size * perResident));
                for (var day = asOf.AddDays(-27); day <= asOf; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                    var absent = Enumerable.Range(0, planned).Count(_ => random.NextDouble() < 0.08);
                    w.WriteLine($"{unit};{day.ToString("d.M.yyyy", Inv)};{profession};{planned};{planned - absent}");
                    rows++;
                }
            }
        }
        return rows;
    }

    /// <summary>A valid identity code with an individual number of 900–999 (reserved, never issued to real people).</summary>
    public static string SyntheticIdentityCode(Random random)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 90));
        var individual = 900 + random.Next(100);
        var digits = $"{birth:ddMMyy}{individual:D3}";
        var sign = birth.Year >= 2000 ? 'A' : '-';
        return $"{birth:ddMMyy}{sign}{individual:D3}{IdentityCode.CheckCharacter(digits)}";
    }

    /// <summary>Days from assessment to visit: about 25 % the same day and 68 % within a week.</summary>
    private static int Wait(Random r)
    {
        var x = r.NextDouble();
        return x switch
        {
            < 0.25 => 0,
            < 0.68 => 1 + r.Next(7),
            < 0.83 => 8 + r.Next(7),
            < 0.93 => 15 + r.Next(14),
            < 0.98 => 29 + r.Next(62),
            < 0.995 => 91 + r.Next(90),
            _ => 181 + r.Next(60),
        };
    }

    private const string VisitMapping = """
        {
          // A patient-record export with Finnish headers; "Nimi" is not mapped, so it is never read.
          "kind": "visits",
          "encoding": "utf-8",
          "delimiter": ";",
          "dateFormats": ["d.M.yyyy"],
          "dateTimeFormats": ["d.M.yyyy H:mm", "d.M.yyyy H.mm"],
          "columns": {
            "KayntiID": "source_id", "Henkilotunnus": "person_id", "Toimipiste": "unit_id", "Kayntiaika": "occurred_at",
            "Kiireellisyys": "urgency", "Yhteystapa": "contact_mode", "Ammattiryhma": "profession", "Palvelu": "service",
            "HTA_ID": "assessment_source_id", "HTA_pvm": "assessment_date", "Hoitaja": "practitioner",
            "Hoitosuunnitelma": "care_plan_visit", "Todistus": "certificate_only"
          },
          "values": {
            "urgency": { "K": "urgent", "E": "non_urgent" },
            "contact_mode": { "R10": "physical", "R20": "home_visit", "R50": "phone", "R52": "e_message", "R55": "video", "R56": "chat" },
            "profession": { "lääkäri": "doctor", "hoitaja": "nurse", "muu": "other" },
            "service": { "avosairaanhoito": "outpatient_care", "suun terveydenhuolto": "oral_care", "mielenterveys": "mental_health" }
          }
        }
        """;

    private static StreamWriter Writer(string folder, string name, Encoding encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new StreamWriter(Path.Combine(folder, name), false, encoding is UTF8Encoding ? new UTF8Encoding(false) : Encoding.GetEncoding(1252));
    }

    private static string Slug(string s) => new(s.ToUpperInvariant().Replace('Ä', 'A').Replace('Ö', 'O').Where(char.IsAsciiLetterOrDigit).ToArray());

    private static T Pick<T>(Random r, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var x = r.NextDouble() * items.Sum(weight);
        foreach (var item in items) { x -= weight(item); if (x <= 0) return item; }
        return items[^1];
    }

    private static int Poisson(Random r, double mean)
    {
        var (l, k, p) = (Math.Exp(-mean), 0, 1.0);
        do { k++; p *= r.NextDouble(); } while (p > l);
        return k - 1;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}

/// <summary>
/// The shape of a synthetic county: its root id and name, municipalities (name, code, area, share of the
/// population, health stations) and how long care-guarantee waits run compared with the Kainuu default
/// (<see cref="WaitScale"/> 1.5: every drawn wait half as long again). The national comparison demo draws
/// counties of different shapes with it.
/// </summary>
public sealed record RegionShape(string Id, string Name, (string Name, string Code, string Area, double Share, string[] Stations)[] Municipalities, double WaitScale = 1.0)
{
    /// <summary>The default: Kainuu's eight municipalities in three areas.</summary>
    public static readonly RegionShape Kainuu = new("KAINUU", "Kainuun hyvinvointialue", SyntheticRegion.KainuuMunicipalities);
}
