package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceVersion.Storage;
import java.io.InputStream;

/**
 * Where the bytes of evidence files are kept, addressed by their SHA-256 (the same bytes are kept once). Keeping bytes
 * that are already there does nothing.
 */
interface FileStore {

    Storage kind();

    void keep(String sha256, byte[] content);

    /** The bytes kept under this SHA-256; a missing file is an error of the installation, not of the user. */
    InputStream open(String sha256);
}
