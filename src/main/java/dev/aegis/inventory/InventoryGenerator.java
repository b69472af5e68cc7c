package dev.aegis.inventory;

import dev.aegis.inventory.Classification.AffectedGroup;
import dev.aegis.inventory.Classification.Autonomy;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.Classification.Status;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the inventory with made-up AI systems for benchmarks and load tests ({@code docs/benchmarks.md}): plausible
 * names, owners and a realistic spread of life-cycle stages, model types, data categories and EU AI Act tiers. Rows
 * go in by the thousand through {@code insert … select from unnest(arrays)}, bypassing the service: nothing is
 * audited and no scope is proposed, so this is never offered to users, only to the generator command and tests.
 */
@Component
public class InventoryGenerator {

    /** Rows per insert statement. */
    public static final int CHUNK_SIZE = 5000;

    private static final String[] DOMAINS = {
        "Claims",
        "Triage",
        "Radiology",
        "Credit",
        "Fraud",
        "Churn",
        "Pricing",
        "Support",
        "Recruiting",
        "Scheduling",
        "Dermatology",
        "Sepsis",
        "Billing",
        "Marketing",
        "Logistics",
        "Underwriting",
        "Contract",
        "Translation",
        "Coding",
        "Forecast"
    };
    private static final String[] KINDS = {
        "assistant",
        "classifier",
        "scorer",
        "chatbot",
        "summariser",
        "recommender",
        "detector",
        "copilot",
        "forecaster",
        "router"
    };
    private static final String[] VENDORS = {
        "Northwind AI", "Contoso Models", "Fabrikam Cloud", "Tailspin Labs", "Adatum Health", "Litware LLM"
    };

    /** A generated system: its id, name and the user who owns it. */
    public record GeneratedSystem(long id, String name, String owner) {}

    private final JdbcTemplate jdbc;

    InventoryGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the planner's statistics of the inventory's tables after a bulk load (never inside a transaction). */
    public void analyze() {
        jdbc.execute(
                "vacuum analyze inventory.ai_system, inventory.ai_system_data_category, inventory.ai_system_affected_group");
    }

