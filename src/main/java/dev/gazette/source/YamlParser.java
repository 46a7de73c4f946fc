package dev.gazette.source;

import dev.gazette.model.GazetteException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a YAML mapping into a {@link YamlMap}, keeping line numbers for error messages.
 *
 * <p>Bounded against hostile input: nesting deeper than {@link #MAX_DEPTH} is refused before
 * the (recursive) composer sees it, and aliases may not expand the document beyond
 * {@link #MAX_VALUES} values or {@link #MAX_EXPANDED_CHARS} characters of text ("billion
 * laughs"), nor refer to themselves.
 */
public final class YamlParser {
    /** Deeper than any honest front matter or site.yml (a tag vocabulary is three levels). */
    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 100_000;
    /** Beyond the input's own length, which expansion without aliases never exceeds. */
    static final int MAX_EXPANDED_CHARS = 1_000_000;

    /**
     * Immutable, so shared by every parse (building the schema's resolvers for each front matter
     * cost as much as parsing it); messages name the file themselves, so the settings need not.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .build();

    private YamlParser() {
    }

    /**
     * @param file       the name used in error messages
     * @param text       YAML text whose top level must be a mapping (or empty)
     * @param firstLine  the file line that {@code text} starts on, so lines are right inside front matter
     * @throws GazetteException on invalid YAML, with the line of the problem
     */
    public static YamlMap parse(String file, String text, int firstLine) {
        Optional<Node> root;
        try {
            Parser events = new DepthChecked(file, firstLine, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
            root = new Composer(SETTINGS, events).getSingleNode();
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
                    "expected 'key: value' lines, found a " + root.get().getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return new Converter(file, firstLine, text.length()).toMap(mapping, 1);
    }

    /**
     * The composer is recursive, the parser an iterative state machine: the composer's events
     * are counted as it takes them, so it never goes deeper than {@link #MAX_DEPTH} (one pass
     * over the text, not a parse to check the depth and another to compose).
     */
    private static final class DepthChecked implements Parser {
        private final String file;
        private final int firstLine;
        private final Parser parser;
        private int depth;

        DepthChecked(String file, int firstLine, Parser parser) {
            this.file = file;
            this.firstLine = firstLine;
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            Event.ID id = event.getEventId();
            if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    int line = event.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
                    throw new GazetteException(file, line, "YAML nested more than " + MAX_DEPTH + " levels deep");
                }
            } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
                depth--;
            }
            return event;
        }
    }

    /** Turns nodes into values, counting what aliases expand to. */
    private static final class Converter {
        private final String file;
        private final int firstLine;
        private final long maxChars;
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private long values;
        private long chars;
        /** The line of the key being converted: an alias expands where it is used, not where its anchor is. */
        private int keyLine;

        Converter(String file, int firstLine, int inputLength) {
            this.file = file;
            this.firstLine = firstLine;
            this.maxChars = (long) MAX_EXPANDED_CHARS + inputLength;
        }

        YamlMap toMap(MappingNode mapping, int depth) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            enter(mapping, depth);
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
                keyLine = line;
                values.put(key, toValue(tuple.getValueNode(), depth + 1));
            }
            open.remove(mapping);
            return new YamlMap(file, lineOf(mapping, firstLine), values, lines);
        }

        private Object toValue(Node node, int depth) {
            if (node instanceof MappingNode m) {
                return toMap(m, depth);
            }
            if (node instanceof SequenceNode s) {
                enter(s, depth);
                List<Object> list = new ArrayList<>();
                for (Node item : s.getValue()) {
                    list.add(toValue(item, depth + 1));
                }
                open.remove(s);
                return list;
            }
            ScalarNode scalar = (ScalarNode) node;
            String value = scalar.getValue();
            count(value.length());
            Tag tag = scalar.getTag();
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
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

        /** A collection may hold itself only through an alias; following it would never end. */
        private void enter(Node collection, int depth) {
            if (!open.add(collection)) {
                throw new GazetteException(file, lineOf(collection, firstLine), "a YAML alias refers to the list or mapping it is in");
            }
            if (depth > MAX_DEPTH) {
                throw new GazetteException(file, lineOf(collection, firstLine), "YAML nested more than " + MAX_DEPTH + " levels deep");
            }
            count(0);
        }

        private void count(int length) {
            values++;
            chars += length;
            if (values > MAX_VALUES || chars > maxChars) {
                throw new GazetteException(file, keyLine, "YAML aliases expand to more than "
                        + (values > MAX_VALUES ? MAX_VALUES + " values" : maxChars + " characters") + "; write the values out instead");
            }
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\([xuU])([0-9A-Fa-f]*)");

    /** The 0-based line of the first \\x, \\u or \\U escape without its hex digits or beyond Unicode; 0 when none. */
    static int badEscapeLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ESCAPE.matcher(lines[i]);
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
