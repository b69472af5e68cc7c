package dev.aegis.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadInspectorTest {

    private final UploadInspector inspector = new UploadInspector(1024, UploadInspector.DEFAULT_TYPES);

    private static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    @Test
    void a_pdf_is_recognised_by_its_content_and_hashed_as_sha256sum_would() {
        byte[] pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        InspectedFile file = inspector.inspect("file", "C:\\scans\\dpa.pdf", stream(pdf));
        assertThat(file.name()).isEqualTo("dpa.pdf");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256()).isEqualTo(UploadInspector.sha256Of(pdf)).hasSize(64);
    }

    @Test
    void an_executable_named_like_a_pdf_is_refused_for_its_content() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        assertThatThrownBy(() -> inspector.inspect("file", "report.pdf", stream(elf)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("report.pdf")
                .hasMessageContaining("not accepted");
    }

    @Test
    void a_file_over_the_limit_is_refused_with_the_limit_named() {
        byte[] big = new byte[2048];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> inspector.inspect("file", "notes.txt", stream(big)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("larger than the limit of 1.0 KB")
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("file");
    }

    @Test
    void json_text_is_told_apart_from_plain_text_and_empty_files_are_refused() {
        assertThat(inspector
                        .inspect(null, "a.bin", stream("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)))
                        .mediaType())
                .isEqualTo("application/json");
        assertThat(inspector
                        .inspect(null, "a.json", stream("just words".getBytes(StandardCharsets.UTF_8)))
                        .mediaType())
                .isEqualTo("text/plain");
        assertThatThrownBy(() -> inspector.inspect(null, "empty.txt", stream(new byte[0])))
                .hasMessageContaining("is empty");
    }
}
