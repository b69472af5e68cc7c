package dev.aegis.monitor.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternGuardUnitTest {

    @Test
    void a_patient_number_format_is_kept_and_found_as_personal_data() {
        Pattern patient = PatternGuard.check("\\bPAT-\\d{6}\\b");
        var found = new PersonalData(List.of(patient)).find("Patient PAT-004211 asks about her results.");
        assertThat(found).contains(PersonalData.Kind.CUSTOM);
        assertThat(new PersonalData(List.of(patient)).find("Patient PAT-42 asks."))
                .isEmpty();
    }

    @Test
    void a_pattern_that_is_no_regular_expression_is_refused_with_where_it_breaks() {
        assertThatThrownBy(() -> PatternGuard.check("PAT-(\\d{6}"))
                .isInstanceOf(PatternGuard.Refused.class)
                .hasMessageStartingWith("This is no regular expression: Unclosed group near position");
    }

    @Test
    void a_pattern_with_repetition_inside_repetition_is_refused() {
        // the JDK's engine memoises simple cases such as (a+)+$; these still explode on a long run of one character
        for (String evil : List.of("(a+a+)+y", "(.*a){12}", "(\\w+\\w+)+#")) {
            assertThatThrownBy(() -> PatternGuard.check(evil))
                    .as(evil)
                    .isInstanceOf(PatternGuard.Refused.class)
                    .hasMessageContaining("takes too long on repetitive text");
        }
    }

    @Test
    void too_long_blank_and_match_everything_patterns_are_refused() {
        assertThatThrownBy(() -> PatternGuard.check("a".repeat(201)))
                .hasMessage("A pattern has at most 200 characters (this one has 201).");
        assertThatThrownBy(() -> PatternGuard.check(" ")).hasMessageStartingWith("Give the pattern");
        assertThatThrownBy(() -> PatternGuard.check("x*")).hasMessageContaining("matches empty text");
    }

    @Test
    void a_match_that_runs_out_of_its_budget_is_given_up_on_that_text() {
        Pattern evil = Pattern.compile("(a+a+)+y");
        assertThat(PatternGuard.find(evil, "a".repeat(400))).isNull();
        assertThat(new PersonalData(List.of(evil)).find("a".repeat(400)))
                .as("given up: nothing found, and no minutes spent")
                .isEmpty();
        assertThat(PatternGuard.find(Pattern.compile("\\bPAT-\\d{6}\\b"), "PAT-123456"))
                .isTrue();
    }
}
