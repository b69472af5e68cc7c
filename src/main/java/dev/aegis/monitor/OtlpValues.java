package dev.aegis.monitor;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * OTLP attribute values in one shape whichever encoding brought them: a string, a {@code Long}, a {@code Double}, a
 * {@code Boolean}, a {@code List} of these (an array) or, for a key-value list, its text. OTLP's JSON encoding writes
 * 64-bit integers as strings; they are read back as {@code Long}.
 */
final class OtlpValues {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpValues() {}

    static Map<String, Object> attributes(JsonNode list) {
        Map<String, Object> map = new HashMap<>();
        for (JsonNode kv : list) {
            Object v = value(kv.path("value"));
            if (v != null) {
                map.put(kv.path("key").asString(""), v);
            }
        }
        return map;
    }

    static Map<String, Object> attributes(List<KeyValue> list) {
        Map<String, Object> map = HashMap.newHashMap(list.size());
        for (KeyValue kv : list) {
            Object v = value(kv.getValue());
            if (v != null) {
                map.put(kv.getKey(), v);
            }
        }
        return map;
    }

    static Object value(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.has("stringValue")) {
            return v.get("stringValue").asString();
        }
        if (v.has("intValue")) {
            JsonNode i = v.get("intValue");
            try {
                return i.isNumber() ? i.asLong() : Long.parseLong(i.asString().trim());
            } catch (NumberFormatException e) {
                return i.asString(); // refused where a number is needed, with the text in the message
            }
        }
        if (v.has("doubleValue")) {
            JsonNode d = v.get("doubleValue");
            return d.isNumber() ? d.asDouble() : d.asString();
        }
        if (v.has("boolValue")) {
            return v.get("boolValue").asBoolean();
        }
        if (v.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode e : v.path("arrayValue").path("values")) {
                Object o = value(e);
                if (o != null) {
                    values.add(o);
                }
            }
            return values;
        }
        if (v.has("kvlistValue")) {
            return v.get("kvlistValue").toString();
        }
        return null;
    }

    static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BOOL_VALUE -> v.getBoolValue();
            case ARRAY_VALUE -> {
                List<Object> values = new ArrayList<>(v.getArrayValue().getValuesCount());
                for (AnyValue e : v.getArrayValue().getValuesList()) {
                    Object o = value(e);
                    if (o != null) {
                        values.add(o);
                    }
                }
                yield values;
            }
            case KVLIST_VALUE -> v.getKvlistValue().toString();
            default -> null;
        };
    }

    /** A value as text: arrays as their elements one per line. */
    static String string(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder();
            for (Object o : list) {
                if (!b.isEmpty()) {
                    b.append('\n');
                }
                b.append(string(o));
            }
            return b.toString();
        }
        return value.toString();
    }

    /** OTLP's protobuf ids are bytes; its JSON writes them in lower-case hex. */
    static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }
}
