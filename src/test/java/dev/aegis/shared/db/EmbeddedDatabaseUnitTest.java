package dev.aegis.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseUnitTest {

    @TempDir
    Path temp;

    @Test
    void when_the_embedded_server_cannot_start_the_message_says_how_to_configure_a_database() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("postgres"), "a file where the data directory should be");

        assertThatThrownBy(() -> DatabaseConfiguration.EmbeddedDatabase.start(notADirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start its embedded one")
                .hasMessageContaining("AEGIS_DB_URL=jdbc:postgresql://")
                .hasMessageContaining("AEGIS_DB_USER")
                .hasMessageContaining("AEGIS_DB_PASSWORD");
    }

    @Test
    void a_configured_database_means_no_embedded_server_even_when_nothing_answers_on_the_probe_port() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/aegis")
                .withProperty("aegis.db.probe-port", "1")
                .withProperty("aegis.embedded-db.dir", temp.resolve("never").toString());

        try (var embedded = new DatabaseConfiguration().embeddedDatabase(env)) {
            assertThat(embedded.running()).isFalse();
            assertThat(embedded.jdbcUrl()).isEmpty();
        }
        assertThat(temp.resolve("never")).doesNotExist();
    }
}
