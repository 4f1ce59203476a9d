using System.Globalization;
using Tilannekuva.ServiceTray.Domain;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Reads the PTV open interface's (version 11) JSON: services, service channels and organisations, as a
/// list (the <c>/list?guids=</c> answers), a page envelope (<c>{"pageNumber", "pageCount", "itemList"}</c>)
/// or a single object. Every bad value is collected with file, line, JSON path and reason; the caller
/// refuses the whole import when there is any.
/// </summary>
internal static class PtvReader
{
    /// <summary>The records of a document: the itemList of a page, the items of a list, or the object itself.</summary>
    public static IEnumerable<JsonAt> Records(JsonInput input)
    {
        var root = input.Root;
        if (root.Element.ValueKind == System.Text.Json.JsonValueKind.Array) return ArrayItems(root);
        if (root.Element.ValueKind == System.Text.Json.JsonValueKind.Object && root.Has("itemList")) return root.Items("itemList");
        if (root.Element.ValueKind == System.Text.Json.JsonValueKind.Object) return [root];
        root.Error("", "a list of records, a page with itemList or one record was expected");
        return [];
    }

    private static IEnumerable<JsonAt> ArrayItems(JsonAt root) =>
        root.Element.EnumerateArray().Select((e, i) => new JsonAt(root.Input, e, $"$[{i}]")).ToList();

    public static TrayService? Service(JsonAt s)
    {
        var id = Id(s);
        var name = s.Localised("serviceNames", "Name");
        if (name.IsEmpty) name = s.Localised("serviceNames");
        if (name.IsEmpty) s.Error("serviceNames", "no name in Finnish, Swedish or English");
        var charge = s.String("serviceChargeType");
        if (charge is not null && charge is not ("Free" or "Charged" or "Other"))
            s.Error("serviceChargeType", $"\"{JsonAt.Clip(charge)}\" is not Free, Charged or Other");
        if (id is null || name.IsEmpty) return null;
        return new TrayService
        {
            SourceId = id,
            Name = name,
            Summary = s.Localised("serviceDescriptions", "Summary"),
            Description = s.Localised("serviceDescriptions", "Description"),
            Instructions = s.Localised("serviceDescriptions", "UserInstruction"),
            ChargeType = charge,
            ChargeInfo = s.Localised("serviceDescriptions", "ChargeTypeAdditionalInfo"),
            ServiceClasses = s.Codes("serviceClasses"),
            TargetGroups = s.Codes("targetGroups"),
            LifeEvents = s.Codes("lifeEvents"),
            Keywords = s.Items("keywords").Select(k => k.String("value")).OfType<string>().Distinct().ToList(),
            AreaType = s.String("areaType"),
            Municipalities = Municipalities(s),
            OrganisationIds = s.Items("organizations").Select(o => o.Object("organization")?.String("id") ?? o.String("organizationId")).OfType<string>().Distinct().ToList(),
            ChannelIds = s.Items("serviceChannels").Select(c => c.Object("serviceChannel")?.String("id") ?? c.String("serviceChannelId")).OfType<string>().Distinct().ToList(),
        };
    }

    /// <summary>Municipalities from areas (type Municipality: the area itself; other areas: their municipalities list).</summary>
    private static IReadOnlyList<Coded> Municipalities(JsonAt s)
    {
        var list = new List<Coded>();
        foreach (var area in s.Items("areas"))
        {
            if (string.Equals(area.String("type"), "Municipality", StringComparison.OrdinalIgnoreCase) && area.String("code") is { } code)
                list.Add(new Coded(code, area.Localised("name")));
            list.AddRange(area.Codes("municipalities"));
        }
        return list.DistinctBy(c => c.Code).ToList();
    }

    public static TrayChannel? Channel(JsonAt c)
    {
        var id = Id(c);
        var type = c.String("serviceChannelType", required: true);
        if (type is not null && !TrayChannel.Types.Contains(type))
            c.Error("serviceChannelType", $"\"{JsonAt.Clip(type)}\" is not one of {string.Join(", ", TrayChannel.Types)}");
        var name = c.Localised("serviceChannelNames", "Name");
        if (name.IsEmpty) name = c.Localised("serviceChannelNames");
        if (name.IsEmpty) c.Error("serviceChannelNames", "no name in Finnish, Swedish or English");
        var accessibility = c.Items("accessibilitySentences").ToList();
        var channel = new TrayChannel
        {
            SourceId = id ?? "",
            Type = type ?? "",
            OrganisationId = c.String("organizationId"),
            Name = name,
            Summary = c.Localised("serviceChannelDescriptions", "Summary"),
            Description = c.Localised("serviceChannelDescriptions", "Description"),
            Addresses = c.Items("addresses").Select(Address).OfType<Address>().ToList(),
            Phones = c.Items("phoneNumbers").Select(Phone).OfType<Phone>().ToList(),
            WebPages = WebPages(c),
            Emails = c.Items("emails").Select(e => e.String("value")).OfType<string>().Distinct().ToList(),
            Hours = c.Items("serviceHours").Select(Hours).OfType<ServiceHours>().ToList(),
            // PTV lists accessibility sentences (from the accessibility register) only for places that were surveyed.
            Accessible = accessibility.Count > 0,
            AccessibilityNote = LocalisedText.Empty,
            ServiceIds = c.Items("services").Select(x => x.Object("service")?.String("id") ?? x.String("serviceId")).OfType<string>().Distinct().ToList(),
        };
        return id is null || type is null || name.IsEmpty || !TrayChannel.Types.Contains(type) ? null : channel;
    }

