package dev.aegis.shared.reports;

import com.lowagie.text.Font;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;

/**
 * JasperReports' PDF exporter, writing fonts the way PDF/A-2b wants them. OpenPDF (the PDF library behind
 * JasperReports 7.0.6) gives every embedded subset font a {@code CIDSet} that lists only the glyphs used, while PDF/A-2
 * (rule 6.2.11.4.2-2) wants a CIDSet, when present, to list every glyph of the embedded program. PDF/A-2 does not
 * require a CIDSet at all, so the fonts are written without one.
 */
class ArchivalPdfExporter extends JRPdfExporter {

    @Override
    protected PdfProducer createPdfProducer() {
        return new WithoutCidSet(createPdfProducerContext());
    }

    private static final class WithoutCidSet extends ClassicPdfProducer {

        WithoutCidSet(PdfProducerContext context) {
            super(context);
        }

        @Override
        public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
            Font font = super.getFont(attributes, locale);
            if (font.getBaseFont() != null) {
                // the font's descriptor is written when the document closes, so this reaches every use of the font
                font.getBaseFont().setIncludeCidSet(false);
            }
            return font;
        }
    }
}