    /** User names for generated records: {@code owner001} … for role "owner", a pool of {@code size} people. */
    public static List<String> people(String prefix, String role, int size) {
        String start = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + role;
        List<String> people = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            people.add(start + String.format("%03d", i));
        }
        return people;
    }

    /**
     * Inserts {@code count} systems whose names start with {@code prefix} (empty for none), drawn from {@code random}
     * so a seed reproduces the same inventory.
     */
    @Transactional
    public List<GeneratedSystem> generate(int count, String prefix, Random random, Instant now) {
        List<String> owners = people(prefix, "owner", Math.max(10, count / 40));
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('inventory.ai_system', 'id')) " + "from generate_series(1, ?)",
                Long.class,
                count);
        List<GeneratedSystem> generated = new ArrayList<>(count);
        for (int from = 0; from < count; from += CHUNK_SIZE) {
            generated.addAll(chunk(ids.subList(from, Math.min(count, from + CHUNK_SIZE)), prefix, owners, random, now));
        }
        return generated;
    }

    private List<GeneratedSystem> chunk(
            List<Long> ids, String prefix, List<String> owners, Random random, Instant now) {
        int n = ids.size();
        Object[][] cols = new Object[23][n];
        List<Long> categorySystems = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Long> groupSystems = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<GeneratedSystem> generated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long id = ids.get(i);
            String domain = DOMAINS[random.nextInt(DOMAINS.length)];
            ModelType model = pick(random, ModelType.values(), 35, 25, 10, 15, 15);
            String kind = model == ModelType.GENERATIVE_LLM
                    ? pickOf(random, "assistant", "chatbot", "summariser", "copilot")
                    : KINDS[random.nextInt(KINDS.length)];
            Deployment deployment = pick(random, Deployment.values(), 55, 35, 10);
            Status status = pick(random, Status.values(), 15, 70, 10, 5);
            LifecycleStage stage = status == Status.RETIRED
                    ? LifecycleStage.RETIREMENT
                    : pick(random, LifecycleStage.values(), 8, 14, 8, 35, 35, 0);
            EuAiActTier tier = pick(random, EuAiActTier.values(), 8, 40, 30, 20, 2);
            String business = owners.get(random.nextInt(owners.size()));
            String technical = random.nextInt(4) == 0 ? business : owners.get(random.nextInt(owners.size()));
            Instant created = now.minus(random.nextInt(900) + 1, ChronoUnit.DAYS);
            cols[0][i] = id;
            cols[1][i] = (prefix.isEmpty() ? "" : prefix + " ") + domain + " " + kind + " " + id;
            cols[2][i] = domain + " " + kind + ": " + purpose(model, domain);
            cols[3][i] = "Used by the " + domain.toLowerCase() + " team";
            cols[4][i] = business;
            cols[5][i] = technical;
            cols[6][i] = stage.name();
            cols[7][i] = deployment.name();
            cols[8][i] = model.name();
            cols[9][i] = pick(random, Autonomy.values(), 50, 35, 15).name();
            cols[10][i] = random.nextBoolean() ? "A reviewer checks a weekly sample" : null;
            cols[11][i] = tier.name();
            cols[12][i] = (deployment == Deployment.IN_HOUSE ? EuAiActRole.PROVIDER_AND_DEPLOYER : EuAiActRole.DEPLOYER)
                    .name();
            cols[13][i] = deployment == Deployment.IN_HOUSE ? null : VENDORS[random.nextInt(VENDORS.length)];
            cols[14][i] = status.name();
            cols[15][i] = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                    .plusDays(random.nextInt(400) - 30)
                    .toString();
            cols[16][i] = random.nextInt(3) == 0 ? "Licensed data set, provenance recorded" : null;
            cols[17][i] = status == Status.RETIRED
                    ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                            .minusDays(random.nextInt(200) + 1)
                            .toString()
                    : null;
            cols[18][i] = status == Status.RETIRED ? "Crypto-shredded keys; buckets purged" : null;
            cols[19][i] = status == Status.RETIRED ? "dpo" : null;
            cols[20][i] = Timestamp.from(created);
            cols[21][i] = Timestamp.from(created.plus(random.nextInt(60), ChronoUnit.DAYS));
            cols[22][i] = 0L;
            for (DataCategory c : dataCategories(random, domain)) {
                categorySystems.add(id);
                categories.add(c.name());
            }
            Set<AffectedGroup> affected = EnumSet.of(pick(random, AffectedGroup.values(), 30, 40, 20, 10));
            if (random.nextInt(4) == 0) {
                affected.add(AffectedGroup.values()[random.nextInt(AffectedGroup.values().length)]);
            }
            for (AffectedGroup g : affected) {
                groupSystems.add(id);
                groups.add(g.name());
            }
            generated.add(new GeneratedSystem(id, (String) cols[1][i], business));
        }
        jdbc.execute((java.sql.Connection c) -> {
            try (var insert = c.prepareStatement("""
                    insert into inventory.ai_system (id, name, purpose, intended_use, business_owner, technical_owner,
                        lifecycle_stage, deployment, model_type, autonomy, human_oversight, eu_ai_act_tier, eu_ai_act_role,
                        vendor_name, status, next_review, data_provenance, deletion_date, deletion_method,
                        deletion_signed_off_by, created_at, updated_at, version)
                    select id, name, purpose, intended_use, business_owner, technical_owner, lifecycle_stage, deployment,
                        model_type, autonomy, human_oversight, tier, role, vendor, status, next_review::date, provenance,
                        deletion_date::date, deletion_method, signed_off, created_at, updated_at, version
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
                        as t(id, name, purpose, intended_use, business_owner, technical_owner, lifecycle_stage, deployment,
                        model_type, autonomy, human_oversight, tier, role, vendor, status, next_review, provenance,
                        deletion_date, deletion_method, signed_off, created_at, updated_at, version)""")) {
                String[] types = {
                    "bigint",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
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
            pairs(
                    c,
                    "insert into inventory.ai_system_data_category (ai_system_id, category) "
                            + "select * from unnest(?::bigint[], ?::text[])",
                    categorySystems,
                    categories);
            pairs(
                    c,
                    "insert into inventory.ai_system_affected_group (ai_system_id, affected) "
                            + "select * from unnest(?::bigint[], ?::text[])",
                    groupSystems,
                    groups);
            return null;
        });
        return generated;
    }

    /** Inserts rows of two columns in one statement. */
    public static void pairs(java.sql.Connection c, String sql, List<Long> first, List<?> second)
            throws java.sql.SQLException {
        if (first.isEmpty()) {
            return;
        }
        try (var insert = c.prepareStatement(sql)) {
            insert.setArray(1, c.createArrayOf("bigint", first.toArray()));
            insert.setArray(
                    2, c.createArrayOf(second.getFirst() instanceof Long ? "bigint" : "text", second.toArray()));
            insert.executeUpdate();
        }
    }

    private static String purpose(ModelType model, String domain) {
        return switch (model) {
            case GENERATIVE_LLM -> "drafts answers and summaries for " + domain.toLowerCase() + " cases from documents";
            case CLASSIFIER -> "sorts incoming " + domain.toLowerCase() + " cases into queues";
            case REGRESSION -> "estimates " + domain.toLowerCase() + " amounts and durations";
            case RECOMMENDER -> "suggests next best actions in " + domain.toLowerCase();
            case OTHER -> "supports " + domain.toLowerCase() + " decisions";
        };
    }

    private static Set<DataCategory> dataCategories(Random random, String domain) {
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        boolean clinical =
                List.of("Triage", "Radiology", "Dermatology", "Sepsis").contains(domain);
        if (clinical) {
            set.add(DataCategory.PHI);
        }
        if (List.of("Credit", "Fraud", "Billing", "Pricing", "Underwriting").contains(domain)) {
            set.add(DataCategory.FINANCIAL);
        }
        if (random.nextInt(10) < 6) {
            set.add(DataCategory.PERSONAL_DATA);
        }
        if (random.nextInt(25) == 0) {
            set.add(DataCategory.BIOMETRIC);
        }
        if (set.isEmpty()) {
            set.add(DataCategory.NONE);
        }
        return set;
    }

    /** One of the values, with the given relative weights (in declaration order). */
    public static <E> E pick(Random random, E[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    @SafeVarargs
    private static <T> T pickOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
