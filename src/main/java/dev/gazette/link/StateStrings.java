package dev.gazette.link;

import dev.gazette.model.Tag;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strings of a link state as a build cache keeps it: each distinct string written once, and
 * every later use by its number. Tag slugs and names, entity names and article slugs recur in
 * thousands of entries and lists; read back, each is one string shared by all its uses rather
 * than a copy per use. Tags likewise: each distinct tag is written once, and read back as one object.
 */
final class StateStrings {
    /** Longer strings are taken for damage: no value of a link state comes near. */
    private static final int MAX_BYTES = 1 << 26;

    private StateStrings() {
    }

    /** Writes strings to {@code data}, numbering them as they are first written. */
    static final class Out {
        final DataOutput data;
        /**
         * The strings written, each beside its number: a table probed in place (a {@code HashMap}'s node per
         * string was a fifth of a 10,000-article state's write), grown at half full.
         */
        private String[] written;
        private int[] numbers;
        private int count;
        /** Each entry's tags are a few of the site's few hundred: by equality, each written once. */
        private final Map<Tag, Integer> tagIds = new HashMap<>();

        /** Sized for a 10,000-article state's distinct strings. */
        Out(DataOutput data) {
            this(data, 1 << 18);
        }

        /** @param capacity a power of two, twice the distinct strings expected */
        Out(DataOutput data, int capacity) {
            this.data = data;
            this.written = new String[capacity];
            this.numbers = new int[capacity];
        }

        /**
         * A string of any length, or null: -1 for null, a string's number when written before, else
         * {@code -2 - length} and its UTF-8 bytes.
         */
        void string(String s) throws IOException {
            if (s == null) {
                data.writeInt(-1);
                return;
            }
            int id = number(s);
            if (id >= 0) {
                data.writeInt(id);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            data.writeInt(-2 - bytes.length);
            data.write(bytes);
        }

        /** The number of {@code s} when written before; else -1, and {@code s} numbered next. */
        private int number(String s) {
            int mask = written.length - 1;
            int i = slot(s, mask);
            for (String w; (w = written[i]) != null; i = (i + 1) & mask) {
                if (w == s || w.equals(s)) {
                    return numbers[i];
                }
            }
            written[i] = s;
            numbers[i] = count++;
            if (count > written.length / 2) {
                grow();
            }
            return -1;
        }

        private void grow() {
            String[] strings = written;
            int[] ids = numbers;
            written = new String[strings.length * 2];
            numbers = new int[strings.length * 2];
            int mask = written.length - 1;
            for (int j = 0; j < strings.length; j++) {
                if (strings[j] != null) {
                    int i = slot(strings[j], mask);
                    while (written[i] != null) {
                        i = (i + 1) & mask;
                    }
                    written[i] = strings[j];
                    numbers[i] = ids[j];
                }
            }
        }

        /** Where {@code s} is first looked for: its hash spread over the table's bits. */
        private static int slot(String s, int mask) {
            int h = s.hashCode() * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }

        void strings(Collection<String> list) throws IOException {
            data.writeInt(list.size());
            for (String s : list) {
                string(s);
            }
        }

        /** Tags, each distinct one written once (-1 then its parts) and every later use by its number. */
        void tags(List<Tag> tags) throws IOException {
            data.writeInt(tags.size());
            for (Tag t : tags) {
                Integer id = tagIds.putIfAbsent(t, tagIds.size());
                if (id != null) {
                    data.writeInt(id);
                    continue;
                }
                data.writeInt(-1);
                string(t.slug());
                string(t.name());
                string(t.description());
                strings(t.aliases());
            }
        }
    }

    /** Reads what {@link Out} wrote. */
    static final class In {
        final DataInput data;
        private final List<String> table = new ArrayList<>();
        private final List<Tag> tagTable = new ArrayList<>();
        /** Tags read already, by slug: a tag read again equal to one of them is that very object. */
        private final Map<String, Tag> known;

        In(DataInput data) {
            this(data, Map.of());
        }

        In(DataInput data, Map<String, Tag> known) {
            this.data = data;
            this.known = known;
        }

        String string() throws IOException {
            int n = data.readInt();
            if (n >= 0) {
                if (n >= table.size()) {
                    throw new IOException("string " + n + " of " + table.size());
                }
                return table.get(n);
            }
            if (n == -1) {
                return null;
            }
            if (-2 - n > MAX_BYTES) {
                throw new IOException("a string of " + (-2 - n) + " bytes");
            }
            byte[] bytes = new byte[-2 - n];
            data.readFully(bytes);
            String s = new String(bytes, StandardCharsets.UTF_8);
            table.add(s);
            return s;
        }

        List<String> strings() throws IOException {
            int n = LinkState.count(data);
            List<String> list = new ArrayList<>(Math.min(n, 1024));
            for (int k = 0; k < n; k++) {
                list.add(string());
            }
            return List.copyOf(list);
        }

        /** Tags as {@link Out#tags} wrote them: a tag used again is the very object read first. */
        List<Tag> tags() throws IOException {
            int n = LinkState.count(data);
            if (n == 0) {
                return List.of();
            }
            Tag[] tags = new Tag[n];
            for (int k = 0; k < n; k++) {
                int id = data.readInt();
                if (id >= tagTable.size() || id < -1) {
                    throw new IOException("tag " + id + " of " + tagTable.size());
                }
                if (id >= 0) {
                    tags[k] = tagTable.get(id);
                } else {
                    Tag tag = new Tag(string(), string(), string(), strings());
                    Tag same = known.get(tag.slug());
                    tags[k] = tag.equals(same) ? same : tag;
                    tagTable.add(tags[k]);
                }
            }
            return List.of(tags);
        }
    }
}
