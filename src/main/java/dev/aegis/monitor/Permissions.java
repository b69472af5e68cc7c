package dev.aegis.monitor;

/** Who may do what in the monitor: people by role in Aegis's screens, machines by monitor token over HTTP. */
public final class Permissions {

    public static final String READ =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('MONITOR_TOKEN')";
    public static final String EDIT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('MONITOR_TOKEN')";
    /** The system's own ingestion (the Kafka consumer): no token, no person. */
    public static final String SYSTEM_INGEST = "SYSTEM:monitor.ingest";

    public static final String INGEST = "hasAuthority('MONITOR_TOKEN') or hasAuthority('" + SYSTEM_INGEST + "')";

    private Permissions() {}
}
