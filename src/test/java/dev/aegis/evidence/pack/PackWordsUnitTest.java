package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.inventory.SystemHistory.SystemAt;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackWordsUnitTest {

    @Test
    void systems_are_named_by_name_and_two_of_the_same_name_are_told_apart_in_words_never_by_id() {
        var names = PackWords.systemNames(List.of(
                new SystemAt(261, "Archive system", null, "PRODUCTION", "HIGH", "ACTIVE"),
                new SystemAt(7, "Chatbot", null, "DESIGN", "LIMITED", "ACTIVE"),
                new SystemAt(9, "chatbot", null, "PRODUCTION", "LIMITED", "ACTIVE"),
                new SystemAt(11, "Scorer", null, "PRODUCTION", "HIGH", "ACTIVE"),
                new SystemAt(12, "Scorer", null, "PRODUCTION", "HIGH", "ACTIVE")));

        assertThat(names.get(261L)).isEqualTo("Archive system");
        assertThat(names.get(7L)).isEqualTo("Chatbot (design, limited tier)");
        assertThat(names.get(9L)).isEqualTo("chatbot (production, limited tier)");
        assertThat(names.get(11L)).isEqualTo("Scorer (registered first)");
        assertThat(names.get(12L)).isEqualTo("Scorer (registered second)");
        assertThat(names.values()).noneMatch(n -> n.contains("#") || n.matches(".*\\d.*"));
    }

    @Test
    void a_long_clause_group_name_wraps_whole_in_the_summary_chart_and_is_never_cut() {
        var fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
                .createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        String label = "A.8 · Information for interested parties of AI systems";

        List<String> lines = CoverageChart.wrap(label, fm, 120);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(label);
        assertThat(lines).allMatch(l -> fm.stringWidth(l) <= 120 || !l.contains(" "));
        BufferedImage chart = CoverageChart.render(
                List.of(new CoverageChart.Bar(label, 3, 1, 1), new CoverageChart.Bar("4 · Context", 2, 0, 0)),
                523,
                260);
        assertThat(chart.getWidth()).isEqualTo(523 * 3);
    }

    @Test
    void a_telemetry_reference_is_described_in_words_and_a_hash_is_broken_at_fixed_widths() {
        assertThat(PackWords.reference("{\"to\":\"2026-12-06T03:36:00Z\",\"from\":\"2026-12-06T03:26:00Z\","
                        + "\"kind\":\"TIME_RANGE\",\"size\":1240}"))
                .isEqualTo("reference: ten minutes of the deployment's own traffic, 2026-12-06 03:26–03:36 UTC"
                        + " (1,240 events)");
        assertThat(PackWords.reference("{\"kind\":\"BATCH\",\"batch\":\"validation-2026\",\"size\":500}"))
                .isEqualTo("reference: the batch \u201cvalidation-2026\u201d sent as reference data (500 events)");

        String sha256 = "0123456789abcdef".repeat(4);
        assertThat(PackWords.hash(sha256).lines().toList()).hasSize(4).allMatch(l -> l.length() == 16);
        assertThat(PackWords.hashWide(sha256).lines().toList()).hasSize(2).allMatch(l -> l.length() == 32);
    }
}
