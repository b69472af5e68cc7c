package dev.aegis.monitor;

import dev.aegis.monitor.AlertRule.Comparison;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deployments: registered, changed and removed here, each with its default alert rules (PSI &gt; 0.2, JS &gt; 0.1,
 * KS p &lt; 0.01 with n ≥ 500, DPD &gt; 0.1, error rate &gt; 5 %, p95 latency above the deployment's budget).
 */
@Service
@Transactional
@WhenMonitorEnabled
public class DeploymentService {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    /** The most personal-data patterns a deployment keeps. */
    static final int MAX_PATTERNS = 20;

    private final Deployments deployments;
    private final AlertRules rules;
    private final Clock clock;
    private final RawTexts texts;
    private final MonitorSettings settings;

    DeploymentService(
            Deployments deployments, AlertRules rules, Clock clock, RawTexts texts, MonitorSettings settings) {
        this.deployments = deployments;
        this.rules = rules;
        this.clock = clock;
        this.texts = texts;
        this.settings = settings;
    }

    /**
     * Sets the deployment's own personal-data patterns (each checked by {@link dev.aegis.monitor.llm.PatternGuard}:
     * length, syntax, no exponential backtracking) and how many days prompt and response text are kept (null: none,
     * the default; at most as long as the monitor keeps raw events). Text older than the new limit is purged at once.
     */
    @PreAuthorize(Permissions.EDIT)
    public Deployment configureLlm(String name, long version, List<PersonalDataPattern> patterns, Integer rawTextDays) {
        Deployment deployment = find(name);
        if (deployment.getVersion() != version) {
            throw new OptimisticLockingFailureException(
                    "Deployment " + name + " is at version " + deployment.getVersion());
        }
        List<PersonalDataPattern> list = patterns == null ? List.of() : patterns;
        if (list.size() > MAX_PATTERNS) {
            throw new DomainRuleException(
                    "personalDataPatterns", "A deployment keeps at most " + MAX_PATTERNS + " patterns.");
        }
        Set<String> names = new HashSet<>();
        List<PersonalDataPattern> kept = new java.util.ArrayList<>();
        for (PersonalDataPattern p : list) {
            String patternName = p == null || p.name() == null ? "" : p.name().trim();
            if (patternName.isEmpty() || patternName.length() > dev.aegis.monitor.llm.PatternGuard.MAX_NAME) {
                throw new DomainRuleException(
                        "personalDataPatterns",
                        "Name each pattern (up to " + dev.aegis.monitor.llm.PatternGuard.MAX_NAME
                                + " characters), e.g. patient number = \\bPAT-\\d{6}\\b.");
            }
            if (!names.add(patternName)) {
                throw new DomainRuleException("personalDataPatterns", "Pattern '" + patternName + "' is named twice.");
            }
            try {
                dev.aegis.monitor.llm.PatternGuard.check(p.regex());
            } catch (dev.aegis.monitor.llm.PatternGuard.Refused e) {
                throw new DomainRuleException("personalDataPatterns", patternName + ": " + e.getMessage());
            }
            kept.add(new PersonalDataPattern(patternName, p.regex()));
        }
        long maxDays = Math.min(365, Math.max(1, settings.retention().toDays()));
        if (rawTextDays != null && (rawTextDays < 1 || rawTextDays > maxDays)) {
            throw new DomainRuleException(
                    "rawTextDays",
                    "Keep the text for 1 to " + maxDays + " days (the monitor keeps raw events " + maxDays
                            + " days), or leave it blank to keep none.");
        }
        deployment.configureLlm(kept, rawTextDays, clock.instant());
        Deployment saved = deployments.saveAndFlush(deployment);
        texts.purge(saved);
        return saved;
    }

    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public List<Deployment> list() {
        return deployments.findAllByOrderByNameAsc();
    }

    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public Deployment get(String name) {
        return find(name);
    }

    @PreAuthorize(Permissions.EDIT)
    public Deployment register(DeploymentDetails details) {
        check(details);
        if (deployments.findByName(details.name().trim()).isPresent()) {
            throw new DomainRuleException(
                    "name", "A deployment named '" + details.name().trim() + "' exists already.");
        }
        return create(details);
    }

    /**
     * The deployment of this name, registered with {@code details} (and its default rules) when missing. For the
     * monitor's own models, which register themselves without a user: no permission check.
     */
    Deployment ensure(DeploymentDetails details) {
        return deployments.findByName(details.name()).orElseGet(() -> {
            check(details);
            return create(details);
        });
    }

    private Deployment create(DeploymentDetails details) {
        Deployment deployment = deployments.saveAndFlush(new Deployment(details, clock.instant()));
        for (RuleDetails rule : defaultRules(details)) {
            rules.save(new AlertRule(deployment.getId(), rule, true));
        }
        return deployment;
    }

    @PreAuthorize(Permissions.EDIT)
    public Deployment update(String name, long version, DeploymentDetails details) {
        Deployment deployment = find(name);
        if (deployment.getVersion() != version) {
            throw new OptimisticLockingFailureException(
                    "Deployment " + name + " is at version " + deployment.getVersion());
        }
        check(details);
        if (!deployment.getName().equals(details.name().trim())) {
            throw new DomainRuleException(
                    "name",
                    "A deployment keeps its name (events and tokens refer to it); "
                            + "register a new deployment for a new name.");
        }
        Double before = deployment.getLatencyBudgetMs();
        deployment.apply(details, clock.instant());
        if (!Objects.equals(before, details.latencyBudgetMs())) {
            syncLatencyBudgetRule(deployment);
        }
        return deployments.saveAndFlush(deployment);
    }

    @PreAuthorize(Permissions.EDIT)
    public void remove(String name) {
        Deployment deployment = find(name);
        deployments.delete(deployment);
    }

    java.util.Optional<Deployment> findOptional(String name) {
        return deployments.findByName(name);
    }

    Deployment find(String name) {
        return deployments.findByName(name).orElseThrow(() -> new NotFoundException("No deployment named " + name));
    }

    private void syncLatencyBudgetRule(Deployment deployment) {
        var existing = rules.findByDeploymentIdOrderByIdAsc(deployment.getId()).stream()
                .filter(r -> r.isDefaultRule() && r.getMetric() == Metric.LATENCY_P95)
                .findFirst();
        Double budget = deployment.getLatencyBudgetMs();
        if (budget == null) {
            existing.ifPresent(rules::delete);
        } else if (existing.isPresent()) {
            AlertRule rule = existing.get();
            var d = rule.details();
            rule.apply(new RuleDetails(
                    d.metric(), d.subject(), d.comparison(), budget, d.resolution(), d.minSamples(), d.enabled()));
        } else {
            rules.save(new AlertRule(deployment.getId(), latencyRule(budget), true));
        }
    }

    static List<RuleDetails> defaultRules(DeploymentDetails d) {
        var list = new java.util.ArrayList<>(List.of(
                new RuleDetails(Metric.PSI, null, Comparison.GT, 0.2, Resolution.ONE_HOUR, 0, true),
                new RuleDetails(Metric.JS_DISTANCE, null, Comparison.GT, 0.1, Resolution.ONE_HOUR, 0, true),
                new RuleDetails(Metric.KS_P_VALUE, null, Comparison.LT, 0.01, Resolution.ONE_HOUR, 500, true),
                new RuleDetails(
                        Metric.DEMOGRAPHIC_PARITY_DIFFERENCE, null, Comparison.GT, 0.1, Resolution.ONE_HOUR, 0, true),
                new RuleDetails(Metric.ERROR_RATE, null, Comparison.GT, 0.05, Resolution.FIVE_MINUTES, 0, true)));
        if (d.latencyBudgetMs() != null) {
            list.add(latencyRule(d.latencyBudgetMs()));
        }
        return list;
    }

    private static RuleDetails latencyRule(double budget) {
        return new RuleDetails(Metric.LATENCY_P95, null, Comparison.GT, budget, Resolution.FIVE_MINUTES, 0, true);
    }

    private static void check(DeploymentDetails d) {
        if (d.name() == null || !NAME.matcher(d.name().trim()).matches()) {
            throw new DomainRuleException(
                    "name",
                    "Name the deployment with lower-case letters, digits, '.', '_' or '-' "
                            + "(up to 100, starting with a letter or digit), e.g. sentiment-v2.");
        }
        require("modelVersion", d.modelVersion(), "Give the model version, e.g. 2.1.0.");
        require("owner", d.owner(), "Name the owner (a person or team).");
        if (d.description() != null && d.description().length() > 4000) {
            throw new DomainRuleException("description", "Keep the description under 4000 characters.");
        }
        Set<String> seen = new HashSet<>();
        for (Feature f : d.features()) {
            if (f == null || f.name() == null || !ATTRIBUTE.matcher(f.name()).matches()) {
                throw new DomainRuleException(
                        "features",
                        "Feature names use letters, digits, '_', '.', '-' "
                                + "(up to 100, starting with a letter or '_').");
            }
            if (f.kind() == null) {
                throw new DomainRuleException(
                        "features", "Say whether feature '" + f.name() + "' is NUMERIC or CATEGORICAL.");
            }
            if (!seen.add(f.name())) {
                throw new DomainRuleException("features", "Feature '" + f.name() + "' is named twice.");
            }
        }
        Set<String> labels = new HashSet<>();
        for (String label : d.labels()) {
            if (label == null || label.isBlank() || label.length() > 100 || !labels.add(label)) {
                throw new DomainRuleException("labels", "Labels are distinct, non-empty and up to 100 characters.");
            }
        }
        for (String attribute : d.protectedAttributes()) {
            if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                throw new DomainRuleException(
                        "protectedAttributes", "Protected attributes use letters, digits, '_', '.', '-'.");
            }
        }
        if (d.latencyBudgetMs() != null && !(d.latencyBudgetMs() > 0)) {
            throw new DomainRuleException(
                    "latencyBudgetMs", "The latency budget is a positive number of milliseconds.");
        }
        ReferenceWindow r = d.reference();
        switch (r.kind()) {
            case TIME_RANGE -> {
                if (r.from() == null || r.to() == null || !r.from().isBefore(r.to())) {
                    throw new DomainRuleException("reference", "A reference time range needs 'from' before 'to'.");
                }
            }
            case BATCH -> {
                if (r.batch() == null || !ATTRIBUTE.matcher(r.batch()).matches()) {
                    throw new DomainRuleException(
                            "reference", "Name the reference batch with letters, digits, '_', '.', '-'.");
                }
            }
            case NONE -> {}
        }
    }

    private static void require(String field, String value, String message) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new DomainRuleException(field, message);
        }
    }
}
