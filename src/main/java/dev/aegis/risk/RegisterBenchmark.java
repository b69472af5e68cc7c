package dev.aegis.risk;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.AiSystemTransfer;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.shared.Actors;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register benchmark ({@code --aegis.bench.rounds=30}, see {@code docs/benchmarks.md}): for a set of typical
 * filters and sorts on the data in the database (e.g. made by {@link GenerateCommand}) times a page of 50 risks as the
 * grid reads it ({@link RiskService#slice}, plus {@link RiskService#count} once per filter) and as
 * {@code GET /api/v1/risks} reads it ({@link RiskService#search}: the page and its total), then each whole register
 * exported once, prints p50, p95 and max and exits. Never runs unless asked for.
 */
@Component
@Order(95)
@ConditionalOnProperty(name = "aegis.bench.rounds")
class RegisterBenchmark implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegisterBenchmark.class);
    private final RiskService risks;
    private final RiskTransfer riskTransfer;
    private final AiSystemTransfer systemTransfer;
    private final FrameworkCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Environment env;
    private final ConfigurableApplicationContext context;

    RegisterBenchmark(
            RiskService risks,
            RiskTransfer riskTransfer,
            AiSystemTransfer systemTransfer,
            FrameworkCatalog catalog,
            JdbcTemplate jdbc,
            Environment env,
            ConfigurableApplicationContext context) {
        this.risks = risks;
        this.riskTransfer = riskTransfer;
        this.systemTransfer = systemTransfer;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.env = env;
        this.context = context;
    }

    private record Case(String name, RiskService.Filter filter, Sort sort) {}

    @Override
    public void run(ApplicationArguments args) {
        int rounds = env.getRequiredProperty("aegis.bench.rounds", Integer.class);
        Actors.runAsSystem(Set.of(RiskService.SYSTEM_READ), () -> {
            StringBuilder report = new StringBuilder("\n| case | matches | rows of the page (slice) | count "
                    + "| page with its total (search) p50 / p95 / max |\n|---|---|---|---|---|\n");
            for (Case c : cases()) {
                long[] slice = new long[rounds];
                long[] count = new long[rounds];
                long[] search = new long[rounds];
                long matches = 0;
                for (int r = -Math.max(3, rounds / 5); r < rounds; r++) {
                    var page = PageRequest.of(0, 50, c.sort());
                    long t0 = System.nanoTime();
                    risks.slice(c.filter(), page).getContent().size();
                    long t1 = System.nanoTime();
                    matches = risks.count(c.filter());
                    long t2 = System.nanoTime();
                    risks.search(c.filter(), page).getContent().size();
                    long t3 = System.nanoTime();
                    if (r >= 0) {
                        slice[r] = t1 - t0;
                        count[r] = t2 - t1;
                        search[r] = t3 - t2;
                    }
                }
                report.append("| ")
                        .append(c.name())
                        .append(" | ")
                        .append(matches)
                        .append(" | ")
                        .append(ms(percentile(slice, 50)))
                        .append(" / ")
                        .append(ms(percentile(slice, 95)))
                        .append(" | ")
                        .append(ms(percentile(count, 50)))
                        .append(" / ")
                        .append(ms(percentile(count, 95)))
                        .append(" | ")
                        .append(stats(search))
                        .append(" |\n");
            }
            log.info("Risk register benchmark, {} rounds per case, page size 50 (ms):{}", rounds, report);
            if (env.getProperty("aegis.bench.exports", Boolean.class, true)) {
                log.info("Exports (whole registers, written to nowhere):{}", exports());
            }
        });
        if (env.getProperty("aegis.bench.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** Each whole register once as CSV and as XLSX: the inventory (N+1 on its collections before batch loading). */
    private String exports() {
        StringBuilder report = new StringBuilder("\n| export | rows | time |\n|---|---|---|\n");
        for (TabularFormat format : TabularFormat.values()) {
            long t0 = System.nanoTime();
            long rows = systemTransfer.export(AiSystemService.Filter.none(), format, OutputStream.nullOutputStream());
            report.append("| AI systems, ")
                    .append(format)
                    .append(" | ")
                    .append(rows)
                    .append(" | ")
                    .append(ms(System.nanoTime() - t0))
                    .append(" ms |\n");
            t0 = System.nanoTime();
            rows = riskTransfer.export(RiskService.Filter.none(), format, OutputStream.nullOutputStream());
            report.append("| risks, ")
                    .append(format)
                    .append(" | ")
                    .append(rows)
                    .append(" | ")
                    .append(ms(System.nanoTime() - t0))
                    .append(" ms |\n");
        }
        return report.toString();
    }

    /** What people do in the register: the ordinary sorts with each filter alone and some combined. */
    private List<Case> cases() {
        Sort score = Sort.by(new Sort.Order(Sort.Direction.DESC, "inherentScore").nullsLast())
                .and(Sort.by("id"));
        Sort due = Sort.by(new Sort.Order(Sort.Direction.ASC, "dueDate").nullsLast())
                .and(Sort.by("id"));
        Sort title = Sort.by("title").and(Sort.by("id"));
        Long requirement = catalog.find("NIST-AI-RMF-1.0", "GOVERN 1.1")
                .map(r -> r.id())
                .orElseGet(() -> jdbc.queryForObject(
                        "select requirement_id from risk.risk_requirement group by 1 "
                                + "order by count(*) desc limit 1",
                        Long.class));
        Long system = jdbc.queryForObject(
                "select system_id from risk.risk_system group by 1 order by count(*) desc " + "limit 1", Long.class);
        String owner = jdbc.queryForObject(
                "select owner from risk.risk group by 1 order by count(*) desc limit 1", String.class);
        return List.of(
                new Case("no filter, by inherent score", filter(null, null, null, null, null, null, null), score),
                new Case("no filter, by title", filter(null, null, null, null, null, null, null), title),
                new Case(
                        "status IDENTIFIED, by inherent score",
                        filter(null, Status.IDENTIFIED, null, null, null, null, null),
                        score),
                new Case(
                        "text \"injection\", by inherent score",
                        filter("injection", null, null, null, null, null, null),
                        score),
                new Case(
                        "text \"radiology\" + status ASSESSED",
                        filter("radiology", Status.ASSESSED, null, null, null, null, null),
                        score),
                new Case(
                        "category PRIVACY + tier HIGH, by due date",
                        filter(null, null, null, Category.PRIVACY, EuAiActTier.HIGH, null, null),
                        due),
                new Case(
                        "requirement GOVERN 1.1, by inherent score",
                        filter(null, null, null, null, null, requirement, null),
                        score),
                new Case(
                        "owner (busiest), by inherent score", filter(null, null, owner, null, null, null, null), score),
                new Case(
                        "system (busiest), by inherent score",
                        filter(null, null, null, null, null, null, system),
                        score),
                new Case(
                        "all filters but text",
                        filter(null, Status.TREATED, null, Category.SECURITY, EuAiActTier.LIMITED, null, null),
                        score));
    }

    private static RiskService.Filter filter(
            String text,
            Status status,
            String owner,
            Category category,
            EuAiActTier tier,
            Long requirement,
            Long system) {
        return new RiskService.Filter(text, status, owner, category, tier, requirement, system);
    }

    private static String stats(long[] nanos) {
        return ms(percentile(nanos, 50)) + " / " + ms(percentile(nanos, 95)) + " / " + ms(percentile(nanos, 100));
    }

    private static long percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
