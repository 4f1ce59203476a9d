using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Demo;

/// <summary>
/// A synthetic tray for the demo region (Kainuu-shaped: eight municipalities): wellbeing and health promotion
/// services of the county, the municipalities and associations, in Finnish, Swedish and English, each at a
/// place in every municipality with weekly hours, plus phone and e-services. Addresses, numbers and web
/// addresses are invented (example.fi / .example); the codes are illustrative. Source "demo".
/// </summary>
public static class TrayDemo
{
    public const string Source = "demo";

    private sealed record Municipality(string Code, string Name, string PostalCode, double Lat, double Lon);

    private static readonly Municipality[] Municipalities =
    [
        new("205", "Kajaani", "87100", 64.2245, 27.7334), new("765", "Sotkamo", "88600", 64.1307, 28.3906),
        new("620", "Paltamo", "88300", 64.4058, 27.8345), new("290", "Kuhmo", "88900", 64.1259, 29.5185),
        new("777", "Suomussalmi", "89600", 64.8866, 28.9074), new("697", "Puolanka", "89200", 64.8686, 27.6716),
        new("105", "Hyrynsalmi", "89400", 64.6759, 28.4939), new("707", "Ristijärvi", "88400", 64.5070, 28.2137),
    ];

    private static readonly Coded Citizens = new("KR1", new("Kansalaiset", "Medborgare", "Citizens"));
    private static readonly Coded Families = new("KR1.1", new("Lapsiperheet", "Barnfamiljer", "Families with children"));
    private static readonly Coded Older = new("KR1.2", new("Ikääntyneet", "Äldre", "Older people"));
    private static readonly Coded Young = new("KR1.4", new("Nuoret", "Unga", "Young people"));
    private static readonly Coded Exercise = new("P27.1", new("Liikunta ja ulkoilu", "Motion och friluftsliv", "Sports and outdoor activities"));
    private static readonly Coded Carers = new("P10.2", new("Omaishoito", "Närståendevård", "Informal care"));
    private static readonly Coded MentalHealth = new("P11.4", new("Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental health services"));
    private static readonly Coded FamilyServices = new("P10.5", new("Perheiden palvelut", "Tjänster för familjer", "Services for families"));
    private static readonly Coded Promotion = new("P11.1", new("Terveyden edistäminen", "Hälsofrämjande", "Health promotion"));
    private static readonly Coded CaringLifeEvent = new("KE9", new("Omaisen hoitaminen", "Vård av anhörig", "Caring for a relative"));

    /// <summary>One kind of activity offered in every municipality: names, descriptions, codes, the place and its weekly hours.</summary>
    private sealed record Activity(string Key, LocalisedText Name, LocalisedText Description, Coded Class, Coded[] Groups, bool Free, string Venue, DayOfWeek Day, int From, int To, string Organiser);

