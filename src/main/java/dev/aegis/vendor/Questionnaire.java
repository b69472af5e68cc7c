package dev.aegis.vendor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aegis.framework.CatalogViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A questionnaire as one immutable document: what a template version holds, what is imported and exported as JSON
 * ({@code format} {@value #FORMAT}). Sections hold questions; a question may be shown only when an earlier question
 * was answered with one of some options; choice questions score each option from 0 to 100 and weigh the question
 * (0 leaves it out of the score); a multiple choice may declare options exclusive ("None of these"); each question names the framework requirements it bears on.
 */
public record Questionnaire(String format, String key, String title, String description, List<Section> sections) {

    public static final String FORMAT = "aegis-questionnaire/1";

    public enum QuestionType {
        YES_NO,
        SINGLE_CHOICE,
        MULTIPLE_CHOICE,
        TEXT,
        NUMBER,
        DATE,
        FILE;

        public boolean hasOptions() {
            return this == YES_NO || this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
        }
    }

    public record Section(String id, String title, List<Question> questions) {}

    /** {@code help} is an optional hint shown with the question (left out of the JSON when there is none). */
    public record Question(
            String id,
            QuestionType type,
            String text,
            boolean required,
            int weight,
            List<Option> options,
            Condition showIf,
            List<RequirementRef> requirements,
            @JsonInclude(JsonInclude.Include.NON_NULL) String help) {

        public Question(
                String id,
                QuestionType type,
                String text,
                boolean required,
                int weight,
                List<Option> options,
                Condition showIf,
                List<RequirementRef> requirements) {
            this(id, type, text, required, weight, options, showIf, requirements, null);
        }

        public List<Option> options() {
            return options == null ? List.of() : options;
        }

        public List<RequirementRef> requirements() {
            return requirements == null ? List.of() : requirements;
        }
    }

    /**
     * {@code exclusive} marks an option of a multiple choice that cannot be chosen with any other ("None of these");
     * it is left out of the JSON unless set.
     */
    public record Option(
            String value,
            String label,
            int score,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean exclusive) {

        public Option {
            exclusive = Boolean.TRUE.equals(exclusive) ? Boolean.TRUE : null;
        }

        public Option(String value, String label, int score) {
            this(value, label, score, null);
        }

        /** Whether choosing this option rules out every other option of the question. */
        public boolean excludesOthers() {
            return Boolean.TRUE.equals(exclusive);
        }
    }

    /** Shown only when the earlier question {@code question} was answered with any of {@code anyOf}. */
    public record Condition(String question, List<String> anyOf) {}

    /** A framework requirement by framework code and reference id, e.g. ISO-IEC-42001-2023 / A.10.3. */
    public record RequirementRef(String framework, String ref) {
        /** As a template names it: "ISO-IEC-42001-2023 A.10.3" (what the template editor reads and writes). */
        @Override
        public String toString() {
            return framework + " " + ref;
        }

        /** As people read it on screens and reports: "ISO/IEC 42001:2023 A.10.3". */
        public String words() {
            return CatalogViews.FrameworkSummary.shortName(framework, framework) + " " + ref;
        }
    }

    /** Every question, in order. */
    public List<Question> questions() {
        List<Question> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.questions() == null ? List.of() : s.questions()));
        return all;
    }

    /** The most characters of a template's or section's title, and of an option's label. */
    public static final int TITLE_MAX = 300;
    /** The most characters of a template's description. */
    public static final int DESCRIPTION_MAX = 4000;
    /** The most characters of a question's text and of its help. */
    public static final int TEXT_MAX = 2000;
    /** The most characters of an id (section, question, option value). */
    public static final int ID_MAX = 80;

    /**
     * The rules a questionnaire keeps, each broken one as a message naming the question: unique ids, options for
     * choice questions (and only for them), weights 0–10, scores 0–100, a condition only on an earlier choice question
     * and its options.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!FORMAT.equals(format)) {
            problems.add("format must be " + FORMAT);
        }
        if (blank(key) || !key.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            problems.add("key: lower-case letters, digits and hyphens, up to 80");
        }
        if (blank(title)) {
            problems.add("title: give the questionnaire a title");
        } else if (title.length() > TITLE_MAX) {
            problems.add("title: the title can be at most " + TITLE_MAX + " characters");
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            problems.add("description: the description can be at most "
                    + String.format(java.util.Locale.UK, "%,d", DESCRIPTION_MAX) + " characters");
        }
        if (sections == null || sections.isEmpty()) {
            problems.add("sections: a questionnaire has at least one section");
            return problems;
        }
        Map<String, Question> earlier = new HashMap<>();
        Set<String> sectionIds = new HashSet<>();
        for (Section section : sections) {
            if (blank(section.id()) || !sectionIds.add(section.id())) {
                problems.add("section " + section.id() + ": needs an id of its own");
            }
            if (blank(section.title())) {
                problems.add("section " + section.id() + ": needs a title");
            } else if (section.title().length() > TITLE_MAX) {
                problems.add("section " + section.id() + ": its title can be at most " + TITLE_MAX + " characters");
            }
            for (Question q : section.questions() == null ? List.<Question>of() : section.questions()) {
                check(q, earlier, problems);
                earlier.put(q.id(), q);
            }
        }
        return problems;
    }

    private static void check(Question q, Map<String, Question> earlier, List<String> problems) {
        String name = "question " + q.id() + ": ";
        if (blank(q.id()) || earlier.containsKey(q.id())) {
            problems.add(name + "needs an id of its own");
        }
        if (q.type() == null) {
            problems.add(name + "needs a type");
            return;
        }
        if (blank(q.text())) {
            problems.add(name + "needs its text");
        } else if (q.text().length() > TEXT_MAX) {
            problems.add(name + "its text can be at most " + String.format(java.util.Locale.UK, "%,d", TEXT_MAX)
                    + " characters");
        }
        if (q.help() != null && q.help().length() > TEXT_MAX) {
            problems.add(name + "its help can be at most " + String.format(java.util.Locale.UK, "%,d", TEXT_MAX)
                    + " characters");
        }
        if (q.weight() < 0 || q.weight() > 10) {
            problems.add(name + "weight runs from 0 to 10");
        }
        if (q.type().hasOptions()) {
            Set<String> values = new HashSet<>();
            if (q.options().size() < 2) {
                problems.add(name + "a choice needs at least two options");
            }
            if (q.type() == QuestionType.MULTIPLE_CHOICE
                    && q.options().size() >= 2
                    && q.options().stream().allMatch(Option::excludesOthers)) {
                problems.add(name + "at most all but one option can be exclusive");
            }
            for (Option o : q.options()) {
                if (blank(o.value()) || !values.add(o.value()) || blank(o.label())) {
                    problems.add(name + "each option needs a value of its own and a label");
                } else if (o.value().length() > ID_MAX || o.label().length() > TITLE_MAX) {
                    problems.add(name + "option " + o.value() + " has at most " + ID_MAX
                            + " characters in its value and " + TITLE_MAX + " in its label");
                }
                if (o.score() < 0 || o.score() > 100) {
                    problems.add(name + "option " + o.value() + " scores from 0 to 100");
                }
                if (o.excludesOthers() && q.type() != QuestionType.MULTIPLE_CHOICE) {
                    problems.add(name + "option " + o.value()
                            + " can be exclusive only in a multiple choice (one answer excludes the others already)");
                }
            }
        } else {
            if (!q.options().isEmpty()) {
                problems.add(name + "only yes/no and choice questions have options");
            }
            if (q.weight() != 0) {
                problems.add(name + "only yes/no and choice questions are scored; give weight 0");
            }
        }
        if (q.showIf() != null) {
            Question on = earlier.get(q.showIf().question());
            if (on == null || !on.type().hasOptions()) {
                problems.add(name + "is shown depending on " + q.showIf().question()
                        + ", which must be an earlier yes/no or choice question");
            } else if (q.showIf().anyOf() == null
                    || q.showIf().anyOf().isEmpty()
                    || !on.options().stream()
                            .map(Option::value)
                            .toList()
                            .containsAll(q.showIf().anyOf())) {
                problems.add(name + "is shown on answers that " + on.id() + " does not offer");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
