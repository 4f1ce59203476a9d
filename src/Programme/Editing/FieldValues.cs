using System.Globalization;

namespace Tilannekuva.Programme.Editing;

/// <summary>Text ⇄ value for editable fields. Finnish input may use a decimal comma and d.M.yyyy dates; ISO always works.</summary>
public static class FieldValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy"];

    public static string Format(object? value, EditableField field, CultureInfo culture) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.####", culture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, culture),
        _ => value.ToString() ?? "",
    };

    public static bool TryParse(string? text, EditableField field, CultureInfo culture, out object? value, out string? error)
    {
        value = null;
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            if (field.Required) { error = "Edit.Required"; return false; }
            value = field.Kind switch
            {
                FieldKind.Text or FieldKind.LongText => "",
                FieldKind.Bool => false,
                _ => null,
            };
            return true;
        }
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.LongText:
                value = s;
                return true;
            case FieldKind.Bool:
                value = s is "true" or "on" or "1" or "True";
                return true;
            case FieldKind.Int:
                if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) { error = "Edit.NotANumber"; return false; }
                if ((field.Min is { } min && i < min) || (field.Max is { } max && i > max)) { error = "Edit.OutOfRange"; return false; }
                value = i;
                return true;
            case FieldKind.Decimal:
                var normal = s.Replace('\u00a0', ' ').Replace(" ", "").Replace("€", "").Replace("%", "");
                if (!decimal.TryParse(normal, NumberStyles.Number, culture, out var d)
                    && !decimal.TryParse(normal.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out d))
                { error = "Edit.NotANumber"; return false; }
                value = d;
                return true;
            case FieldKind.Date:
                if (!DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { error = "Edit.NotADate"; return false; }
                value = date;
                return true;
            case FieldKind.Enum:
                if (!Enum.TryParse(field.EnumType!, s, ignoreCase: true, out var e) || !Enum.IsDefined(field.EnumType!, e!)) { error = "Edit.UnknownChoice"; return false; }
                value = e;
                return true;
            default:
                throw new InvalidOperationException(field.Kind.ToString());
        }
    }
}
