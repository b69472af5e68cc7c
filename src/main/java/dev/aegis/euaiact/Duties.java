package dev.aegis.euaiact;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Classifier.Outcome;
import dev.aegis.inventory.Classification.EuAiActTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which articles apply to a classified system, for its roles and classification, and from when: read from
 * {@code db/euaiact/duties.json}, so that an amending act changes data, not code.
 */
public final class Duties {

    /** An article that applies, why, and from which date (Art. 113). */
    public record Duty(String article, String why, LocalDate appliesFrom, String dateWhy) {
        public boolean inForce(LocalDate today) {
            return !today.isBefore(appliesFrom);
        }
    }

    private record Rule(Set<ActRole> roles, String when, List<String> articles, String why) {}

    private record DateRule(LocalDate from, Set<String> articles, String when, boolean fallback, String why) {}

    private final List<Rule> rules;
    private final List<DateRule> dates;

    private Duties(List<Rule> rules, List<DateRule> dates) {
        this.rules = rules;
        this.dates = dates;
    }

    /** The bundled table. */
    public static Duties bundled() {
        try (InputStream in = new ClassPathResource("db/euaiact/duties.json").getInputStream()) {
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("db/euaiact/duties.json is missing from the build", e);
        }
    }

    static Duties parse(JsonNode root) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode d : root.path("duties")) {
            rules.add(new Rule(
                    Set.copyOf(strings(d.path("role")).stream()
                            .map(ActRole::valueOf)
                            .toList()),
                    d.path("when").asString(),
                    strings(d.path("articles")),
                    d.path("why").asString()));
        }
        List<DateRule> dates = new ArrayList<>();
        for (JsonNode d : root.path("application_dates")) {
            dates.add(new DateRule(
                    LocalDate.parse(d.path("from").asString()),
                    Set.copyOf(strings(d.path("articles"))),
                    d.path("when").isMissingNode() ? null : d.path("when").asString(),
                    d.path("default").asBoolean(false),
                    d.path("why").asString()));
        }
        return new Duties(List.copyOf(rules), List.copyOf(dates));
    }

    /** The articles that apply to a system with this outcome, in the table's order, each once (its reasons joined). */
    public List<Duty> of(Outcome outcome) {
        if (!outcome.inScope()) {
            return List.of();
        }
        Map<String, Duty> out = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (!holds(rule.when(), outcome) || rule.roles().stream().noneMatch(outcome.roles()::contains)) {
                continue;
            }
            for (String article : rule.articles()) {
                Duty duty = applies(article, rule.why(), outcome);
                out.merge(
                        article,
                        duty,
                        (a, b) -> new Duty(article, a.why() + " " + b.why(), a.appliesFrom(), a.dateWhy()));
            }
        }
        return List.copyOf(out.values());
    }

    private Duty applies(String article, String why, Outcome outcome) {
        for (DateRule d : dates) {
            // the first row that names the article, or the Annex I row for a system high-risk through Art. 6(1),
            // or the default row: the file lists them in that order
            boolean matches = d.articles().contains(article)
                    || ("annex_i".equals(d.when()) && outcome.highRiskByAnnexI())
                    || d.fallback();
            if (matches) {
                return new Duty(article, why, d.from(), d.why());
            }
        }
        throw new IllegalStateException("db/euaiact/duties.json gives no date for " + article);
    }

    private static boolean holds(String when, Outcome o) {
        return switch (when) {
            case "in_scope" -> true;
            case "prohibited" -> o.tier() == EuAiActTier.PROHIBITED;
            case "high" -> o.tier() == EuAiActTier.HIGH;
            case "high_annex_iii" ->
                o.tier() == EuAiActTier.HIGH && o.annexIII().stream().anyMatch(p -> !p.startsWith("2("));
            case "fria" -> o.friaDue();
            case "transparency" -> !o.transparency().isEmpty() && o.tier() != EuAiActTier.PROHIBITED;
            case "derogation" -> o.derogation();
            case "gpai" -> o.gpai() != Answers.Gpai.NONE;
            case "gpai_systemic" -> o.gpai() == Answers.Gpai.SYSTEMIC_RISK;
            default -> throw new IllegalStateException("db/euaiact/duties.json: unknown condition " + when);
        };
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
