package dev.aegis.vendor;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.Questionnaire.Option;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.QuestionType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A questionnaire with the answers given so far: which questions are shown (a question whose condition's question is
 * hidden, or answered otherwise, is hidden too), which required shown questions are still open, and the score.
 */
record AnswerSheet(Questionnaire questionnaire, Map<String, JsonNode> answers) {

    /** The ids of the questions shown, in order. */
    Set<String> shown() {
        Set<String> shown = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            if (q.showIf() == null
                    || shown.contains(q.showIf().question())
                            && chosen(answers.get(q.showIf().question())).stream()
                                    .anyMatch(q.showIf().anyOf()::contains)) {
                shown.add(q.id());
            }
        }
        return shown;
    }

    /** The required shown questions without an answer. */
    List<String> missing() {
        Set<String> shown = shown();
        return questionnaire.questions().stream()
                .filter(q -> q.required() && shown.contains(q.id()) && empty(answers.get(q.id())))
                .map(Question::id)
                .toList();
    }

    /**
     * The weighted mean of the option scores of the shown, answered choice questions (a multiple choice scores the
     * mean of its options), 0–100; null when nothing scored was answered.
     */
    Integer score() {
        Set<String> shown = shown();
        double sum = 0;
        int weights = 0;
        for (Question q : questionnaire.questions()) {
            List<String> chosen = chosen(answers.get(q.id()));
            if (q.weight() == 0 || !q.type().hasOptions() || !shown.contains(q.id()) || chosen.isEmpty()) {
                continue;
            }
            double mean = q.options().stream()
                    .filter(o -> chosen.contains(o.value()))
                    .mapToInt(Option::score)
                    .average()
                    .orElse(0);
            sum += mean * q.weight();
            weights += q.weight();
        }
        return weights == 0 ? null : (int) Math.round(sum / weights);
    }

    /**
     * Refuses an answer that does not fit the question (an option it does not offer, a number that is none, an
     * exclusive option chosen with others…).
     */
    static void check(Question q, JsonNode value) {
        String field = "answers." + q.id();
        if (empty(value)) {
            return;
        }
        boolean fits = switch (q.type()) {
            case YES_NO, SINGLE_CHOICE -> value.isString() && values(q).contains(value.asString());
            case MULTIPLE_CHOICE ->
                value.isArray()
                        && chosen(value).size() == value.size()
                        && values(q).containsAll(chosen(value))
                        && new HashSet<>(chosen(value)).size() == value.size();
            case TEXT, FILE -> value.isString() && value.asString().length() <= 20_000;
            case NUMBER -> value.isNumber();
            case DATE -> value.isString() && isDate(value.asString());
        };
        if (fits && q.type() == QuestionType.MULTIPLE_CHOICE && value.size() > 1) {
            List<String> chosen = chosen(value);
            q.options().stream()
                    .filter(o -> o.excludesOthers() && chosen.contains(o.value()))
                    .findFirst()
                    .ifPresent(o -> {
                        throw new DomainRuleException(
                                field,
                                "“" + o.label()
                                        + "” cannot be chosen together with other options: untick it or the others.");
                    });
        }
        if (!fits) {
            throw new DomainRuleException(
                    field,
                    switch (q.type()) {
                        case YES_NO, SINGLE_CHOICE -> "Choose one of " + labels(q) + ".";
                        case MULTIPLE_CHOICE -> "Choose distinct options from " + labels(q) + ".";
                        case TEXT, FILE -> "Give text of up to 20,000 characters.";
                        case NUMBER -> "Give a number.";
                        case DATE -> "Give a date as YYYY-MM-DD.";
                    });
        }
    }

    static boolean empty(JsonNode value) {
        return value == null
                || value.isNull()
                || value.isString() && value.asString().isBlank()
                || value.isArray() && value.isEmpty();
    }

    private static List<String> chosen(JsonNode value) {
        List<String> chosen = new ArrayList<>();
        if (value == null) {
            return chosen;
        }
        if (value.isString()) {
            chosen.add(value.asString());
        } else if (value.isArray()) {
            value.forEach(v -> {
                if (v.isString()) {
                    chosen.add(v.asString());
                }
            });
        }
        return chosen;
    }

    private static List<String> values(Question q) {
        return q.options().stream().map(Option::value).toList();
    }

    private static String labels(Question q) {
        return String.join(
                ", ", q.options().stream().map(o -> "“" + o.label() + "”").toList());
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
