namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// PTV gives coordinates as ETRS-TM35FIN metres (northing in "latitude", easting in "longitude"); the
/// tray keeps WGS84 degrees so that listings giving degrees and PTV agree. Inverse transverse Mercator
/// on GRS80 (central meridian 27°E, scale 0.9996, false easting 500 000 m), Snyder's series: well under
/// a metre in Finland, far finer than "nearness" needs.
/// </summary>
public static class Coordinates
{
    private const double A = 6378137.0, F = 1 / 298.257222101, K0 = 0.9996, E0 = 500000.0, Lon0 = 27.0 * Math.PI / 180;

    public static (double Latitude, double Longitude) FromTm35Fin(double northing, double easting)
    {
        var e2 = F * (2 - F);
        var ep2 = e2 / (1 - e2);
        var m = northing / K0;
        var mu = m / (A * (1 - e2 / 4 - 3 * e2 * e2 / 64 - 5 * e2 * e2 * e2 / 256));
        var e1 = (1 - Math.Sqrt(1 - e2)) / (1 + Math.Sqrt(1 - e2));
        var phi1 = mu + (3 * e1 / 2 - 27 * Math.Pow(e1, 3) / 32) * Math.Sin(2 * mu)
                      + (21 * e1 * e1 / 16 - 55 * Math.Pow(e1, 4) / 32) * Math.Sin(4 * mu)
                      + 151 * Math.Pow(e1, 3) / 96 * Math.Sin(6 * mu)
                      + 1097 * Math.Pow(e1, 4) / 512 * Math.Sin(8 * mu);
        var c1 = ep2 * Math.Pow(Math.Cos(phi1), 2);
        var t1 = Math.Pow(Math.Tan(phi1), 2);
        var n1 = A / Math.Sqrt(1 - e2 * Math.Pow(Math.Sin(phi1), 2));
        var r1 = A * (1 - e2) / Math.Pow(1 - e2 * Math.Pow(Math.Sin(phi1), 2), 1.5);
        var d = (easting - E0) / (n1 * K0);
        var lat = phi1 - n1 * Math.Tan(phi1) / r1 * (d * d / 2 - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * ep2) * Math.Pow(d, 4) / 24
                  + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * ep2 - 3 * c1 * c1) * Math.Pow(d, 6) / 720);
        var lon = Lon0 + (d - (1 + 2 * t1 + c1) * Math.Pow(d, 3) / 6 + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * ep2 + 24 * t1 * t1) * Math.Pow(d, 5) / 120) / Math.Cos(phi1);
        return (lat * 180 / Math.PI, lon * 180 / Math.PI);
    }

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double x) => x * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A pair as PTV writes it: metres when either value is beyond degree range, else degrees.</summary>
    public static (double Latitude, double Longitude)? Read(double? latitude, double? longitude)
    {
        if (latitude is not { } a || longitude is not { } b) return null;
        if (Math.Abs(a) > 90 || Math.Abs(b) > 180) return FromTm35Fin(a, b);
        return (a, b);
    }
}
