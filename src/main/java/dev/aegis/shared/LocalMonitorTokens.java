package dev.aegis.shared;

/**
 * The one thing the register needs from a monitor running in the same instance that HTTP cannot give it: a first
 * monitor token to call that monitor with. The monitor implements it when it is enabled; the register then calls the
 * monitor over HTTP with the token, exactly as it calls a stand-alone monitor, and never imports the monitor.
 */
public interface LocalMonitorTokens {

    /** Issues a new monitor token named {@code name}, recorded as made by the system; the value is returned once. */
    String issueForRegister(String name);
}
