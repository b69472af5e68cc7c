package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class AegisModeUnitTest {

    @Test
    void aegis_runs_the_whole_register_unless_the_monitor_alone_is_asked_for() {
        assertThat(AegisMode.of()).isEqualTo(AegisMode.FULL);
        assertThat(AegisMode.of("--aegis.mode=full")).isEqualTo(AegisMode.FULL);
        assertThat(AegisMode.of("--aegis.mode=monitor")).isEqualTo(AegisMode.MONITOR);
        assertThat(AegisMode.of("--aegis.mode=MONITOR").primarySource()).isEqualTo(MonitorOnlyApplication.class);
        assertThat(Application.application("--aegis.mode=monitor").getAllSources())
                .containsExactly(MonitorOnlyApplication.class);
        assertThat(Application.application().getAllSources()).containsExactly(Application.class);
    }

    @Test
    void an_unknown_mode_is_refused_with_the_modes_there_are() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AegisMode.of("--aegis.mode=register"))
                .withMessageContaining("'full'")
                .withMessageContaining("'monitor'");
    }

    @Test
    void the_monitor_alone_migrates_its_modules_schemas_and_scans_only_their_routes() {
        StandardEnvironment environment = new StandardEnvironment();
        new AegisModeSettings()
                .postProcessEnvironment(environment, new SpringApplication(MonitorOnlyApplication.class));

        assertThat(environment.getProperty("aegis.mode")).isEqualTo("monitor");
        assertThat(environment.getProperty("aegis.modules.schemas")).isEqualTo("shared,security,audit,monitor");
        assertThat(environment.getProperty("vaadin.allowed-packages"))
                .isEqualTo("dev.aegis.shared,dev.aegis.security,dev.aegis.audit,dev.aegis.monitor,com.vaadin");
        assertThat(environment.getProperty("aegis.monitor.enabled")).isEqualTo("true");
    }

    @Test
    void the_whole_application_leaves_the_settings_alone_and_refuses_a_monitor_mode_it_cannot_honour() {
        MockEnvironment full = new MockEnvironment();
        new AegisModeSettings().postProcessEnvironment(full, new SpringApplication(Application.class));
        assertThat(full.getPropertySources().contains("aegisMode")).isFalse();

        MockEnvironment late = new MockEnvironment().withProperty("aegis.mode", "monitor");
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        new AegisModeSettings().postProcessEnvironment(late, new SpringApplication(Application.class)))
                .withMessageContaining("AEGIS_MODE=monitor");
    }
}
