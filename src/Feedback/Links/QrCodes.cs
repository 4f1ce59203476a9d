using QRCoder;

namespace Tilannekuva.Feedback.Links;

/// <summary>QR codes of feedback links for printing (QRCoder; PNG and SVG, error correction level M).</summary>
public static class QrCodes
{
    public static byte[] Png(string url, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string url, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }
}
