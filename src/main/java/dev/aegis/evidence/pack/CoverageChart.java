package dev.aegis.evidence.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The executive summary's chart, drawn server-side as an opaque RGB image (no transparency, so it sits in a PDF/A
 * without a soft mask): one horizontal bar per clause group, split into covered, partly covered and not covered
 * requirements, with the counts written in the segments and a legend. Drawn at three times the print size so it stays
 * sharp when printed.
 */
final class CoverageChart {

    static final Color COVERED = new Color(0x2E7D32);
    static final Color PARTIAL = new Color(0xF2A900);
    static final Color NOT_COVERED = new Color(0xC62828);
    private static final int SCALE = 3;
    /** The reports' own font (from jasperreports-fonts), so the chart reads like the text around it on any machine. */
    private static final Font FONT = dejaVu();

    private CoverageChart() {}

    /** One bar: a clause group and its counts. */
    record Bar(String label, long covered, long partial, long notCovered) {
        long total() {
            return covered + partial + notCovered;
        }
    }

    /**
     * The chart as an image of {@code width} × {@code height} points (times {@link #SCALE}), the bars spread over the
     * height (at most 22 points each), so it fills the report's fixed image band without a gap.
     */
    static BufferedImage render(List<Bar> bars, int width, int height) {
        int top = 22;
        int rowHeight = Math.max(12, Math.min(22, (height - top - 8) / Math.max(1, bars.size())));
        height = Math.max(height, top + bars.size() * rowHeight + 8);
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(FONT.deriveFont(8f));
            FontMetrics fm = g.getFontMetrics();
            int labelWidth = 190;
            int barLeft = labelWidth + 6;
            int barWidth = width - barLeft - 40;
            long max = bars.stream().mapToLong(Bar::total).max().orElse(1);
            legend(g, fm, barLeft);
            int y = top;
            for (Bar b : bars) {
                g.setColor(Color.DARK_GRAY);
                g.drawString(clip(b.label(), fm, labelWidth), 0, y + rowHeight / 2f + 3);
                int x = barLeft;
                int barY = y + (rowHeight - 11) / 2;
                x = segment(g, fm, x, barY, b.covered(), max, barWidth, COVERED, Color.WHITE);
                x = segment(g, fm, x, barY, b.partial(), max, barWidth, PARTIAL, Color.BLACK);
                x = segment(g, fm, x, barY, b.notCovered(), max, barWidth, NOT_COVERED, Color.WHITE);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.valueOf(b.total()), x + 4, y + rowHeight / 2f + 3);
                y += rowHeight;
            }
            g.setColor(new Color(0xB8BFCC));
            g.setStroke(new BasicStroke(0.5f));
            g.drawLine(barLeft, top - 2, barLeft, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void legend(Graphics2D g, FontMetrics fm, int x) {
        String[] names = {"Covered", "Partly covered", "Not covered"};
        Color[] colours = {COVERED, PARTIAL, NOT_COVERED};
        for (int i = 0; i < names.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(x, 4, 9, 9);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names[i], x + 12, 12);
            x += 12 + fm.stringWidth(names[i]) + 16;
        }
    }

    private static int segment(
            Graphics2D g, FontMetrics fm, int x, int y, long count, long max, int barWidth, Color colour, Color text) {
        if (count == 0) {
            return x;
        }
        int w = (int) Math.max(2, Math.round((double) barWidth * count / max));
        g.setColor(colour);
        g.fillRect(x, y + 1, w, 11);
        String n = String.valueOf(count);
        if (fm.stringWidth(n) + 4 <= w) {
            g.setColor(text);
            g.drawString(n, x + (w - fm.stringWidth(n)) / 2f, y + 10);
        }
        return x + w;
    }

    private static Font dejaVu() {
        try (var in = CoverageChart.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            return in == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 8) : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (java.io.IOException | java.awt.FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 8);
        }
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }
}
