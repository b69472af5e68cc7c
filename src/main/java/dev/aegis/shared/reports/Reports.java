package dev.aegis.shared.reports;

import dev.aegis.shared.OrganisationProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the JasperReports templates in {@code reports/} to PDF. The build compiles each template to a
 * {@code .jasper} file (see pom.xml), so a JRE suffices at run time; a template without one is compiled once, on
 * first use, and kept.
 */
@Component
public class Reports {

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();
    private final OrganisationProfile organisation;

    public Reports(OrganisationProfile organisation) {
        this.organisation = organisation;
    }

    /**
     * Fills template {@code name} (e.g. "audit-log") with the rows (Java beans) and parameters, and writes a PDF/A-2b.
     * The organisation's name and logo are added as {@code organisation} and {@code organisationLogo} (see
     * {@link #letterhead(Map)}).
     */
    public void pdf(String name, Collection<?> rows, Map<String, Object> parameters, OutputStream out) {
        try {
            // JasperReports writes into the parameter map: it must be mutable
            Map<String, Object> p = letterhead(new HashMap<>(parameters));
            JasperPrint print = JasperFillManager.fillReport(template(name), p, new JRBeanCollectionDataSource(rows));
            export(List.of(print), String.valueOf(p.getOrDefault("documentTitle", name)), out);
        } catch (JRException e) {
            throw new IllegalStateException("Report " + name + " could not be rendered", e);
        }
    }

    /**
     * Prints a sectioned document on the shared template ({@code aegis-document}): title and subtitle under the
     * letterhead, the rows (see {@link DocRow}; headings and table heads are kept with their first line, and table
     * heads repeated on each page a table runs over), the footer and "Page x of y" on every page.
     */
    public void document(String title, String subtitle, String footer, List<DocRow> rows, OutputStream out) {
        Map<String, Object> p = new HashMap<>();
        p.put("documentTitle", title);
        p.put("subtitle", subtitle);
        p.put("footer", footer);
        p.put("pageOffset", 0);
        pdf("aegis-document", DocRow.keepHeadsWithFirstRow(rows), p, out);
    }

    /**
     * Adds the organisation's name ({@code organisation}) and logo ({@code organisationLogo}, a {@link java.awt.Image}
     * or null) to a report's parameters: every report shows them in its header.
     */
    public Map<String, Object> letterhead(Map<String, Object> parameters) {
        parameters.putIfAbsent("organisation", organisation.name());
        parameters.putIfAbsent(
                "organisationLogo", organisation.logoPng().map(Reports::image).orElse(null));
        return parameters;
    }

    /**
     * Writes filled reports as one PDF/A-2b document (an archivable PDF: fonts embedded, an sRGB output intent, XMP
     * metadata), its bookmarks taken from the reports' bookmark levels.
     */
    public void export(List<JasperPrint> prints, String title, OutputStream out) throws JRException {
        JRPdfExporter exporter = new ArchivalPdfExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_2B);
        configuration.setIccProfilePath(SRGB.get().toString());
        configuration.setEmbedIccProfile(true);
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor(organisation.name());
        configuration.setMetadataCreator("Aegis");
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        // wrap text in the PDF exactly where the fill measured it: otherwise a cell whose last line the PDF wraps
        // differently (after "(1,790") loses that line at the bottom of its stretched height
        net.sf.jasperreports.pdf.SimplePdfReportConfiguration lines =
                new net.sf.jasperreports.pdf.SimplePdfReportConfiguration();
        lines.setForceLineBreakPolicy(true);
        exporter.setConfiguration(lines);
        exporter.exportReport();
    }

    private static java.awt.Image image(byte[] png) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The sRGB colour profile PDF/A asks for as output intent: the JDK's own (java.desktop), written once to a file
     * because the exporter reads the profile from a location.
     */
    private static final java.util.function.Supplier<java.nio.file.Path> SRGB = new java.util.function.Supplier<>() {
        private volatile java.nio.file.Path path;

        @Override
        public java.nio.file.Path get() {
            if (path == null) {
                synchronized (this) {
                    if (path == null) {
                        try {
                            java.nio.file.Path p = java.nio.file.Files.createTempFile("aegis-srgb-", ".icc");
                            p.toFile().deleteOnExit();
                            java.nio.file.Files.write(
                                    p,
                                    java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
                                            .getData());
                            path = p;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }
            return path;
        }
    };

    /** The compiled template {@code name}, for callers that fill it themselves (e.g. with a virtualizer). */
    public JasperReport template(String name) {
        return compiled.computeIfAbsent(name, Reports::load);
    }

    private static JasperReport load(String name) {
        ClassPathResource precompiled = new ClassPathResource("reports/" + name + ".jasper");
        try {
            if (precompiled.exists()) {
                try (InputStream in = precompiled.getInputStream()) {
                    return (JasperReport) JRLoader.loadObject(in);
                }
            }
            try (InputStream in = new ClassPathResource("reports/" + name + ".jrxml").getInputStream()) {
                return JasperCompileManager.compileReport(in);
            }
        } catch (IOException | JRException e) {
            throw new IllegalStateException("Report template " + name + " is missing or invalid", e);
        }
    }

    /** Build step: compiles every {@code .jrxml} in the given folder to a {@code .jasper} beside it. */
    public static void main(String[] args) throws JRException, IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path jrxml :
                    files.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                String target = jrxml.toString().replaceAll("\\.jrxml$", ".jasper");
                JasperCompileManager.compileReportToFile(jrxml.toString(), target);
                System.out.println("Compiled report " + jrxml.getFileName());
            }
        }
    }
}
