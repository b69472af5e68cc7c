package dev.aegis.risk;

import static dev.aegis.inventory.InventoryGenerator.pick;

import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.inventory.InventoryGenerator;
import dev.aegis.inventory.InventoryGenerator.GeneratedSystem;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the register with made-up risks for benchmarks ({@code docs/benchmarks.md}): each risk belongs to one to three
 * of the given systems, names real ATLAS techniques or OWASP LLM entries of the catalog as its threat and real
 * requirements of the other catalogs, and stands in every workflow state with scores that fit it (residual ratings
 * only once treated, acceptance by someone other than the owner). Like {@link InventoryGenerator} it writes thousands
 * of rows per statement past the service, so nothing is audited: for generated data only.
 */
@Component
public class RiskGenerator {

    private record Template(Category category, String title, String description) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template(
                    Category.SECURITY,
                    "Prompt injection through retrieved documents",
                    "Instructions hidden in uploaded or retrieved documents steer the model past its guardrails."),
            new Template(
                    Category.SECURITY,
                    "Model extraction through the public API",
                    "High-volume queries let a competitor reconstruct the model's behaviour."),
            new Template(
                    Category.SECURITY,
                    "Poisoned training data from an open source",
                    "A contributor to a scraped data set plants samples that flip predictions on a trigger."),
            new Template(
                    Category.SECURITY,
                    "Jailbreak exposes the system prompt",
                    "Role-play prompts make the assistant reveal its instructions and tool credentials."),
            new Template(
                    Category.PRIVACY,
                    "Leak of personal data in generated answers",
                    "The model repeats personal data memorised from training or seen in another user's session."),
            new Template(
                    Category.PRIVACY,
                    "Membership inference on patient records",
                    "Confidence scores reveal whether a person's record was in the training set."),
            new Template(
                    Category.PRIVACY,
                    "Retention beyond the consent period",
                    "Logs of prompts and outputs are kept longer than the consent basis allows."),
            new Template(
                    Category.FAIRNESS,
                    "Bias against older applicants",
                    "Selection rates differ by age group beyond the four-fifths rule."),
            new Template(
                    Category.FAIRNESS,
                    "Lower accuracy for under-represented groups",
                    "Error rates are markedly higher for groups with little training data."),
            new Template(
                    Category.SAFETY,
                    "Unsafe advice in edge cases",
                    "Confident answers on rare conditions without a prompt to consult a professional."),
            new Template(
                    Category.SAFETY,
                    "Automation bias of reviewers",
                    "Reviewers approve suggestions without checking them once the model seems reliable."),
            new Template(
                    Category.TRANSPARENCY,
                    "Users not told they talk to an AI",
                    "The chat does not disclose that answers are generated, as the EU AI Act requires."),
            new Template(
                    Category.TRANSPARENCY,
                    "Decisions cannot be explained to the people affected",
                    "Adverse decisions carry no reasons a person could contest."),
            new Template(
                    Category.RELIABILITY,
                    "Data drift after a change of upstream system",
                    "Input distributions shift after the upstream migration and accuracy drops unnoticed."),
            new Template(
                    Category.RELIABILITY,
                    "Hallucinated references in summaries",
                    "Summaries cite documents, figures or guidelines that do not exist."),
            new Template(
                    Category.THIRD_PARTY,
                    "Vendor changes the model without notice",
                    "The hosted model is replaced by a new version that behaves differently."),
            new Template(
                    Category.THIRD_PARTY,
                    "Vendor outage stops the service",
                    "No fallback when the vendor API is unavailable for hours."),
            new Template(
                    Category.COMPLIANCE,
                    "Missing conformity assessment for a high-risk use",
                    "The system went live without the technical documentation a high-risk system needs."),
            new Template(
                    Category.COMPLIANCE,
                    "No record of the data protection impact assessment",
                    "Processing of special-category data without a documented DPIA."));

    private final JdbcTemplate jdbc;
    private final FrameworkCatalog catalog;

    RiskGenerator(JdbcTemplate jdbc, FrameworkCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Inserts {@code count} risks whose titles start with {@code prefix} (empty for none) against the given systems,
     * drawn from {@code random} so a seed reproduces the same register.
     */
    @Transactional
    public int generate(List<GeneratedSystem> systems, int count, String prefix, Random random, Instant now) {
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("Risks need AI systems to belong to.");
        }
        List<Long> threats = new ArrayList<>();
        List<Long> requirements = new ArrayList<>();
        for (FrameworkSummary f : catalog.frameworks()) {
            for (RequirementSummary r : catalog.tree(f.code(), false)) {
                if (RiskService.ATLAS.equals(f.code())
                        && (r.kind() == RequirementKind.TECHNIQUE || r.kind() == RequirementKind.SUB_TECHNIQUE)) {
                    threats.add(r.id());
                } else if (RiskService.OWASP_LLM.equals(f.code()) && r.kind() == RequirementKind.RISK) {
                    // OWASP entries are the threats named most often
                    for (int i = 0; i < 8; i++) {
                        threats.add(r.id());
                    }
                } else if (!f.custom()
                        && r.assessable()
                        && !RiskService.ATLAS.equals(f.code())
                        && !RiskService.OWASP_LLM.equals(f.code())) {
                    requirements.add(r.id());
                }
            }
        }
        List<String> officers = InventoryGenerator.people(prefix, "officer", 20);
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('risk.risk', 'id')) " + "from generate_series(1, ?)",
                Long.class,
                count);
        for (int from = 0; from < count; from += InventoryGenerator.CHUNK_SIZE) {
            chunk(
                    ids.subList(from, Math.min(count, from + InventoryGenerator.CHUNK_SIZE)),
                    systems,
                    threats,
                    requirements,
                    officers,
                    prefix,
                    random,
                    now);
        }
        return count;
    }

    private void chunk(
            List<Long> ids,
            List<GeneratedSystem> systems,
            List<Long> threatPool,
            List<Long> requirementPool,
            List<String> officers,
            String prefix,
            Random random,
            Instant now) {
        int n = ids.size();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Object[][] cols = new Object[21][n];
        List<Long> systemRisks = new ArrayList<>();
        List<Long> systemIds = new ArrayList<>();
        List<Long> threatRisks = new ArrayList<>();
        List<Long> threatIds = new ArrayList<>();
        List<Long> requirementRisks = new ArrayList<>();
        List<Long> requirementIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = ids.get(i);
            Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            Set<GeneratedSystem> belongs = new LinkedHashSet<>();
            int howMany = pick(random, new Integer[] {1, 2, 3}, 70, 20, 10);
            while (belongs.size() < Math.min(howMany, systems.size())) {
                // some systems carry many risks, most a few
                belongs.add(systems.get((int) (systems.size() * Math.pow(random.nextDouble(), 1.5))));
            }
            GeneratedSystem first = belongs.iterator().next();
            String owner = random.nextInt(10) < 6 ? first.owner() : officers.get(random.nextInt(officers.size()));
            int likelihood = pick(random, new Integer[] {1, 2, 3, 4, 5}, 10, 25, 30, 25, 10);
            int impact = pick(random, new Integer[] {1, 2, 3, 4, 5}, 8, 20, 32, 25, 15);
            Status status = pick(random, Status.values(), 25, 25, 22, 18, 10);
            boolean treated = status == Status.TREATED || status == Status.CLOSED || status == Status.ACCEPTED;
            Integer residualLikelihood = treated ? Math.max(1, likelihood - random.nextInt(3)) : null;
            Integer residualImpact = treated ? Math.max(1, impact - random.nextInt(2)) : null;
            Treatment treatment = status == Status.ACCEPTED
                    ? Treatment.ACCEPT
                    : treated
                            ? pick(
                                    random,
                                    new Treatment[] {Treatment.MITIGATE, Treatment.TRANSFER, Treatment.AVOID},
                                    70,
                                    15,
                                    15)
                            : null;
            Instant created =
                    now.minus(random.nextInt(700) + 1, ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400));
            Instant updated = created.plus(random.nextInt(90), ChronoUnit.DAYS);
            String acceptor = null;
            if (status == Status.ACCEPTED) {
                do {
                    acceptor = officers.get(random.nextInt(officers.size()));
                } while (acceptor.equalsIgnoreCase(owner));
            }
            cols[0][i] = id;
            cols[1][i] = (prefix.isEmpty() ? "" : prefix + " ") + t.title() + " in " + first.name();
            cols[2][i] =
                    t.description() + " Seen in " + first.name() + (belongs.size() > 1 ? " and related systems." : ".");
            cols[3][i] = t.category().name();
            cols[4][i] = (long) likelihood;
            cols[5][i] = (long) impact;
            cols[6][i] = (long) likelihood * impact;
            cols[7][i] = residualLikelihood == null ? null : residualLikelihood.longValue();
            cols[8][i] = residualImpact == null ? null : residualImpact.longValue();
            cols[9][i] = residualLikelihood == null ? null : (long) residualLikelihood * residualImpact;
            cols[10][i] = treatment == null ? null : treatment.name();
            cols[11][i] = owner;
            cols[12][i] = random.nextInt(5) == 0
                    ? null
                    : today.plusDays(random.nextInt(360) - 60).toString();
            cols[13][i] = status.name();
            cols[14][i] = acceptor;
            cols[15][i] = acceptor == null ? null : Timestamp.from(updated);
            cols[16][i] = acceptor == null ? null : "Residual risk within appetite until the vendor fix ships.";
            cols[17][i] = acceptor == null
                    ? null
                    : today.plusDays(random.nextInt(335) + 30).toString();
            cols[18][i] = Timestamp.from(created);
            cols[19][i] = Timestamp.from(updated);
            cols[20][i] = 0L;
            for (GeneratedSystem s : belongs) {
                systemRisks.add(id);
                systemIds.add(s.id());
            }
            int threatCount = t.category() == Category.SECURITY
                    ? 1 + random.nextInt(2)
                    : random.nextInt(10)
                                    < (t.category() == Category.PRIVACY
                                                    || t.category() == Category.SAFETY
                                                    || t.category() == Category.RELIABILITY
                                            ? 4
                                            : 1)
                            ? 1
                            : 0;
            addDistinct(id, threatPool, threatCount, random, threatRisks, threatIds);
            addDistinct(
                    id,
                    requirementPool,
                    pick(random, new Integer[] {0, 1, 2, 3}, 15, 35, 30, 20),
                    random,
                    requirementRisks,
                    requirementIds);
        }
        jdbc.execute((java.sql.Connection c) -> {
            try (var insert = c.prepareStatement("""
                    insert into risk.risk (id, title, description, category, inherent_likelihood, inherent_impact,
                        inherent_score, residual_likelihood, residual_impact, residual_score, treatment, owner, due_date,
                        status, accepted_by, accepted_at, acceptance_rationale, acceptance_expires_on, created_at,
                        updated_at, version)
                    select id, title, description, category, l, i, s, rl, ri, rs, treatment, owner, due::date, status,
                        accepted_by, accepted_at, rationale, expires::date, created_at, updated_at, version
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
                        ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                        ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
                        as t(id, title, description, category, l, i, s, rl, ri, rs, treatment, owner, due, status,
                        accepted_by, accepted_at, rationale, expires, created_at, updated_at, version)""")) {
                String[] types = {
                    "bigint",
                    "text",
                    "text",
                    "text",
                    "bigint",
                    "bigint",
                    "bigint",
                    "bigint",
                    "bigint",
                    "bigint",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "timestamptz",
                    "text",
                    "text",
                    "timestamptz",
                    "timestamptz",
                    "bigint"
                };
                for (int k = 0; k < cols.length; k++) {
                    insert.setArray(k + 1, c.createArrayOf(types[k], cols[k]));
                }
                insert.executeUpdate();
            }
            InventoryGenerator.pairs(
                    c,
                    "insert into risk.risk_system (risk_id, system_id) "
                            + "select * from unnest(?::bigint[], ?::bigint[])",
                    systemRisks,
                    systemIds);
            InventoryGenerator.pairs(
                    c,
                    "insert into risk.risk_threat (risk_id, requirement_id) "
                            + "select * from unnest(?::bigint[], ?::bigint[])",
                    threatRisks,
                    threatIds);
            InventoryGenerator.pairs(
                    c,
                    "insert into risk.risk_requirement (risk_id, requirement_id) "
                            + "select * from unnest(?::bigint[], ?::bigint[])",
                    requirementRisks,
                    requirementIds);
            return null;
        });
    }

    private static void addDistinct(
            long risk, List<Long> pool, int howMany, Random random, List<Long> risks, List<Long> targets) {
        Set<Long> chosen = new LinkedHashSet<>();
        for (int tries = 0; chosen.size() < howMany && !pool.isEmpty() && tries < 20; tries++) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        for (Long target : chosen) {
            risks.add(risk);
            targets.add(target);
        }
    }
}
