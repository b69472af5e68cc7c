package dev.aegis.evidence.pack;

import dev.aegis.evidence.pack.PackEvents.PackDownloaded;
import dev.aegis.evidence.pack.PackEvents.PackFailed;
import dev.aegis.evidence.pack.PackEvents.PackRequested;
import dev.aegis.evidence.pack.PackEvents.PackSealed;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.SystemHistory;
import dev.aegis.shared.Actors;
import dev.aegis.shared.AfterCommit;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.StartupWork;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence packs: auditors, governance officers and administrators ask for one (framework, scope, "as of" date); it is
 * built in the background on a small bounded pool, its progress kept on the pack, then sealed and kept in
 * {@code AEGIS_EVIDENCE_DIR/packs/}. Asking, sealing, failing and every download land in the audit log.
 */
@Service
@Transactional
public class PackService {

    static final String BUILDERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    private static final Logger log = LoggerFactory.getLogger(PackService.class);

    private final Packs packs;
    private final PackBuilder builder;
    private final FrameworkCatalog catalog;
    private final SystemHistory history;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final StartupWork startup;
    private final Clock clock;
    private final Path dir;
    private final ThreadPoolExecutor pool;

    PackService(
            Packs packs,
            PackBuilder builder,
            FrameworkCatalog catalog,
            SystemHistory history,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${aegis.packs.dir:${AEGIS_PACKS_DIR:}}") String packsDir,
            @Value("${aegis.evidence.dir:${AEGIS_EVIDENCE_DIR:}}") String evidenceDir,
            @Value("${aegis.packs.threads:${AEGIS_PACK_THREADS:1}}") int threads,
            @Value("${aegis.packs.queue:${AEGIS_PACK_QUEUE:20}}") int queue,
            StartupWork startup) {
        this.startup = startup;
        this.packs = packs;
        this.builder = builder;
        this.catalog = catalog;
        this.history = history;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.dir = packsDirectory(packsDir, evidenceDir);
        this.pool =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "evidence-pack");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Where sealed ZIPs are kept: AEGIS_PACKS_DIR, else {@code packs/} in AEGIS_EVIDENCE_DIR, else {@code ./data/packs}.
     * On disk rather than in PostgreSQL because a pack of thousands of files is written and read as a stream.
     */
    static Path packsDirectory(String packsDir, String evidenceDir) {
        if (packsDir != null && !packsDir.isBlank()) {
            return Path.of(packsDir);
        }
        if (evidenceDir != null && !evidenceDir.isBlank()) {
            return Path.of(evidenceDir, "packs");
        }
        return Path.of("data", "packs");
    }

    /** Asks for a pack; it is built in the background. Empty systems: every AI system. */
    @PreAuthorize(BUILDERS)
    public PackView request(String frameworkCode, List<Long> systemIds, LocalDate asOf) {
        if (frameworkCode == null || frameworkCode.isBlank()) {
            throw new DomainRuleException("framework", "Choose a framework.");
        }
        catalog.framework(frameworkCode);
        if (asOf == null) {
            throw new DomainRuleException("asOf", "Choose the date the pack shows the registers as of.");
        }
        if (asOf.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new DomainRuleException("asOf", "The as-of date cannot lie in the future.");
        }
        if (pool.getQueue().remainingCapacity() == 0) {
            throw new DomainRuleException(
                    "framework", "Aegis is building many packs right now; try again in a few " + "minutes.");
        }
        List<Long> systems = systemIds == null ? List.of() : systemIds;
        Pack pack = packs.saveAndFlush(new Pack(Actors.current(), clock.instant(), frameworkCode, systems, asOf));
        events.publishEvent(new PackRequested(
                pack.getId(),
                frameworkCode,
                systems.isEmpty() ? "all AI systems" : "AI systems " + pack.getSystemIds(),
                asOf.toString()));
        long id = pack.getId();
        Authentication requester = Actors.authentication();
        AfterCommit.run(() -> pool.execute(() -> build(id, requester)));
        return PackView.of(pack);
    }

    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public Page<PackView> list(Pageable page) {
        return packs.findAllByOrderByRequestedAtDesc(page).map(PackView::of);
    }

    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public long count() {
        return packs.count();
    }

    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public PackView get(long id) {
        return PackView.of(find(id));
    }

    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public List<PackView> running() {
        return packs.findByStateIn(List.of(Pack.State.REQUESTED, Pack.State.BUILDING)).stream()
                .map(PackView::of)
                .toList();
    }

    /** A framework or an AI system to choose in the pack form. */
    public record Choice(String code, long id, String label) {}

    /** The frameworks a pack can be built for. */
    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public List<Choice> frameworks() {
        return catalog.frameworks().stream()
                .map(f -> new Choice(f.code(), f.id(), f.shortName()))
                .toList();
    }

