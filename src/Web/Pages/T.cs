using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages;

/// <summary>Short names for the views: L("Key") is the text in the request's language.</summary>
public static class T
{
    public static string L(string key) => Texts.Get(key);

    public static string L(string key, params object?[] args) => Texts.Format(key, CultureInfo.CurrentUICulture, args);

    public static string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => Texts.Get($"{typeof(TEnum).Name}.{value}");

    public static string Euros(decimal amount) => Texts.Euros(amount);

    public static string Date(DateOnly? date) => date is { } d ? Texts.Date(d) : "";

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "–";
}
