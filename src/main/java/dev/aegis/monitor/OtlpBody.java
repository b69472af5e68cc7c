package dev.aegis.monitor;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An OTLP/HTTP request body as the OpenTelemetry exporters send it: plain or gzip-compressed
 * ({@code Content-Encoding: gzip}), protobuf or JSON. The uncompressed body is capped, so a small compressed body
 * cannot unpack into gigabytes.
 */
public final class OtlpBody {

    /** The most an uncompressed OTLP body may hold. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private OtlpBody() {}

    /** The body to read, unpacked when its encoding is gzip; any encoding but gzip and identity is refused. */
    public static InputStream open(InputStream raw, String contentEncoding) {
        InputStream in = raw;
        if (contentEncoding != null && !contentEncoding.isBlank() && !"identity".equalsIgnoreCase(contentEncoding)) {
            if (!"gzip".equalsIgnoreCase(contentEncoding.trim())) {
                throw new IngestProblems.Malformed(
                        "Content-Encoding '" + contentEncoding + "' is not taken; send gzip or no encoding.");
            }
            try {
                in = new GZIPInputStream(raw, 8192);
            } catch (ZipException e) {
                throw new IngestProblems.Malformed("The body is not gzip: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Capped(in);
    }

    /** An {@code ExportTraceServiceRequest} in protobuf. */
    public static ExportTraceServiceRequest traces(InputStream body) {
        try {
            return ExportTraceServiceRequest.parseFrom(coded(body));
        } catch (InvalidProtocolBufferException e) {
            throw new IngestProblems.Malformed(
                    "The body is no OTLP protobuf ExportTraceServiceRequest: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** An {@code ExportMetricsServiceRequest} in protobuf. */
    public static ExportMetricsServiceRequest metrics(InputStream body) {
        try {
            return ExportMetricsServiceRequest.parseFrom(coded(body));
        } catch (InvalidProtocolBufferException e) {
            throw new IngestProblems.Malformed(
                    "The body is no OTLP protobuf ExportMetricsServiceRequest: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static CodedInputStream coded(InputStream body) {
        CodedInputStream coded = CodedInputStream.newInstance(body);
        coded.setSizeLimit((int) MAX_BYTES);
        return coded;
    }

    private static RuntimeException unreadable(IOException e) {
        if (e instanceof ZipException) {
            return new IngestProblems.Malformed("The gzip body is damaged: " + e.getMessage());
        }
        return new UncheckedIOException(e);
    }

    /** Refuses to read past {@link #MAX_BYTES}. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new IngestProblems.TooMany(
                        "An OTLP body holds at most " + MAX_BYTES / (1024 * 1024) + " MB once unpacked.");
            }
        }
    }
}
