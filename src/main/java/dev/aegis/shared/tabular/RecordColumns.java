package dev.aegis.shared.tabular;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a register's details record, one per record component and named after it, so a register's export
 * and import follow its form record without a hand-written mapping. Understands strings, dates, enums (by name in any
 * case, or by the label the screens show), sets of enums ("PHI; PERSONAL_DATA"), whole and decimal numbers and
 * booleans.
 */
public final class RecordColumns<R extends Record> {

    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private final Function<Enum<?>, String> labels;

    public RecordColumns(Class<R> type, Function<Enum<?>, String> labels) {
        this.components = type.getRecordComponents();
        this.labels = labels;
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> names() {
        return Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    /** The columns every row must have: those whose component is {@code @NotNull} or {@code @NotBlank}. */
    public List<String> required() {
        return Arrays.stream(components)
                .filter(c -> c.isAnnotationPresent(NotNull.class) || c.isAnnotationPresent(NotBlank.class))
                .map(RecordComponent::getName)
                .toList();
    }

    /** The record's cells in column order: enums by name, sets joined with "; " in declaration order. */
    public List<Object> values(R record) {
        List<Object> values = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            Object value = get(c, record);
            values.add(
                    switch (value) {
                        case null -> null;
                        case Enum<?> e -> e.name();
                        case Collection<?> set ->
                            set.stream()
                                    .map(e -> (Enum<?>) e)
                                    .sorted(java.util.Comparator.comparingInt(Enum::ordinal))
                                    .map(Enum::name)
                                    .collect(Collectors.joining("; "));
                        default -> value;
                    });
        }
        return values;
    }

    /**
     * Reads a record from a row. A cell that cannot be read adds a problem and leaves its component {@code null}, so
     * the caller can still run Bean Validation for the other columns.
     */
    public R parse(Table.Row row, List<RowProblem> problems) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String raw = row.cells().get(c.getName());
            String text = raw == null || raw.isBlank() ? null : raw;
            try {
                args[i] = convert(c, text);
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(row.number(), c.getName(), e.getMessage()));
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "Cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object convert(RecordComponent c, String text) {
        Class<?> type = c.getType();
        if (Set.class.isAssignableFrom(type)) {
            Class elementType = elementType(c.getGenericType());
            Set set = EnumSet.noneOf(elementType);
            if (text != null) {
                for (String part : text.split("[;\n]")) {
                    if (!part.isBlank()) {
                        set.add(enumValue(elementType, part));
                    }
                }
            }
            return set;
        }
        if (text == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("Fill in this column.");
            }
            return null;
        }
        if (type == String.class) {
            return text;
        }
        String value = text.strip();
        if (type.isEnum()) {
            return enumValue((Class) type, value);
        }
        if (type == LocalDate.class) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "\"" + value + "\" is not a date: write it as yyyy-mm-dd, e.g. 2026-12-31.");
            }
        }
        try {
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(value);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a number.");
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) {
                return true;
            }
            if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) {
                return false;
            }
            throw new IllegalArgumentException("\"" + value + "\" is not yes or no.");
        }
        throw new IllegalStateException("No column mapping for " + type);
    }

    /** An enum constant by its name (any case, spaces for underscores) or by the label the screens show it with. */
    public <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        String value = text.strip();
        String asName = value.replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(asName) || labels.apply(e).equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isEnum()) {
            return element;
        }
        throw new IllegalStateException("Only sets of enums map to a column, not " + generic);
    }

    private static Object get(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
