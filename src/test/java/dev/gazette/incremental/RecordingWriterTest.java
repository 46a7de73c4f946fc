package dev.gazette.incremental;

import dev.gazette.model.LongText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.StandardCharsets;

/**
 * A new output is stored by {@link Values.Writer#store}, which fingerprints its parts while it
 * writes them (into a buffer, the fingerprints filled in after; into a stream, computed first):
 * both must write the same bytes, every fingerprint noted or stored must be the one
 * {@link Fingerprints} computes for that value (or the one its memo knew), and a value read back
 * must be stored again as the very bytes it was read from.
 */
class RecordingWriterTest {
    enum Kind { NEWS, OPINION }

    record Leafs(int i, long l, double d, float f, boolean b, Kind kind, ZonedDateTime at, LocalDate day, URI uri,
                 byte[] bytes, int[] ints, float[] floats, String[] names) {
    }

    record Node(String title, LongText body, List<Object> parts, Map<String, Object> fields, Set<String> tags,
                Optional<Node> lead, Object any) {
    }

    private static final String[] WORDS = {"beaver", "dam", "river", "\u201cquoted\u201d", "\u2014", "caf\u00e9", "\ud83e\uddab", ""};

    private static String text(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return s.toString();
    }

    /** A random value of every kind the codec knows, strings short and long, some shared by identity or by value. */
    private static Object value(Random r, int depth, List<Object> made) {
        int kind = r.nextInt(depth > 3 ? 4 : 13);
        Object v = switch (kind) {
            case 0 -> text(r, r.nextInt(4));
            case 1 -> r.nextInt(5) == 0 ? null : r.nextInt();
            case 2 -> text(r, 60 + r.nextInt(40));               // a long string: remembered by identity
            case 3 -> made.isEmpty() ? "again" : made.get(r.nextInt(made.size()));   // met again
            case 4 -> LongText.of(text(r, 20 + r.nextInt(200)));
            case 5 -> r.nextBoolean() ? LongText.ofUtf8(text(r, 80).getBytes(StandardCharsets.UTF_8))
                    : new Fingerprint(r.nextLong(), r.nextLong());
            case 6 -> new Leafs(r.nextInt(), r.nextLong(), r.nextDouble(), r.nextFloat(), r.nextBoolean(),
                    Kind.values()[r.nextInt(2)], ZonedDateTime.parse("2025-03-01T10:00:00Z").plusMinutes(r.nextInt(9999)),
                    LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300)), URI.create("https://example.org/" + r.nextInt(99)),
                    new byte[]{(byte) r.nextInt()}, new int[]{r.nextInt(), 3}, new float[]{r.nextFloat()},
                    new String[]{text(r, 2), null, text(r, 70)});
            case 7, 8 -> node(r, depth, made);
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int n = r.nextInt(5); n > 0; n--) {
                    list.add(value(r, depth + 1, made));
                }
                yield r.nextBoolean() ? list : list.stream().filter(x -> x != null).toList();
            }
            case 10 -> {
                Map<String, Object> map = r.nextBoolean() ? new HashMap<>() : r.nextBoolean() ? new TreeMap<>() : new LinkedHashMap<>();
                for (int n = r.nextInt(5); n > 0; n--) {
                    Object x = value(r, depth + 1, made);
                    map.put(text(r, 1) + n, x == null ? 0 : x);
                }
                yield r.nextBoolean() ? map : Map.copyOf(map);
            }
            case 11 -> Optional.ofNullable(r.nextBoolean() ? null : value(r, depth + 1, made));
            default -> {
                Set<String> set = new HashSet<>(Arrays.asList(text(r, 1), text(r, 2), text(r, 70)));
                yield r.nextBoolean() ? set : Set.copyOf(set);
            }
        };
        if (v != null && r.nextInt(3) == 0) {
            made.add(v);
        }
        return v;
    }

    private static Node node(Random r, int depth, List<Object> made) {
        List<Object> parts = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            parts.add(value(r, depth + 1, made));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int n = r.nextInt(3); n > 0; n--) {
            Object x = value(r, depth + 1, made);
            fields.put("f" + n, x == null ? "none" : x);
        }
        return new Node(text(r, 3), LongText.of(text(r, 50 + r.nextInt(300))), r.nextBoolean() ? parts : List.copyOf(
                parts.stream().filter(x -> x != null).toList()), fields, Set.of(text(r, 1) + "tag"),
                depth < 3 && r.nextBoolean() ? Optional.of(node(r, depth + 1, made)) : Optional.empty(), value(r, depth + 1, made));
    }

    private static byte[] throughStream(Object value, Fingerprints memo) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(bytes), memo).store(value);
        return bytes.toByteArray();
    }

    private static byte[] oneWalk(Object value, Fingerprints memo) throws Exception {
        BufferOutput out = new BufferOutput(16);
        Values.Writer.storing(out, memo).store(value);
        return Arrays.copyOf(out.array(), out.size());
    }

    @Test
    void storingWritesOneEncodingAndNotesTheFingerprintsFingerprintsCompute() throws Exception {
        Random r = new Random(20261130);
        for (int round = 0; round < 400; round++) {
            List<Object> made = new ArrayList<>();
            Object value = round % 2 == 0 ? node(r, 0, made) : value(r, 0, made);
            if (value == null) {
                continue;   // a step's output is never null
            }
            // Two memos alike: some parts fingerprinted before (one as a derived fingerprint, as a step's output is).
            Fingerprints before = new Fingerprints();
            Fingerprints recording = new Fingerprints();
            for (Object part : made) {
                if (Fingerprints.remembered(part) && r.nextBoolean()) {
                    Fingerprint f = r.nextInt(4) == 0 ? new Fingerprint(r.nextLong(), r.nextLong()) : before.of(part);
                    before.seed(part, f);
                    recording.seed(part, f);
                }
            }
            assertThat(oneWalk(value, recording)).as("round %d", round).isEqualTo(throughStream(value, before));
            if (Fingerprints.remembered(value)) {
                assertThat(recording.known(value)).isEqualTo(before.of(value));
            }

            // Every fingerprint the bytes carry is the value's, as a fresh memo computes it (none seeded this time).
            Fingerprints fresh = new Fingerprints();
            byte[] bytes = oneWalk(value, fresh);
            Map<Object, Fingerprint> handedBack = new IdentityHashMap<>();
            BufferInput in = new BufferInput(ByteBuffer.wrap(bytes));
            Object read = new Values.Reader(in, handedBack::put).read();
            assertThat(in.atEnd()).isTrue();
            int at = round;
            handedBack.forEach((v, f) -> assertThat(f).as("round %d: %s", at, v).isEqualTo(new Fingerprints().of(v)));
            if (Fingerprints.remembered(value)) {
                assertThat(fresh.known(value)).isEqualTo(new Fingerprints().of(value));
                assertThat(handedBack.get(read)).isEqualTo(fresh.known(value));
            }

            // Read back with its fingerprints noted, it is stored again as the bytes it was read from.
            Fingerprints reading = new Fingerprints();
            Object again = new Values.Reader(new BufferInput(ByteBuffer.wrap(bytes)), reading::seed).read();
            assertThat(oneWalk(again, reading)).as("round %d stored again", round).isEqualTo(bytes);
        }
    }
}
