package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.audit.AuditHistory;
import dev.aegis.control.ControlHistory;
import dev.aegis.control.SoaService;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.SystemHistory;
import dev.aegis.risk.RiskHistory;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An evidence pack for 1,000 controls and 5,000 evidence files (4 KB each) with the heap held to 512 MB. Skipped unless
 * asked for:
 * {@code ./mvnw -B test -Dtest=PackBenchmark -Daegis.benchmark=true -Daegis.test.heap=512m -Dsurefire.failIfNoSpecifiedTests=false}.
 * The controls are real rows (ISO/IEC 42001 requirements, applied to one AI system); the evidence comes from a
 * synthetic {@link PackEvidence} that makes each file's bytes on demand, so the figure is the pack's own cost. Prints
 * the build time, the pack's size and the heap; figures go to docs/benchmarks.md (no timed assertion here).
 */
@AegisTest
@EnabledIfSystemProperty(named = "aegis.benchmark", matches = "true")
class PackBenchmark {

    static final int CONTROLS = 1_000;
    static final int EVIDENCE_PER_CONTROL = 5;
    static final int FILE_BYTES = 4096;

    /** The sections other modules add (the AIMS records): part of what a real pack costs. */
    @Autowired
    org.springframework.beans.factory.ObjectProvider<dev.aegis.shared.reports.PackSectionSource> sectionSources;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    SystemHistory systems;

    @Autowired
    ControlHistory controls;

    @Autowired
    RiskHistory risks;

    @Autowired
    AuditHistory audit;

    @Autowired
    SoaService soa;

    @Autowired
    PackDocument document;

    @Autowired
    TestAccounts accounts;

    @Autowired
    PackFixtures fixtures;

    /** 5,000 items, each with a file whose bytes follow from its id. */
    static final class SyntheticEvidence implements PackEvidence {
        final List<Item> items = new ArrayList<>();

        SyntheticEvidence(List<Long> controlIds) {
            long id = 1;
            for (Long control : controlIds) {
                for (int i = 0; i < EVIDENCE_PER_CONTROL; i++, id++) {
                    items.add(new Item(
                            id,
                            1,
                            "Test report " + id + " — Prüfbericht",
                            "FILE",
                            "officer",
                            LocalDate.now(),
                            LocalDate.now().minusMonths(6),
                            LocalDate.now(),
                            null,
                            "auditor",
                            "report-" + id + ".txt",
                            "text/plain",
                            (long) FILE_BYTES,
                            HexFormat.of().formatHex(PackBuilder.sha256().digest(bytes(id))),
                            null,
                            Set.of(control),
                            Set.of(),
                            Set.of()));
                }
            }
        }

        static byte[] bytes(long id) {
            byte[] b = new byte[FILE_BYTES];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ('a' + (id * 31 + i) % 26);
            }
            return b;
        }

        @Override
        public List<Item> forScope(Set<Long> controlIds, Set<Long> systemIds, Instant asOf) {
            return items.stream()
                    .filter(i -> i.controlIds().stream().anyMatch(controlIds::contains))
                    .toList();
        }

        @Override
        public InputStream content(long id, int version) {
            return new ByteArrayInputStream(bytes(id));
        }
    }

    @Autowired
    dev.aegis.telemetry.TelemetryService telemetry;

    @Autowired
    dev.aegis.control.CoverageService coverage;

    @Autowired
    PackSigner signer;

    @Test
    void a_pack_of_1000_controls_and_5000_evidence_files_within_512_mb() throws Exception {
        PackFixtures.Scope scope = fixtures.scope("bench");
        List<Long> requirements = catalog.tree(PackFixtures.ISO, false).stream()
                .filter(RequirementSummary::assessable)
                .map(RequirementSummary::id)
                .toList();
        List<Long> controlIds = new ArrayList<>();
        for (int i = 0; i < CONTROLS; i++) {
            long id = jdbc.queryForObject("""
                    insert into control.control (title, control_type, owner, status, test_frequency, last_tested_on,
                        last_test_result, created_at, updated_at)
                    values (?, 'PREVENTIVE', 'officer', 'IMPLEMENTED', 'QUARTERLY', current_date, 'PASSED', now(), now())
                    returning id""", Long.class, "Benchmark control " + i);
            jdbc.update(
                    "insert into control.control_requirement values (?, ?, 'FULL')",
                    id,
                    requirements.get(i % requirements.size()));
            jdbc.update("""
                    insert into control.control_application (control_id, ai_system_id, status, updated_by, updated_at)
                    values (?, ?, 'IMPLEMENTED', 'officer', now())""", id, scope.system().getId());
            controlIds.add(id);
        }
        SyntheticEvidence evidence = new SyntheticEvidence(controlIds);
        SnapshotReader reader = new SnapshotReader(
                catalog,
                systems,
                controls,
                risks,
                audit,
                soa,
                evidence,
                new StaticListableBeanFactory().getBeanProvider(PackFindings.class),
                telemetry,
                coverage,
                sectionSources);
        PackBuilder builder = new PackBuilder(reader, evidence, document, Clock.systemUTC(), signer);
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Path dir = Files.createTempDirectory("pack-bench");
        Path zip = dir.resolve("bench.zip");

        System.gc();
        long[] peak = {0};
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getUsage().getUsed())
                        .sum();
                peak[0] = Math.max(peak[0], used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        java.util.Map<Integer, Long> phases = new java.util.TreeMap<>();
        PackBuilder.Sealed sealed = builder.build(
                0,
                PackFixtures.ISO,
                List.of(scope.system().getId()),
                LocalDate.now(),
                "auditor",
                Instant.now(),
                zip,
                p -> phases.putIfAbsent(p, (System.nanoTime() - start) / 1_000_000));
        // 10: registers read; 50: evidence files in the ZIP; 55: manifest; 90: PDF rendered; 99: sealed
        System.out.println("PACK BENCHMARK phases (progress % -> ms since start): "
                + phases.entrySet().stream()
                        .filter(e -> java.util.Set.of(10, 50, 55, 90, 99).contains(e.getKey()))
                        .toList());
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(java.util.Objects::nonNull)
                .mapToLong(u -> u.getUsed())
                .sum();

        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(CONTROLS * EVIDENCE_PER_CONTROL + 8);
            System.out.printf(
                    "PACK BENCHMARK: %d controls, %d evidence files: built in %d ms; ZIP %.1f MB, pack.pdf "
                            + "%.1f MB; heap max %d MB, peak used (sampled) %d MB, used after last GC %d MB; load avg %.2f%n",
                    CONTROLS,
                    z.size() - 8,
                    millis,
                    Files.size(zip) / 1048576.0,
                    z.getEntry(PackBuilder.PDF).getSize() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576,
                    peak[0] / 1048576,
                    afterGc / 1048576,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        assertThat(sealed.files()).isEqualTo(CONTROLS * EVIDENCE_PER_CONTROL + 8);
        // kept for a look (pdftoppm -r 50 -f 1 -l 4 -png pack.pdf page)
        Files.move(zip, Path.of("target", "pack-benchmark.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