    private static readonly Activity[] Activities =
    [
        new("carers-peer", new("Omaishoitajien vertaisryhmä", "Kamratstödsgrupp för närståendevårdare", "Peer support group for family carers"),
            new("Omaishoitajat tapaavat toisiaan, jakavat kokemuksia ja saavat tietoa palveluista. Ei ilmoittautumista.", "Närståendevårdare träffas, delar erfarenheter och får information om tjänster. Ingen anmälan.", "Family carers meet, share experiences and learn about services. No registration."),
            Carers, [Citizens, Older], true, "Järjestötalo", DayOfWeek.Tuesday, 17, 19, "Kainuun omaishoitajat ry"),
        new("senior-gym", new("Ikäihmisten kuntosaliryhmä", "Gymgrupp för äldre", "Gym group for older people"),
            new("Ohjattua lihaskunto- ja tasapainoharjoittelua yli 65-vuotiaille. Sopii myös liikunnan aloittajille.", "Handledd styrke- och balansträning för personer över 65 år. Passar också nybörjare.", "Guided strength and balance training for people over 65. Suits beginners too."),
            Exercise, [Older], false, "Liikuntahalli", DayOfWeek.Monday, 10, 11, "Kunnan liikuntapalvelut"),
        new("balance", new("Tasapainoryhmä ikääntyneille", "Balansgrupp för äldre", "Balance group for older people"),
            new("Kaatumisia ehkäisevää tasapainoharjoittelua pienryhmässä fysioterapeutin ohjauksessa.", "Balansträning som förebygger fall, i liten grupp med fysioterapeut.", "Balance training that prevents falls, in a small group led by a physiotherapist."),
            Exercise, [Older], false, "Terveysasema", DayOfWeek.Wednesday, 13, 14, "Hyvinvointialueen fysioterapia"),
        new("senior-dance", new("Senioritanssit", "Seniordans", "Senior dances"),
            new("Lavatansseja ja piiritansseja ikäihmisille. Paria ei tarvita.", "Pardanser och ringdanser för äldre. Ingen partner behövs.", "Ballroom and circle dances for older people. No partner needed."),
            Exercise, [Older], true, "Järjestötalo", DayOfWeek.Thursday, 13, 15, "Eläkeläisyhdistys"),
        new("water-gym", new("Vesijumppa ikääntyneille", "Vattengymnastik för äldre", "Water aerobics for older people"),
            new("Nivelystävällistä vesiliikuntaa uimahallissa. Uimataitoa ei tarvita.", "Ledvänlig vattenmotion i simhallen. Simkunnighet behövs inte.", "Joint-friendly water exercise at the swimming hall. No swimming skills needed."),
            Exercise, [Older], false, "Uimahalli", DayOfWeek.Friday, 9, 10, "Kunnan liikuntapalvelut"),
        new("nature-walk", new("Luontoliikuntaretket", "Naturutflykter", "Nature walks"),
            new("Ohjattuja kävelyretkiä lähiluontoon. Sopii hyvinvointilähetteellä tuleville.", "Guidade promenader i naturen nära hemmet. Passar dem som kommer med välfärdsremiss.", "Guided walks in nearby nature. Suits those coming with a wellbeing referral."),
            Exercise, [Citizens], true, "Kirjasto", DayOfWeek.Saturday, 10, 12, "Luontoyhdistys"),
        new("memory-cafe", new("Muistikahvila", "Minneskafé", "Memory café"),
            new("Kohtaamispaikka muistisairaille ja heidän läheisilleen. Tietoa muistiin liittyvistä palveluista.", "Mötesplats för personer med minnessjukdom och deras närstående.", "A meeting place for people with memory disorders and their families."),
            Carers, [Older, Citizens], true, "Kirjasto", DayOfWeek.Wednesday, 14, 16, "Muistiyhdistys"),
        new("family-club", new("Perhekerho", "Familjeklubb", "Family club"),
            new("Leikkiä, laulua ja juttuseuraa vauva- ja lapsiperheille.", "Lek, sång och sällskap för familjer med små barn.", "Play, songs and company for families with small children."),
            FamilyServices, [Families], true, "Seurakuntatalo", DayOfWeek.Tuesday, 9, 11, "Perheyhdistys"),
        new("youth-sports", new("Nuorten liikuntavuoro", "Idrottstur för unga", "Sports hour for young people"),
            new("Matalan kynnyksen liikuntaa 13–20-vuotiaille: sählyä, koripalloa ja kuntosali.", "Lågtröskelmotion för 13–20-åringar: innebandy, basket och gym.", "Low-threshold sports for 13–20-year-olds: floorball, basketball and gym."),
            Exercise, [Young], true, "Liikuntahalli", DayOfWeek.Thursday, 18, 20, "Nuorisopalvelut"),
        new("mental-peer", new("Mielenterveyden vertaisryhmä", "Kamratstödsgrupp för psykisk hälsa", "Mental health peer group"),
            new("Keskusteluryhmä mielen hyvinvoinnista vertaisohjaajan kanssa.", "Samtalsgrupp om psykiskt välbefinnande med en kamratledare.", "A discussion group on mental wellbeing with a peer leader."),
            MentalHealth, [Citizens, Young], true, "Järjestötalo", DayOfWeek.Monday, 17, 19, "Mielenterveysyhdistys"),
        new("exercise-advice", new("Liikuntaneuvonta", "Motionsrådgivning", "Exercise counselling"),
            new("Henkilökohtaista neuvontaa liikkumisen aloittamiseen. Ajanvaraus puhelimella.", "Personlig rådgivning för att börja röra på sig. Tidsbokning per telefon.", "Personal advice on starting to exercise. Book by phone."),
            Promotion, [Citizens], true, "Terveysasema", DayOfWeek.Monday, 8, 16, "Hyvinvointialueen terveyden edistäminen"),
        new("weight-group", new("Painonhallintaryhmä", "Viktkontrollgrupp", "Weight management group"),
            new("Kymmenen kerran ryhmä ravitsemuksesta, liikunnasta ja unesta.", "En grupp på tio träffar om kost, motion och sömn.", "A ten-session group on nutrition, exercise and sleep."),
            Promotion, [Citizens], false, "Terveysasema", DayOfWeek.Thursday, 15, 17, "Hyvinvointialueen terveyden edistäminen"),
    ];

