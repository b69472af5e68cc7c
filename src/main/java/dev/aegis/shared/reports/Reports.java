package dev.aegis.shared.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
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

    /** Fills template {@code name} (e.g. "audit-log") with the rows (Java beans) and parameters, and writes a PDF. */
    public void pdf(String name, Collection<?> rows, Map<String, Object> parameters, OutputStream out) {
        try {
            // JasperReports writes into the parameter map: it must be mutable
            JasperPrint print = JasperFillManager.fillReport(template(name), new HashMap<>(parameters),
                    new JRBeanCollectionDataSource(rows));
            JasperExportManager.exportReportToPdfStream(print, out);
        } catch (JRException e) {
            throw new IllegalStateException("Report " + name + " could not be rendered", e);
        }
    }

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
            for (java.nio.file.Path jrxml : files.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                String target = jrxml.toString().replaceAll("\\.jrxml$", ".jasper");
                JasperCompileManager.compileReportToFile(jrxml.toString(), target);
                System.out.println("Compiled report " + jrxml.getFileName());
            }
        }
    }
}
