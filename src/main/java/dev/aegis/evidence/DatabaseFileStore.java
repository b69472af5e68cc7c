package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceVersion.Storage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Files in PostgreSQL ({@code evidence.evidence_file}, bytea): the default, backed up with the database. */
class DatabaseFileStore implements FileStore {

    private final JdbcTemplate jdbc;

    DatabaseFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Storage kind() {
        return Storage.DATABASE;
    }

    @Override
    public void keep(String sha256, byte[] content) {
        jdbc.update(
                "insert into evidence.evidence_file (sha256, content) values (?, ?) on conflict (sha256) do nothing",
                sha256,
                content);
    }

    @Override
    public InputStream open(String sha256) {
        List<byte[]> rows = jdbc.query(
                "select content from evidence.evidence_file where sha256 = ?", (rs, i) -> rs.getBytes(1), sha256);
        if (rows.isEmpty()) {
            throw new IllegalStateException("The evidence file " + sha256 + " is missing from the database");
        }
        return new ByteArrayInputStream(rows.getFirst());
    }
}
