package dev.aegis.monitor;

import java.net.InetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitor's settings ({@code aegis.monitor.*}, README's configuration table).
 *
 * @param enabled          whether this instance runs the monitor at all (AEGIS_MONITOR_ENABLED); off, it has no
 *                         /monitor/v1 endpoints, jobs or screen, and the register can use a stand-alone monitor
 * @param retention        how long raw events are kept; window aggregates and figures are kept for good
 * @param partitionsAhead  how many daily event partitions exist ahead of today
 * @param maxBatchEvents   the most events one ingestion request may carry
 * @param ingestConcurrency how many ingestion requests write at the same time; one more is answered 429
 * @param instanceId       this instance's name in the window aggregates (default: host name and process id)
 * @param token            a monitor token given from outside (AEGIS_MONITOR_TOKEN), registered at start
 * @param futureTolerance  how far in the future an event's timestamp may lie (clock skew)
 */
@ConfigurationProperties("aegis.monitor")
public record MonitorSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue("10000") int maxBatchEvents,
        @DefaultValue("4") int ingestConcurrency,
        String instanceId,
        String token,
        @DefaultValue("1h") Duration futureTolerance) {

    public MonitorSettings {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = defaultInstanceId();
        }
        if (instanceId.length() > 100) {
            instanceId = instanceId.substring(0, 100);
        }
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
