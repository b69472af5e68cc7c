package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceVersion.Storage;
import dev.aegis.shared.files.InspectedFile;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps evidence files where the installation says: in PostgreSQL by default, or in the directory
 * {@code aegis.evidence.dir} (AEGIS_EVIDENCE_DIR) when set. Each version remembers where its bytes went, so files kept
 * before a switch stay readable from the database.
 */
@Component
class EvidenceFiles {

    private final DatabaseFileStore database;
    private final DirectoryFileStore directory;

    EvidenceFiles(JdbcTemplate jdbc, @Value("${aegis.evidence.dir:}") String dir) {
        this.database = new DatabaseFileStore(jdbc);
        this.directory = dir == null || dir.isBlank() ? null : new DirectoryFileStore(Path.of(dir.strip()));
    }

    /** Keeps the file's bytes and answers where. */
    Storage keep(InspectedFile file) {
        FileStore store = directory == null ? database : directory;
        store.keep(file.sha256(), file.content());
        return store.kind();
    }

    InputStream open(Storage storage, String sha256) {
        if (storage == Storage.DIRECTORY) {
            if (directory == null) {
                throw new IllegalStateException(
                        "Evidence file " + sha256 + " is kept in a directory, but " + "AEGIS_EVIDENCE_DIR is not set");
            }
            return directory.open(sha256);
        }
        return database.open(sha256);
    }
}