    /** The AI systems of the inventory today, by name. */
    @PreAuthorize(BUILDERS)
    @Transactional(readOnly = true)
    public List<Choice> systems() {
        var systems = history.asOf(clock.instant());
        var names = PackWords.systemNames(systems);
        return systems.stream()
                .map(s -> new Choice(null, s.id(), names.get(s.id())))
                .sorted(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Writes a sealed pack's ZIP, exactly as sealed; the download is audited. */
    @PreAuthorize(BUILDERS)
    public void download(long id, OutputStream out) {
        Pack pack = find(id);
        if (pack.getState() != Pack.State.SEALED) {
            throw new DomainRuleException(
                    "state",
                    "Pack " + id + " is " + pack.getState().name().toLowerCase()
                            + ": only a sealed pack can be downloaded.");
        }
        events.publishEvent(new PackDownloaded(id, pack.getZipSha256()));
        try (InputStream in = Files.newInputStream(zip(id))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Pack " + id + " is missing from " + dir, e);
        }
    }

    /** The file name a download gets. */
    public static String fileName(PackView p) {
        return "aegis-pack-" + p.id() + "-" + p.framework() + "-" + p.asOf() + ".zip";
    }

    Path zip(long id) {
        return dir.resolve(id + ".zip");
    }

    /** The background build, as the person who asked (their own permissions, their name in the audit log). */
    void build(long id, Authentication requester) {
        String actor = requester.getName();
        try {
            Actors.runAs(requester, () -> {
                Pack pack = tx.execute(s -> {
                    Pack p = find(id);
                    p.startBuilding();
                    return packs.saveAndFlush(p);
                });
                PackBuilder.Sealed sealed = null;
                for (int attempt = 1; sealed == null; attempt++) {
                    try {
                        sealed = builder.build(
                                pack.getId(),
                                pack.getFrameworkCode(),
                                pack.getSystemIds(),
                                pack.getAsOf(),
                                actor,
                                pack.getRequestedAt(),
                                zip(id),
                                percent -> progress(id, percent));
                    } catch (PackBuilder.RecordExtended moved) {
                        // a record took new entries while it was copied: again, from a fresh snapshot
                        if (attempt >= 3) {
                            throw moved;
                        }
                        log.info("Evidence pack {}: {} Building it again.", id, moved.getMessage());
                    }
                }
                PackBuilder.Sealed done = sealed;
                tx.executeWithoutResult(s -> {
                    Pack p = find(id);
                    p.seal(
                            done.manifestSha256(),
                            done.sumsSha256(),
                            done.zipSha256(),
                            done.size(),
                            done.files(),
                            clock.instant());
                    packs.saveAndFlush(p);
                    events.publishEvent(
                            new PackSealed(id, done.manifestSha256(), done.zipSha256(), done.size(), done.files()));
                });
            });
        } catch (RuntimeException | Error e) {
            log.warn("Evidence pack {} failed", id, e);
            String reason = e instanceof DomainRuleException d
                    ? d.getMessage()
                    : "The pack could not be built (" + e.getClass().getSimpleName() + "); the log has the details.";
            try {
                Actors.runAs(
                        requester,
                        () -> tx.executeWithoutResult(s -> {
                            Pack p = find(id);
                            p.fail(reason);
                            packs.saveAndFlush(p);
                            events.publishEvent(new PackFailed(id, reason));
                        }));
            } catch (RuntimeException again) {
                log.error("Evidence pack {} could not be marked as failed", id, again);
            }
        }
    }

    private void progress(long id, int percent) {
        tx.executeWithoutResult(s -> {
            Pack p = find(id);
            if (percent > p.getProgress()) {
                p.progressTo(percent);
                packs.save(p);
            }
        });
    }

    /** Packs left half-built by a stop are marked failed at start-up, so nobody waits for them. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        startup.run("failing the packs a stop interrupted", this::failInterruptedNow);
    }

    private void failInterruptedNow() {
        Actors.runAsSystem(
                Set.of(),
                () -> tx.executeWithoutResult(s -> {
                    for (Pack p : packs.findByStateIn(List.of(Pack.State.REQUESTED, Pack.State.BUILDING))) {
                        if (p.getRequestedAt().isBefore(clock.instant().minusSeconds(5))) {
                            p.fail("Interrupted by a restart of Aegis; ask for the pack again.");
                            events.publishEvent(new PackFailed(p.getId(), p.getFailure()));
                        }
                    }
                }));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    private Pack find(long id) {
        return packs.findById(id).orElseThrow(() -> new NotFoundException("No evidence pack " + id));
    }
}