    private static IReadOnlyList<WebLink> WebPages(JsonAt c)
    {
        var pages = new List<WebLink>();
        foreach (var w in c.Items("webPages").Concat(c.Items("webPage")))
        {
            var url = w.String("url", required: true);
            if (url is null) continue;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) { w.Error("url", $"not a web address: \"{JsonAt.Clip(url)}\""); continue; }
            var lang = w.String("language")?.ToLowerInvariant() ?? "fi";
            var label = w.String("value") ?? w.String("name");
            var existing = pages.FindIndex(p => p.Url == url);
            if (existing >= 0) pages[existing] = pages[existing] with { Name = pages[existing].Name.With(lang, label) };
            else pages.Add(new WebLink(url, LocalisedText.Empty.With(lang, label)));
        }
        return pages;
    }

    private static Address? Address(JsonAt a)
    {
        var street = a.Object("streetAddress");
        if (street is not { } s) return null; // post-office boxes and foreign addresses are not places to go to
        var postal = s.String("postalCode");
        if (postal is not null && (postal.Length != 5 || !postal.All(char.IsAsciiDigit))) s.Error("postalCode", $"not a Finnish postal code: \"{JsonAt.Clip(postal)}\"");
        var point = Coordinates.Read(Number(s, "latitude"), Number(s, "longitude"));
        return new Address
        {
            Type = a.String("type") ?? "Location",
            Street = s.Localised("street"),
            StreetNumber = s.String("streetNumber"),
            PostalCode = postal,
            PostOffice = s.Localised("postOffice"),
            Municipality = s.Code("municipality"),
            Latitude = point?.Latitude,
            Longitude = point?.Longitude,
            AdditionalInfo = s.Localised("additionalInformation"),
        };
    }

    private static double? Number(JsonAt at, string name)
    {
        var s = at.String(name);
        if (s is null) return null;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        at.Error(name, $"not a number: \"{JsonAt.Clip(s)}\"");
        return null;
    }

    private static Phone? Phone(JsonAt p)
    {
        var number = p.String("number", required: true);
        if (number is null) return null;
        if (!number.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')')) { p.Error("number", $"not a phone number: \"{JsonAt.Clip(number)}\""); return null; }
        var info = p.String("additionalInformation") is { } extra ? LocalisedText.Empty.With(p.String("language")?.ToLowerInvariant() ?? "fi", extra) : LocalisedText.Empty;
        return new Phone(number, p.String("prefixNumber"), info, p.String("serviceChargeType"));
    }

    private static ServiceHours? Hours(JsonAt h)
    {
        var type = h.String("serviceHourType", required: true);
        if (type is not null && type is not ("Standard" or "Exception" or "Special"))
        {
            h.Error("serviceHourType", $"\"{JsonAt.Clip(type)}\" is not Standard, Exception or Special");
            return null;
        }
        var periods = new List<OpeningPeriod>();
        foreach (var o in h.Items("openingHour"))
        {
            var from = Day(o, "dayFrom", required: true);
            var to = Day(o, "dayTo", required: false);
            var start = o.Time("from", required: true);
            var end = o.Time("to", required: true);
            if (from is { } f && start is { } s && end is { } e) periods.Add(new OpeningPeriod(f, to, s, e));
        }
        var block = new ServiceHours
        {
            Type = type ?? "Standard",
            ValidFrom = h.Date("validFrom"),
            ValidTo = h.Date("validTo"),
            IsClosed = h.Bool("isClosed") ?? false,
            Periods = periods,
            Info = h.Localised("additionalInformation"),
        };
        if (block.ValidFrom is { } vf && block.ValidTo is { } vt && vt < vf) h.Error("validTo", "before validFrom");
        return type is null ? null : block;
    }

    private static DayOfWeek? Day(JsonAt o, string name, bool required)
    {
        var s = o.String(name, required);
        if (s is null) return null;
        if (Enum.TryParse<DayOfWeek>(s, ignoreCase: true, out var d) && !s.All(char.IsAsciiDigit)) return d;
        o.Error(name, $"not a weekday (Monday … Sunday): \"{JsonAt.Clip(s)}\"");
        return null;
    }

    public static TrayOrganisation? Organisation(JsonAt o)
    {
        var id = Id(o);
        var name = o.Localised("organizationNames", "Name");
        if (name.IsEmpty) name = o.Localised("organizationNames");
        if (name.IsEmpty) o.Error("organizationNames", "no name in Finnish, Swedish or English");
        if (id is null || name.IsEmpty) return null;
        return new TrayOrganisation
        {
            SourceId = id,
            Name = name,
            BusinessCode = o.String("businessCode"),
            Type = o.String("organizationType"),
            Municipality = o.Code("municipality"),
            WebPages = WebPages(o),
        };
    }

    /// <summary>The record's id: PTV ids are GUIDs.</summary>
    private static string? Id(JsonAt r)
    {
        var id = r.String("id", required: true, maxLength: 100);
        if (id is null) return null;
        if (!Guid.TryParse(id, out var g)) { r.Error("id", $"not a PTV id (GUID): \"{JsonAt.Clip(id)}\""); return null; }
        return g.ToString("D");
    }
}
