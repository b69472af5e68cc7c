package dev.aegis.monitor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code monitor.event}'s daily partitions: from the oldest day the retention keeps to
 * {@code aegis.monitor.partitions-ahead} days ahead, made at start and every hour; partitions wholly older than the
 * retention are dropped (the window aggregates and figures stay). One instance at a time does it (ShedLock).
 */
@Component("monitorEventPartitions")
@WhenMonitorEnabled
class EventPartitions implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EventPartitions.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MonitorSettings settings;
    private final Clock clock;

    EventPartitions(JdbcTemplate jdbc, MonitorSettings settings, Clock clock) {
        this.jdbc = jdbc;
        // plain JDBC in a JDBC transaction: the partitions exist before the monitor takes events, without waiting at
        // start for JPA's session factory, which is built in the background meanwhile
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        maintain();
    }

    @Scheduled(cron = "0 7 * * * *")
    @SchedulerLock(name = "monitor.event-partitions", lockAtMostFor = "PT10M")
    void maintain() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            // instances starting together must not race each other's CREATE TABLE
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('monitor.event-partitions'))", Object.class);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate first = LocalDate.ofInstant(now.minus(settings.retention()), ZoneOffset.UTC);
            for (LocalDate day = first;
                    !day.isAfter(today.plusDays(settings.partitionsAhead()));
                    day = day.plusDays(1)) {
                ensure(day);
            }
        });
        Instant cutoff = now.minus(settings.retention());
        dropOlderThan(cutoff);
        // the bookkeeping of old batches and old labels goes with the raw events they belonged to
        jdbc.update(
                "delete from monitor.ingest where aggregated_at is not null and received_at < ?",
                java.sql.Timestamp.from(cutoff));
        jdbc.update("delete from monitor.label where received_at < ?", java.sql.Timestamp.from(cutoff));
    }

    /** Makes the partition of this UTC day unless it exists (in the caller's transaction, or one of its own). */
    void ensure(LocalDate day) {
        String name = "event_" + DAY.format(day);
        tx.executeWithoutResult(s -> {
            Boolean exists =
                    jdbc.queryForObject("select to_regclass('monitor." + name + "') is not null", Boolean.class);
            if (Boolean.TRUE.equals(exists)) {
                return;
            }
            // a savepoint, so that a day that cannot be made (e.g. the default partition already holds rows of it)
            // fails neither the start nor the other days
            jdbc.execute("savepoint monitor_partition");
            try {
                jdbc.execute("create table monitor." + name + " partition of monitor.event for values from ('" + day
                        + "T00:00:00Z') to ('" + day.plusDays(1) + "T00:00:00Z')");
                jdbc.execute("release savepoint monitor_partition");
            } catch (org.springframework.dao.DataAccessException e) {
                jdbc.execute("rollback to savepoint monitor_partition");
                log.warn(
                        "Could not make event partition {}: {}",
                        name,
                        e.getMostSpecificCause().getMessage());
            }
        });
    }

    /** Drops every daily partition that ends at or before the cutoff; returns their names. */
    List<String> dropOlderThan(Instant cutoff) {
        List<String> names = partitions();
        List<String> dropped = new java.util.ArrayList<>();
        for (String name : names) {
            LocalDate day = LocalDate.parse(name.substring("event_".length()), DAY);
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(cutoff)) {
                jdbc.execute("drop table if exists monitor." + name);
                dropped.add(name);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped {} event partition(s) older than the retention: {}", dropped.size(), dropped);
        }
        return dropped;
    }

    /** The daily partitions, oldest first. */
    List<String> partitions() {
        return jdbc.queryForList(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace "
                        + "where n.nspname = 'monitor' and p.relname = 'event' and c.relname ~ '^event_[0-9]{8}$' "
                        + "order by c.relname",
                String.class);
    }
}
