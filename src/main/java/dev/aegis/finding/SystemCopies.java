package dev.aegis.finding;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.InventoryEvents.AiSystemChanged;
import dev.aegis.inventory.InventoryEvents.AiSystemRegistered;
import dev.aegis.inventory.InventoryEvents.AiSystemRemoved;
import dev.aegis.inventory.InventoryEvents.AiSystemRetired;
import dev.aegis.inventory.InventoryEvents.SystemProfile;
import dev.aegis.shared.Actors;
import dev.aegis.shared.StartupWork;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings module's copy of each AI system's name and owners ({@code finding.ai_system_copy}, read as
 * {@link FindingSystem}), kept from the inventory's events after they commit, and checked against the inventory's API
 * once the application is ready (systems written around the events, e.g. by the benchmark generator, or before this
 * copy existed). A redelivered event writes the same row again.
 */
@Component
class SystemCopies {

    private static final String UPSERT = """
            insert into finding.ai_system_copy (id, name, business_owner, technical_owner, copied_at)
            values (?, ?, ?, ?, ?)
            on conflict (id) do update set name = excluded.name, business_owner = excluded.business_owner,
                technical_owner = excluded.technical_owner, copied_at = excluded.copied_at
            where (ai_system_copy.name, ai_system_copy.business_owner, ai_system_copy.technical_owner)
                is distinct from (excluded.name, excluded.business_owner, excluded.technical_owner)""";
    private final JdbcTemplate jdbc;
    private final AiSystemService systems;
    private final Clock clock;
    private final StartupWork startup;
    private final TransactionTemplate tx;

    SystemCopies(
            JdbcTemplate jdbc,
            AiSystemService systems,
            Clock clock,
            StartupWork startup,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.clock = clock;
        this.startup = startup;
        this.tx = new TransactionTemplate(transactions);
    }

    @ApplicationModuleListener
    void on(AiSystemRegistered e) {
        keep(e.profile());
    }

    @ApplicationModuleListener
    void on(AiSystemChanged e) {
        keep(e.profile());
    }

    @ApplicationModuleListener
    void on(AiSystemRetired e) {
        keep(e.profile());
    }

    @ApplicationModuleListener
    void on(AiSystemRemoved e) {
        jdbc.update("delete from finding.ai_system_copy where id = ?", e.systemId());
    }

    /** Makes the copy whole: every system of the inventory copied as it is, none that is gone. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        startup.run("the findings' copy of the AI systems", this::reconcile);
    }

    /** Makes the copy whole (one transaction). */
    public void reconcile() {
        tx.executeWithoutResult(status -> reconcileNow());
    }

    private void reconcileNow() {
        List<SystemProfile> profiles = new ArrayList<>();
        Actors.runAsSystem(Set.of(AiSystemService.SYSTEM_READ), () -> profiles.addAll(systems.profiles()));
        jdbc.batchUpdate(UPSERT, profiles.stream().map(this::row).toList());
        Long[] ids = profiles.stream().map(SystemProfile::systemId).toArray(Long[]::new);
        jdbc.update(c -> {
            var st = c.prepareStatement("delete from finding.ai_system_copy where id <> all (?)");
            st.setArray(1, c.createArrayOf("bigint", ids));
            return st;
        });
    }

    private void keep(SystemProfile p) {
        if (p != null) {
            jdbc.update(UPSERT, row(p));
        }
    }

    private Object[] row(SystemProfile p) {
        return new Object[] {
            p.systemId(), p.name(), p.businessOwner(), p.technicalOwner(), Timestamp.from(clock.instant())
        };
    }
}
