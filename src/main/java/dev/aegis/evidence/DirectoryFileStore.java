package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceVersion.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in a directory (AEGIS_EVIDENCE_DIR), content-addressed: {@code <dir>/<first two hex digits>/<sha256>}. A file
 * is written to a temporary name beside its place and moved there atomically, so a reader never sees half a file and a
 * crash leaves at most a stray temporary file.
 */
class DirectoryFileStore implements FileStore {

    private final Path root;

    DirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence directory " + this.root + " cannot be created", e);
        }
    }

    Path root() {
        return root;
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public Storage kind() {
        return Storage.DIRECTORY;
    }

    @Override
    public void keep(String sha256, byte[] content) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target);
                }
            } catch (FileAlreadyExistsException e) {
                // another upload of the same bytes won the race: the content is the same
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence file " + sha256 + " could not be written to " + root, e);
        }
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence file " + sha256 + " cannot be read from " + root, e);
        }
    }
}
