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
        int labelWidth = 230;
        FontMetrics measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
                .createGraphics()
                .getFontMetrics(FONT.deriveFont(8f));
        // a label is never cut: it wraps at word boundaries onto as many lines as it needs, and its row grows
        List<List<String>> labels =
                bars.stream().map(b -> wrap(b.label(), measure, labelWidth)).toList();
        int needed = labels.stream().mapToInt(l -> rowFor(l.size())).sum();
        int spare = Math.max(0, height - top - 8 - needed) / Math.max(1, bars.size());
        int[] rows = labels.stream()
                .mapToInt(l -> rowFor(l.size()) + Math.min(spare, Math.max(0, 22 - rowFor(l.size()))))
                .toArray();
        height = Math.max(height, top + java.util.Arrays.stream(rows).sum() + 8);
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
            int barLeft = labelWidth + 6;
            int barWidth = width - barLeft - 24;
            long max = bars.stream().mapToLong(Bar::total).max().orElse(1);
            legend(g, fm, barLeft);
            int y = top;
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                int rowHeight = rows[i];
                List<String> lines = labels.get(i);
                g.setColor(Color.DARK_GRAY);
                float firstBaseline = y + (rowHeight - lines.size() * LINE) / 2f + LINE - 2.5f;
                for (int l = 0; l < lines.size(); l++) {
                    g.drawString(lines.get(l), 0, firstBaseline + l * LINE);
                }
                int x = barLeft;
                int barY = y + (rowHeight - 11) / 2;
                x = segment(g, fm, x, barY, b.covered(), max, barWidth, COVERED, Color.WHITE);
                x = segment(g, fm, x, barY, b.partial(), max, barWidth, PARTIAL, Color.BLACK);
                x = segment(g, fm, x, barY, b.notCovered(), max, barWidth, NOT_COVERED, Color.WHITE);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.valueOf(b.total()), x + 4, barY + 10);
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

    /** The height of a line of label text, in points. */
    private static final int LINE = 9;

    /** A row's height for a label of {@code lines} lines: room for the text or the bar, whichever is taller. */
    private static int rowFor(int lines) {
        return Math.max(14, lines * LINE + 4);
    }

    /** {@code s} broken at spaces into lines no wider than {@code width}; a single word too wide keeps its own line. */
    static List<String> wrap(String s, FontMetrics fm, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
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
}
