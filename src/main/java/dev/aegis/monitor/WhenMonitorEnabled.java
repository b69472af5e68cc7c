package dev.aegis.monitor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * On every bean of the monitor: with {@code aegis.monitor.enabled=false} (AEGIS_MONITOR_ENABLED=false) none of them
 * exists, so this instance serves no /monitor/v1 endpoint, runs no monitor job and shows no monitor screen.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnBooleanProperty(name = "aegis.monitor.enabled", matchIfMissing = true)
public @interface WhenMonitorEnabled {}