    private static readonly Dictionary<string, (LocalisedText Name, string Street, double Dx, double Dy, bool Accessible)> Venues = new()
    {
        ["Järjestötalo"] = (new("Järjestötalo", "Föreningshuset", "Association house"), "Seurakatu", 0.004, -0.006, true),
        ["Liikuntahalli"] = (new("Liikuntahalli", "Idrottshallen", "Sports hall"), "Urheilutie", -0.010, 0.012, true),
        ["Terveysasema"] = (new("Terveysasema", "Hälsostationen", "Health station"), "Terveystie", 0.006, 0.010, true),
        ["Uimahalli"] = (new("Uimahalli", "Simhallen", "Swimming hall"), "Uimarinkatu", -0.008, -0.014, true),
        ["Kirjasto"] = (new("Kirjasto", "Biblioteket", "Library"), "Kirjastokatu", 0.002, 0.003, true),
        ["Seurakuntatalo"] = (new("Seurakuntatalo", "Församlingshemmet", "Parish hall"), "Kirkkotie", 0.009, -0.002, false),
    };

    public static TraySnapshot Snapshot()
    {
        var snapshot = new TraySnapshot(Source, "demo");
        snapshot.Kinds.UnionWith([EntryKind.Service, EntryKind.Channel, EntryKind.Organisation]);
        var county = new TrayOrganisation { SourceId = "demo-county", Name = new("Demoalueen hyvinvointialue", "Demoområdets välfärdsområde", "Demo Wellbeing Services County"), Type = "Region" };
        snapshot.Organisations[county.SourceId] = county;
        var number = 0;
        foreach (var m in Municipalities)
        {
            var municipality = new Coded(m.Code, new(m.Name, m.Name, m.Name));
            var places = new Dictionary<string, TrayChannel>();
            foreach (var a in Activities)
            {
                number++;
                var venue = Venues[a.Venue];
                var placeId = $"demo-place-{m.Code}-{a.Venue.ToLowerInvariant()}";
                if (!places.TryGetValue(placeId, out var place))
                {
                    place = new TrayChannel
                    {
                        SourceId = placeId, Type = "ServiceLocation", OrganisationId = county.SourceId,
                        Name = new($"{m.Name}: {venue.Name.Fi}", $"{m.Name}: {venue.Name.Sv}", $"{m.Name}: {venue.Name.En}"),
                        Addresses = [new Address { Street = new(venue.Street, venue.Street), StreetNumber = (1 + number % 17).ToString(), PostalCode = m.PostalCode, PostOffice = new(m.Name.ToUpperInvariant()), Municipality = municipality, Latitude = m.Lat + venue.Dy, Longitude = m.Lon + venue.Dx }],
                        Phones = [new Phone($"08 {6150000 + number * 7:### ####}", null, LocalisedText.Empty, "Charged")],
                        WebPages = [new WebLink($"https://palvelut.example.fi/{m.Name.ToLowerInvariant()}/{a.Venue.ToLowerInvariant()}", new(venue.Name.Fi, venue.Name.Sv, venue.Name.En))],
                        Accessible = venue.Accessible,
                        Hours = [],
                    };
                }
                var hours = new ServiceHours { Periods = [new OpeningPeriod(a.Day, null, new TimeOnly(a.From, 0), new TimeOnly(a.To, 0))] };
                place = place with { Hours = [.. place.Hours, hours], ServiceIds = [.. place.ServiceIds, $"demo-{a.Key}-{m.Code}"] };
                places[placeId] = place;
                var id = $"demo-{a.Key}-{m.Code}";
                snapshot.Services[id] = new TrayService
                {
                    SourceId = id,
                    Name = new($"{a.Name.Fi}, {m.Name}", $"{a.Name.Sv}, {m.Name}", $"{a.Name.En}, {m.Name}"),
                    Summary = a.Description,
                    Description = a.Description,
                    ChargeType = a.Free ? "Free" : "Charged",
                    ChargeInfo = a.Free ? LocalisedText.Empty : new("Maksu kerralta 3 €, kausikortti 30 €.", "Avgift 3 € per gång, säsongskort 30 €.", "3 € per session, season card 30 €."),
                    ServiceClasses = [a.Class],
                    TargetGroups = a.Groups,
                    LifeEvents = a.Class == Carers ? [CaringLifeEvent] : [],
                    AreaType = "LimitedType",
                    Municipalities = [municipality],
                    OrganisationIds = [county.SourceId],
                    ProviderName = new(a.Organiser),
                    ChannelIds = [placeId],
                    Instructions = new("Tule paikalle tai soita ja kysy lisää.", "Kom på plats eller ring och fråga mer.", "Come along, or call to ask more."),
                };
            }
            foreach (var p in places.Values) snapshot.Channels[p.SourceId] = p;
        }
        // Region-wide phone and e-services.
        var phone = new TrayChannel { SourceId = "demo-phone-advice", Type = "Phone", OrganisationId = county.SourceId, Name = new("Hyvinvointineuvonta", "Välfärdsrådgivning", "Wellbeing advice line"), Phones = [new Phone("08 6150 9000", "+358", new("Arkisin 8–16", "Vardagar 8–16", "Weekdays 8–16"), "Charged")], Hours = [new ServiceHours { Periods = [new(DayOfWeek.Monday, DayOfWeek.Friday, new(8, 0), new(16, 0))] }] };
        var apply = new TrayChannel { SourceId = "demo-e-carers", Type = "EChannel", OrganisationId = county.SourceId, Name = new("Omaishoidon tuen sähköinen hakemus", "Elektronisk ansökan om stöd för närståendevård", "Online application for carer's allowance"), WebPages = [new WebLink("https://asiointi.example.fi/omaishoito", new("Hakemus", "Ansökan", "Application"))] };
        snapshot.Channels[phone.SourceId] = phone;
        snapshot.Channels[apply.SourceId] = apply;
        snapshot.Services["demo-carers-allowance"] = new TrayService
        {
            SourceId = "demo-carers-allowance", Name = new("Omaishoidon tuki", "Stöd för närståendevård", "Carer's allowance"),
            Summary = new("Tukea kotona asuvan läheisen hoitamiseen: hoitopalkkio, vapaat ja palvelut.", "Stöd för vård av en närstående hemma.", "Support for caring for a relative at home."),
            Description = new("Omaishoidon tuki on kokonaisuus, johon kuuluvat hoitajalle maksettava hoitopalkkio, vapaapäivät ja hoidettavalle annettavat palvelut.", "Stödet för närståendevård består av vårdarvode, ledighet och tjänster.", "The allowance covers a carer's fee, days off and services for the person cared for."),
            ChargeType = "Free", ServiceClasses = [Carers], TargetGroups = [Citizens, Older], LifeEvents = [CaringLifeEvent], AreaType = "LimitedType",
            Municipalities = Municipalities.Select(m => new Coded(m.Code, new(m.Name, m.Name, m.Name))).ToList(), OrganisationIds = [county.SourceId], ChannelIds = [apply.SourceId, phone.SourceId],
        };
        snapshot.Services["demo-wellbeing-advice"] = new TrayService
        {
            SourceId = "demo-wellbeing-advice", Name = new("Hyvinvointineuvonta puhelimessa", "Välfärdsrådgivning per telefon", "Wellbeing advice by phone"),
            Summary = new("Neuvontaa liikunnan, ravinnon ja jaksamisen palveluista koko alueella.", "Rådgivning om tjänster för motion, kost och ork.", "Advice on exercise, nutrition and wellbeing services across the region."),
            ChargeType = "Free", ServiceClasses = [Promotion], TargetGroups = [Citizens], AreaType = "Nationwide", OrganisationIds = [county.SourceId], ChannelIds = [phone.SourceId],
        };
        return snapshot;
    }
}
