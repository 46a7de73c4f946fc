package dev.gazette.source;

import dev.gazette.model.GazetteException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping that remembers the line of every key, so that a wrong value can be reported
 * as {@code file:line: message}. Values are {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@code List<Object>} or nested {@code YamlMap}s; {@code null} is absent.
 */
public final class YamlMap {
    private final String file;
    private final int line;
    private final Map<String, Object> values;
    private final Map<String, Integer> lines;

    YamlMap(String file, int line, Map<String, Object> values, Map<String, Integer> lines) {
        this.file = file;
        this.line = line;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.lines = Map.copyOf(lines);
    }

    /** An empty mapping, for a file without front matter or a missing config. */
    public static YamlMap empty(String file) {
        return new YamlMap(file, 0, Map.of(), Map.of());
    }

    public String file() {
        return file;
    }

    /** Line of the mapping itself. */
    public int line() {
        return line;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Line of {@code key}, or of the mapping when the key is absent. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, line);
    }

    public Object raw(String key) {
        return values.get(key);
    }

    /** The first of {@code keys} that is present: lets Hugo and Jekyll spellings mean the same. */
    public String firstKey(String... keys) {
        for (String key : keys) {
            if (has(key)) {
                return key;
            }
        }
        return keys[0];
    }

    /** A scalar as text (numbers and booleans too), or {@code null} when absent. */
    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List || value instanceof YamlMap) {
            throw error(key, "'" + key + "' must be a single value, not a " + describe(value));
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public boolean bool(String key, boolean otherwise) {
        Object value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        // 'true' in quotes is a string to YAML, but plainly what the curator meant.
        if (value instanceof String text && (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false"))) {
            return text.strip().equalsIgnoreCase("true");
        }
        throw error(key, "'" + key + "' must be true or false, not " + (value instanceof String ? "'" + value + "'" : "a " + describe(value)));
    }

    public int integer(String key, int otherwise, int min, int max) {
        Object value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Long n && n >= min && n <= max) {
            return n.intValue();
        }
        throw error(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** A list of scalars; a single scalar or a comma-separated string counts as a list too. */
    public List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof List || item instanceof YamlMap) {
                    throw error(key, "'" + key + "' must be a list of plain values");
                }
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().strip());
                }
            }
        } else if (value instanceof YamlMap) {
            throw error(key, "'" + key + "' must be a list, not a mapping");
        } else {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** A nested mapping, or an empty one when absent. */
    public YamlMap map(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new YamlMap(file, lineOf(key), Map.of(), Map.of());
        }
        if (value instanceof YamlMap m) {
            return m;
        }
        throw error(key, "'" + key + "' must be a mapping of keys to values, not a " + describe(value));
    }

    public GazetteException error(String key, String message) {
        return new GazetteException(file, lineOf(key), message);
    }

    private static String describe(Object value) {
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof YamlMap) {
            return "mapping";
        }
        return "plain value";
    }
}
