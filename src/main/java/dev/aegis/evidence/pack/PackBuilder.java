package dev.aegis.evidence.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a pack's ZIP in one pass, never holding a file in memory:
 * <ol>
 * <li>{@code evidence/<id>-v<n>-<file name>}: every evidence file as stored, hashed while copied (a file whose hash
 * differs from the one registered stops the pack: it would not verify);</li>
 * <li>{@code manifest.json}: the pack's facts and every evidence file (path, size, SHA-256, id, version, title). It
 * cannot list the PDF, whose cover prints the manifest's own SHA-256;</li>
 * <li>{@code manifest.json.sig} and {@code signer.pem}: the manifest's detached signature with the organisation's key,
 * and its certificate; {@code audit-checkpoint.json} and its {@code .sig}: the audit log's head, signed as the pack
 * was built ({@link PackSigner});</li>
 * <li>{@code pack.pdf}, with that SHA-256 on its cover;</li>
 * <li>{@code README.txt}: how to verify, with the openssl commands;</li>
 * <li>{@code SHA256SUMS}: {@code sha256sum} lines for every other file of the ZIP (pack.pdf and manifest.json
 * included), so {@code sha256sum -c SHA256SUMS} checks the whole pack.</li>
 * </ol>
 * The SHA-256 of SHA256SUMS and of the ZIP are kept on the sealed pack in Aegis.
 */
@Component
class PackBuilder {

    static final String PDF = "pack.pdf";
    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";
    static final String README = "README.txt";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SnapshotReader reader;
    private final PackEvidence evidence;
    private final PackDocument document;
    private final Clock clock;
    private final PackSigner signer;

    PackBuilder(SnapshotReader reader, PackEvidence evidence, PackDocument document, Clock clock, PackSigner signer) {
        this.signer = signer;
        this.reader = reader;
        this.evidence = evidence;
        this.document = document;
        this.clock = clock;
    }

    record Sealed(String manifestSha256, String sumsSha256, String zipSha256, long size, int files) {}

    /**
     * A record (e.g. a telemetry test's results of the day) took further entries between the snapshot and copying its
     * file: its content and SHA-256 moved on legitimately, so the build starts again from a fresh snapshot.
     */
    static final class RecordExtended extends dev.aegis.shared.DomainRuleException {
        RecordExtended(long evidenceId) {
            super(
                    "evidence",
                    "Evidence E-" + evidenceId + " (a record) kept taking new entries while the pack was built; "
                            + "ask for the pack again in a moment.");
        }
    }

