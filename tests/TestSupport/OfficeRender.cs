using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Tilannekuva.TestSupport;

/// <summary>
/// Looks at Office files the way a person does: LibreOffice (headless) renders them to PDF, and poppler's
/// <c>pdftotext -bbox-layout</c> gives every word with its position, grouped in lines. Needs Debian's
/// <c>libreoffice-impress</c>, <c>libreoffice-writer</c> and <c>poppler-utils</c> (scripts/test installs them).
/// <para>
/// LibreOffice takes 5–15 s to start and convert, so convert several files in one call. Each call uses a private
/// user profile (<c>-env:UserInstallation</c>), so parallel test runs do not share or lock one.
/// </para>
/// </summary>
public static class OfficeRender
{
    /// <summary>The LibreOffice binary: <c>TILANNEKUVA_SOFFICE</c>, else <c>soffice</c> on the PATH.</summary>
    public static string Soffice => Environment.GetEnvironmentVariable("TILANNEKUVA_SOFFICE") is { Length: > 0 } s ? s : "soffice";

    /// <summary>
    /// Converts the files (.pptx, .docx, .xlsx … mixed) to PDF in <paramref name="outputFolder"/> with one
    /// LibreOffice run; returns the PDFs in the order of the files. Throws with LibreOffice's output when a PDF is missing.
    /// </summary>
    public static IReadOnlyList<string> ToPdf(IReadOnlyList<string> files, string outputFolder, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(outputFolder);
        var profile = Path.Combine(Path.GetTempPath(), "tilannekuva-lo-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", outputFolder };
            args.AddRange(files.Select(Path.GetFullPath));
            var (code, output) = Run(Soffice, args, timeout ?? TimeSpan.FromMinutes(5));
            var pdfs = files.Select(f => Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(f) + ".pdf")).ToList();
            var missing = pdfs.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"LibreOffice (exit {code}) did not write {string.Join(", ", missing)}:\n{output}");
            return pdfs;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Reads every page of a PDF with its words and lines (<c>pdftotext -bbox-layout</c>).</summary>
    public static PdfLayout ReadLayout(string pdf)
    {
        var html = Path.Combine(Path.GetTempPath(), "tilannekuva-bbox-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            var (code, output) = Run("pdftotext", ["-bbox-layout", pdf, html], TimeSpan.FromMinutes(2));
            if (code != 0 || !File.Exists(html)) throw new InvalidOperationException($"pdftotext failed (exit {code}) on {pdf}:\n{output}");
            return Parse(XDocument.Load(html));
        }
        finally
        {
            File.Delete(html);
        }
    }

    private static PdfLayout Parse(XDocument doc)
    {
        XNamespace x = "http://www.w3.org/1999/xhtml";
        static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var pages = doc.Descendants(x + "page").Select((page, i) => new PdfPage(
            i + 1, D(page, "width"), D(page, "height"),
            page.Descendants(x + "line").Select(line => new PdfLine(
                line.Elements(x + "word").Select(w => new PdfWord(w.Value, D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax"))).ToList()))
                .Where(l => l.Words.Count > 0).ToList()))
            .ToList();
        return new PdfLayout(pages);
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

public sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax);

public sealed record PdfLine(IReadOnlyList<PdfWord> Words)
{
    /// <summary>The line's words joined by single spaces (no-break spaces read as spaces).</summary>
    public string Text => PdfLayout.Normalise(string.Join(' ', Words.Select(w => w.Text)));
}

public sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines);

public sealed record PdfLayout(IReadOnlyList<PdfPage> Pages)
{
    /// <summary>All text, one line per line, pages in order.</summary>
    public string Text => string.Join('\n', Pages.SelectMany(p => p.Lines).Select(l => l.Text));

    /// <summary>The same text with every line break read as a space: what a figure broken across lines reads as.</summary>
    public string FlowText => string.Join(' ', Pages.SelectMany(p => p.Lines).Select(l => l.Text));

    /// <summary>Words lying (even partly) outside their page, as "page N: word (x, y)".</summary>
    public IReadOnlyList<string> WordsOutsidePage(double tolerance = 0.5) =>
        Pages.SelectMany(p => p.Lines.SelectMany(l => l.Words)
            .Where(w => w.XMin < -tolerance || w.YMin < -tolerance || w.XMax > p.Width + tolerance || w.YMax > p.Height + tolerance)
            .Select(w => $"page {p.Number}: {w.Text} ({w.XMin:0.#}–{w.XMax:0.#}, {w.YMin:0.#}–{w.YMax:0.#}) on {p.Width:0.#}×{p.Height:0.#}"))
        .ToList();

    /// <summary>
    /// The figures (e.g. "2 756 090 €") that occur in the text only broken across two lines: found in
    /// <see cref="FlowText"/> more often than inside single lines. A figure that does not occur at all is not listed.
    /// </summary>
    public IReadOnlyList<string> BrokenFigures(IEnumerable<string> figures)
    {
        var lines = Pages.SelectMany(p => p.Lines).Select(l => l.Text).ToList();
        var flow = FlowText;
        return figures.Select(Normalise).Distinct()
            .Where(f => Count(flow, f) > lines.Sum(l => Count(l, f)))
            .ToList();
    }

    /// <summary>No-break and narrow spaces as plain spaces, runs of spaces as one.</summary>
    public static string Normalise(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s.Replace('\u00A0', ' ').Replace('\u202F', ' '), " {2,}", " ");

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
