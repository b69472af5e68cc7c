package dev.aegis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MonitorSwitchUnitTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MonitorConfiguration.class, IngestLimiter.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void the_monitor_is_on_unless_switched_off() {
        runner.run(context -> assertThat(context).hasSingleBean(IngestLimiter.class));
        runner.withPropertyValues("aegis.monitor.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(IngestLimiter.class));
    }

    @Test
    void switched_off_none_of_its_beans_exist() {
        runner.withPropertyValues("aegis.monitor.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IngestLimiter.class));
    }
}
