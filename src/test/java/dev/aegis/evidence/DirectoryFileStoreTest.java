package dev.aegis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.shared.files.UploadInspector;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_file_kept_in_the_directory_reads_back_byte_for_byte_under_its_sha256() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(dir.resolve("evidence"));
        byte[] content = "%PDF-1.4 evidence kept on disk\n".getBytes(StandardCharsets.US_ASCII);
        String sha = UploadInspector.sha256Of(content);

        store.keep(sha, content);
        store.keep(sha, content); // the same bytes again: nothing changes

        Path kept = dir.resolve("evidence").resolve(sha.substring(0, 2)).resolve(sha);
        assertThat(kept).exists();
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .as("no temporary file is left behind")
                    .containsExactly(sha);
        }
    }
}