    Sealed build(
            long packId,
            String framework,
            List<Long> systems,
            LocalDate asOf,
            String generatedBy,
            Instant requestedAt,
            Path target,
            IntConsumer progress) {
        Snapshot snapshot = reader.read(framework, systems, asOf);
        progress.accept(10);
        var checkpoint = signer.checkpoint();
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            Files.createDirectories(target.getParent());
            Path work = Files.createTempDirectory(target.getParent(), "pack-" + packId + "-");
            Path partial = work.resolve("pack.zip");
            Map<String, String> sums = new LinkedHashMap<>();
            MessageDigest zipDigest = sha256();
            String manifestSha;
            int files = 0;
            try (OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(file, zipDigest))) {
                List<Map<String, Object>> listed = new ArrayList<>();
                int done = 0;
                List<PackEvidence.Item> withFiles = snapshot.evidence().stream()
                        .filter(PackEvidence.Item::hasFile)
                        .toList();
                for (PackEvidence.Item item : withFiles) {
                    String path = item.path();
                    if (sums.containsKey(path)) {
                        continue;
                    }
                    long[] size = {0};
                    String sha;
                    try (InputStream in = evidence.content(item.id(), item.version())) {
                        sha = entry(zip, path, out -> size[0] = in.transferTo(out));
                    }
                    if (!sha.equalsIgnoreCase(item.sha256()) && "RECORD".equals(item.kind())) {
                        throw new RecordExtended(item.id());
                    }
                    if (!sha.equalsIgnoreCase(item.sha256())) {
                        throw new dev.aegis.shared.DomainRuleException(
                                "evidence",
                                "Evidence #" + item.id() + " v"
                                        + item.version()
                                        + " no longer matches its registered SHA-256 (stored file changed?); "
                                        + "the pack would not verify.");
                    }
                    sums.put(path, sha);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", path);
                    m.put("size", size[0]);
                    m.put("sha256", sha);
                    m.put("evidenceId", item.id());
                    m.put("version", item.version());
                    m.put("title", item.title());
                    m.put("mediaType", item.mediaType());
                    listed.add(m);
                    progress.accept(10 + (int) (40L * ++done / Math.max(1, withFiles.size())));
                }
                files += listed.size();

                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", "aegis-evidence-pack/1");
                manifest.put("pack", packId);
                manifest.put("framework", snapshot.framework().code());
                manifest.put("frameworkName", snapshot.framework().name());
                manifest.put(
                        "systems",
                        snapshot.allSystems()
                                ? "all"
                                : snapshot.systemIds().stream().sorted().toList());
                manifest.put("asOf", asOf.toString());
                manifest.put("requestedAt", requestedAt.toString());
                manifest.put("generatedBy", generatedBy);
                manifest.put("generatedAt", generatedAt.toString());
                manifest.put(
                        "verification",
                        "sha256sum -c SHA256SUMS checks every file of the pack; the SHA-256 of "
                                + "this manifest is printed on the cover of pack.pdf. This manifest lists the evidence files; "
                                + "pack.pdf, README.txt and itself are listed in SHA256SUMS. manifest.json.sig is its signature "
                                + "with the key certified in signer.pem (README.txt gives the openssl commands).");
                manifest.putAll(signer.manifestFacts(checkpoint));
                manifest.put("files", listed);
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                manifestSha = entry(zip, MANIFEST, out -> out.write(manifestBytes));
                sums.put(MANIFEST, manifestSha);
                sums.put(
                        PackSigner.SIGNATURE,
                        entry(zip, PackSigner.SIGNATURE, out -> out.write(signer.sign(manifestBytes))));
                sums.put(
                        PackSigner.CERTIFICATE,
                        entry(zip, PackSigner.CERTIFICATE, out -> out.write(signer.certificate())));
                sums.put(
                        PackSigner.CHECKPOINT,
                        entry(
                                zip,
                                PackSigner.CHECKPOINT,
                                out -> out.write(checkpoint.payload().getBytes(StandardCharsets.UTF_8))));
                sums.put(
                        PackSigner.CHECKPOINT_SIGNATURE,
                        entry(zip, PackSigner.CHECKPOINT_SIGNATURE, out -> out.write(checkpoint.signature())));
                progress.accept(55);

                Path pdf = work.resolve(PDF);
                try (OutputStream out = Files.newOutputStream(pdf)) {
                    document.render(
                            new PackDocument.Cover(
                                    snapshot.framework().name(),
                                    snapshot.scopeLabel(),
                                    asOf.toString(),
                                    generatedBy,
                                    PackWords.time(generatedAt),
                                    manifestSha,
                                    "#" + packId,
                                    ExecutiveSummary.inShort(snapshot),
                                    ExecutiveSummary.coverFigures(snapshot)),
                            PackDocument.body(snapshot, manifestSha),
                            PackDocument.descriptions(snapshot),
                            "Aegis evidence pack #" + packId + " · as of " + asOf + " · manifest SHA-256 "
                                    + manifestSha.substring(0, 16) + "…",
                            work,
                            out);
                }
                progress.accept(90);
                sums.put(PDF, entry(zip, PDF, out -> Files.copy(pdf, out)));
                Files.delete(pdf);

                byte[] readme = (readme(packId, manifestSha) + "\n" + signer.readme(checkpoint))
                        .getBytes(StandardCharsets.UTF_8);
                sums.put(README, entry(zip, README, out -> out.write(readme)));

                StringBuilder lines = new StringBuilder();
                // sha256sum's own format: hash, two spaces (text mode), path
                sums.forEach((path, sha) ->
                        lines.append(sha).append("  ").append(path).append('\n'));
                byte[] sumBytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                String sumsSha = entry(zip, SUMS, out -> out.write(sumBytes));
                files += 8;
                zip.finish();
                zip.close();
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                progress.accept(99);
                return new Sealed(
                        manifestSha, sumsSha, HexFormat.of().formatHex(zipDigest.digest()), Files.size(target), files);
            } finally {
                try (var left = Files.list(work)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readme(long packId, String manifestSha) {
        return """
                Aegis evidence pack #%d

                How to verify this pack offline (GNU coreutils):

                  unzip aegis-pack-%d-*.zip -d pack && cd pack
                  sha256sum -c SHA256SUMS          # every file must say OK, pack.pdf included
                  sha256sum manifest.json          # must print the SHA-256 on the cover of pack.pdf:
                                                   # %s

                manifest.json lists every evidence file (evidence/<id>-v<version>-<file name>) with its size and
                SHA-256 as registered in Aegis; SHA256SUMS lists every file of the pack except itself. The SHA-256 of
                SHA256SUMS and of the ZIP are kept with the sealed pack in Aegis (Evidence packs screen, or
                GET /api/v1/packs/%d).
                """.formatted(packId, packId, manifestSha, packId);
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes one ZIP entry and answers the SHA-256 of its content. */
    private static String entry(ZipOutputStream zip, String path, Writer writer) throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(path));
        OutputStream entry = new DigestOutputStream(
                new java.io.FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the ZIP stays open for the next entry
                    }
                },
                digest);
        writer.write(entry);
        entry.flush();
        zip.closeEntry();
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
