package dev.gazette.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Writes a Markdown source: a YAML front matter block, then the body. Every string is written
 * double-quoted (JSON string syntax, which YAML reads the same), so no headline can break the YAML.
 */
public final class FrontMatterWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FrontMatterWriter() {
    }

    /**
     * @param fields keys in the order to write; null values are left out; lists become flow sequences;
     *               booleans are written bare, every other value as a quoted string
     */
    public static String write(Map<String, Object> fields, String body) {
        StringBuilder out = new StringBuilder("---\n");
        try {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                Object value = e.getValue();
                if (value == null) {
                    continue;
                }
                out.append(e.getKey()).append(": ");
                if (value instanceof List<?> list) {
                    out.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        out.append(i > 0 ? ", " : "").append(JSON.writeValueAsString(String.valueOf(list.get(i))));
                    }
                    out.append(']');
                } else if (value instanceof Boolean flag) {
                    out.append(flag);
                } else {
                    out.append(JSON.writeValueAsString(String.valueOf(value)));
                }
                out.append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
        return out.append("---\n\n").append(body).toString();
    }
}
