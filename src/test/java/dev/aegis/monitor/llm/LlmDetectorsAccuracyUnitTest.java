package dev.aegis.monitor.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the detectors on the labelled synthetic texts of {@code src/test/resources/llm/labelled-texts.tsv} (made by
 * {@code make_labelled_texts.py} next to it) and holds them to floors; the figures printed are the ones in
 * docs/monitor.md.
 */
class LlmDetectorsAccuracyUnitTest {

    record Labelled(Set<PersonalData.Kind> kinds, boolean injection, boolean refusal, String text) {}

    /** True and false positives and false negatives of one detector. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        void add(boolean expected, boolean found) {
            if (expected && found) {
                tp++;
            } else if (found) {
                fp++;
            } else if (expected) {
                fn++;
            }
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "precision %.3f recall %.3f (tp %d, fp %d, fn %d)", precision(), recall(), tp, fp, fn);
        }
    }

    static List<Labelled> texts;

    @BeforeAll
    static void read() throws IOException {
        texts = new ArrayList<>();
        try (InputStream in = LlmDetectorsAccuracyUnitTest.class.getResourceAsStream("/llm/labelled-texts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                Set<PersonalData.Kind> kinds = EnumSet.noneOf(PersonalData.Kind.class);
                if (!"-".equals(f[0])) {
                    Arrays.stream(f[0].split(","))
                            .map(PersonalData.Kind::valueOf)
                            .forEach(kinds::add);
                }
                texts.add(new Labelled(kinds, "1".equals(f[1]), "1".equals(f[2]), f[3]));
            }
        }
    }

    @Test
    void the_labelled_set_holds_a_few_hundred_texts_of_every_kind() {
        assertThat(texts).hasSizeGreaterThan(350);
        for (PersonalData.Kind kind : EnumSet.range(PersonalData.Kind.EMAIL, PersonalData.Kind.IP_ADDRESS)) {
            assertThat(texts.stream().filter(t -> t.kinds().contains(kind)).count())
                    .as(kind.name())
                    .isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void personal_data_is_found_with_high_precision_and_recall_per_kind() {
        PersonalData detector = new PersonalData();
        Map<PersonalData.Kind, Counts> byKind = new LinkedHashMap<>();
        Counts all = new Counts();
        List<String> mistakes = new ArrayList<>();
        for (Labelled t : texts) {
            Set<PersonalData.Kind> found = detector.find(t.text());
            for (PersonalData.Kind kind : EnumSet.range(PersonalData.Kind.EMAIL, PersonalData.Kind.IP_ADDRESS)) {
                boolean expected = t.kinds().contains(kind);
                boolean got = found.contains(kind);
                byKind.computeIfAbsent(kind, k -> new Counts()).add(expected, got);
                all.add(expected, got);
                if (expected != got) {
                    mistakes.add((got ? "false " : "missed ") + kind + ": " + t.text());
                }
            }
        }
        byKind.forEach((k, c) -> System.out.println("personal data " + k + ": " + c));
        System.out.println("personal data, all kinds: " + all);
        mistakes.forEach(m -> System.out.println("  " + m));
        assertThat(all.precision()).as("precision over all kinds").isGreaterThanOrEqualTo(0.97);
        assertThat(all.recall()).as("recall over all kinds").isGreaterThanOrEqualTo(0.95);
        byKind.forEach((k, c) -> {
            assertThat(c.precision()).as("precision of " + k).isGreaterThanOrEqualTo(0.9);
            assertThat(c.recall()).as("recall of " + k).isGreaterThanOrEqualTo(0.9);
        });
        // the card detector's point: a 16-digit order number that fails the Luhn check is no card
        assertThat(byKind.get(PersonalData.Kind.PAYMENT_CARD).fp).isZero();
    }

    @Test
    void prompt_injection_attempts_are_flagged_and_ordinary_prompts_are_not() {
        Counts c = new Counts();
        List<String> mistakes = new ArrayList<>();
        for (Labelled t : texts) {
            var verdict = PromptInjection.score(t.text());
            c.add(t.injection(), verdict.flagged());
            if (t.injection() != verdict.flagged()) {
                mistakes.add((verdict.flagged() ? "false " + verdict.indicators() : "missed") + ": " + t.text());
            }
        }
        System.out.println("prompt injection: " + c);
        mistakes.forEach(m -> System.out.println("  " + m));
        assertThat(c.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void refusals_are_told_from_answers_that_merely_say_cannot() {
        Counts c = new Counts();
        List<String> mistakes = new ArrayList<>();
        for (Labelled t : texts) {
            boolean got = Refusals.refused(t.text());
            c.add(t.refusal(), got);
            if (t.refusal() != got) {
                mistakes.add((got ? "false" : "missed") + ": " + t.text());
            }
        }
        System.out.println("refusals: " + c);
        mistakes.forEach(m -> System.out.println("  " + m));
        assertThat(c.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.recall()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void every_injection_indicator_cites_atlas_or_owasp_and_weighs_between_zero_and_one() {
        assertThat(PromptInjection.INDICATORS).allSatisfy(i -> {
            assertThat(i.reference()).containsAnyOf("AML.T0051", "LLM01");
            assertThat(i.weight()).isBetween(0.0, 1.0);
        });
        assertThat(PromptInjection.INDICATORS.stream()
                        .map(PromptInjection.Indicator::id)
                        .collect(Collectors.toSet()))
                .hasSameSizeAs(PromptInjection.INDICATORS);
    }

    @Test
    void checksums_tell_real_numbers_from_look_alikes() {
        assertThat(PersonalData.luhn("4111111111111111")).isTrue();
        assertThat(PersonalData.luhn("4111111111111112")).isFalse();
        assertThat(PersonalData.mod97("GB82WEST12345698765432")).isEqualTo(1);
        assertThat(PersonalData.mod97("GB83WEST12345698765432")).isNotEqualTo(1);
        assertThat(PersonalData.elevenTest("111222333")).isTrue();
        assertThat(PersonalData.elevenTest("111222334")).isFalse();
        var detector = new PersonalData();
        assertThat(detector.find("DNI 12345678Z")).containsExactly(PersonalData.Kind.NATIONAL_ID);
        assertThat(detector.find("DNI 12345678A")).isEmpty();
        assertThat(detector.find("SSN 666-12-3456")).isEmpty();
    }

    @Test
    void a_deployments_own_pattern_is_reported_as_personal_data() {
        var detector = new PersonalData(List.of(java.util.regex.Pattern.compile("\\bEMP-\\d{6}\\b")));
        assertThat(detector.find("Employee EMP-004211 asked for leave")).containsExactly(PersonalData.Kind.CUSTOM);
        assertThat(detector.find("Employee asked for leave")).isEmpty();
    }
}
