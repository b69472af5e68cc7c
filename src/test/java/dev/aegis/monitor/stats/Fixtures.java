package dev.aegis.monitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reference figures computed by SciPy and numpy (written by {@code src/test/python/stats_fixtures.py}), and the
 * tolerances of issue 6: 1e-9 relative for statistics, 1e-6 relative for p-values.
 */
final class Fixtures {

    static final double STATISTIC_TOLERANCE = 1e-9;
    static final double P_VALUE_TOLERANCE = 1e-6;

    private Fixtures() {}

    static List<JsonNode> cases(String file) {
        List<JsonNode> cases = new ArrayList<>();
        read(file).get("cases").forEach(cases::add);
        return cases;
    }

    static JsonNode read(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/monitor/stats/" + file)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample stored as base64 of little-endian float64. */
    static double[] doubles(JsonNode node) {
        ByteBuffer bytes =
                ByteBuffer.wrap(Base64.getDecoder().decode(node.asString())).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(values);
        return values;
    }

    static double[] doubleList(JsonNode node) {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    static long[] longs(JsonNode node) {
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asLong();
        }
        return values;
    }

    static int[] ints(JsonNode node) {
        int[] values = new int[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asInt();
        }
        return values;
    }

    /** Relative closeness, with an absolute floor for figures that are (almost) 0 in both computations. */
    static void assertClose(String what, double actual, JsonNode expected, double relative) {
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(what + " is undefined").isNaN();
            return;
        }
        assertClose(what, actual, expected.asDouble(), relative);
    }

    static void assertClose(String what, double actual, double expected, double relative) {
        double tolerance = Math.max(relative * Math.abs(expected), relative == P_VALUE_TOLERANCE ? 1e-300 : 1e-15);
        assertThat(actual)
                .as("%s: expected %s, was %s", what, expected, actual)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
    }
}
