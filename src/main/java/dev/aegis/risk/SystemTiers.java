package dev.aegis.risk;

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
 * The risk register's copy of each AI system's EU AI Act tier ({@code risk.ai_system_tier}, read as
 * {@link SystemTier}), kept from the inventory's events after they commit and made whole from the inventory's API once
 * the application is ready. A redelivered event writes the same row again.
 */
@Component
class SystemTiers {

    private static final String UPSERT = """
            insert into risk.ai_system_tier (id, eu_ai_act_tier, copied_at) values (?, ?, ?)
            on conflict (id) do update set eu_ai_act_tier = excluded.eu_ai_act_tier, copied_at = excluded.copied_at
            where ai_system_tier.eu_ai_act_tier is distinct from excluded.eu_ai_act_tier""";
    private final JdbcTemplate jdbc;
    private final AiSystemService systems;
    private final Clock clock;
    private final StartupWork startup;
    private final TransactionTemplate tx;

    SystemTiers(
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
        jdbc.update("delete from risk.ai_system_tier where id = ?", e.systemId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        startup.run("the risks' copy of the AI systems' tiers", this::reconcile);
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
            var st = c.prepareStatement("delete from risk.ai_system_tier where id <> all (?)");
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
        return new Object[] {p.systemId(), p.tier() == null ? null : p.tier().name(), Timestamp.from(clock.instant())};
    }
}
