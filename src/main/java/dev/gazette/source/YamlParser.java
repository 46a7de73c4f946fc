package dev.gazette.source;

import dev.gazette.model.GazetteException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses a YAML mapping into a {@link YamlMap}, keeping line numbers for error messages. */
public final class YamlParser {
    private YamlParser() {
    }

    /**
     * @param file       the name used in error messages
     * @param text       YAML text whose top level must be a mapping (or empty)
     * @param firstLine  the file line that {@code text} starts on, so lines are right inside front matter
     * @throws GazetteException on invalid YAML, with the line of the problem
     */
    public static YamlMap parse(String file, String text, int firstLine) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(Mark::getLine).orElse(0) + firstLine;
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            throw new GazetteException(file, line, "invalid YAML: " + problem);
        } catch (YamlEngineException e) {
            throw new GazetteException(file, firstLine, "invalid YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // SnakeYAML's scanner lets a number error out for an escape beyond Unicode or cut off at the end.
            throw new GazetteException(file, badEscapeLine(text) + firstLine,
                    "invalid YAML: an escape such as \\u00e9 or \\U0001F600 that is cut off or is no character");
        }
        if (root.isEmpty()) {
            return new YamlMap(file, firstLine, Map.of(), Map.of());
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw new GazetteException(file, lineOf(root.get(), firstLine),
                    "expected 'key: value' lines, found a " + root.get().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return toMap(file, mapping, firstLine);
    }

    private static YamlMap toMap(String file, MappingNode mapping, int firstLine) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = lineOf(keyNode, firstLine);
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw new GazetteException(file, line, "a key must be a plain word");
            }
            String key = scalar.getValue();
            if (lines.containsKey(key)) {
                throw new GazetteException(file, line, "'" + key + "' is set twice (first on line " + lines.get(key) + ")");
            }
            lines.put(key, line);
            values.put(key, toValue(file, tuple.getValueNode(), firstLine));
        }
        return new YamlMap(file, lineOf(mapping, firstLine), values, lines);
    }

    private static Object toValue(String file, Node node, int firstLine) {
        if (node instanceof MappingNode m) {
            return toMap(file, m, firstLine);
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            for (Node item : s.getValue()) {
                list.add(toValue(file, item, firstLine));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.decode(value.replace("_", "").replace("0o", "0"));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("\\\\([xuU])([0-9A-Fa-f]*)");

    /** The 0-based line of the first \\x, \\u or \\U escape without its hex digits or beyond Unicode; 0 when none. */
    static int badEscapeLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = ESCAPE.matcher(lines[i]);
            while (m.find()) {
                int digits = switch (m.group(1)) {
                    case "x" -> 2;
                    case "u" -> 4;
                    default -> 8;
                };
                if (m.group(2).length() < digits || Long.parseLong(m.group(2).substring(0, digits), 16) > Character.MAX_CODE_POINT) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static int lineOf(Node node, int firstLine) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
    }
}
