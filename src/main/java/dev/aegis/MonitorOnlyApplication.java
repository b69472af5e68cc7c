package dev.aegis;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The inference monitor alone (AEGIS_MODE=monitor), to run beside real model servers: the same jar and the same code
 * as the embedded monitor, with only the modules it needs — {@code shared} (database, migrations, shell),
 * {@code security} (sign-in, the first administrator, API tokens for the monitor-token admin), {@code audit} (monitor
 * token and sign-in events land in the audit log) and {@code monitor}. No register module's beans, entities,
 * repositories, routes, menu entries, jobs or schemas exist: {@link AegisModeSettings} limits the migrated schemas.
 *
 * <p>Not a {@code @SpringBootConfiguration}: tests find {@link Application} as the one configuration of the root
 * package. The condition keeps {@link Application}'s component scan, which sees this class, from applying it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AegisMode.PROPERTY, havingValue = "monitor")
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"dev.aegis.shared", "dev.aegis.security", "dev.aegis.audit", "dev.aegis.monitor"},
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)
        })
@EntityScan(basePackages = {"dev.aegis.shared", "dev.aegis.security", "dev.aegis.audit", "dev.aegis.monitor"})
@EnableJpaRepositories(
        basePackages = {"dev.aegis.shared", "dev.aegis.security", "dev.aegis.audit", "dev.aegis.monitor"})
// Vaadin finds routes by scanning packages, not through Spring: without this it scans all of dev.aegis
@EnableVaadin({"dev.aegis.shared", "dev.aegis.security", "dev.aegis.audit", "dev.aegis.monitor"})
public class MonitorOnlyApplication {

    /** The modules that run in monitor mode, which are also the database schemas it migrates. */
    static final String MODULES = "shared,security,audit,monitor";
}
