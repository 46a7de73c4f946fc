package dev.gazette.incremental;

import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.model.UpdatableStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incremental step's state in the build cache: saved with the fingerprints of its input's
 * elements, read back by the next build and updated, told exactly which elements changed; made
 * fresh when there is none, when more changed than allowed, or when its file is damaged.
 */
class SavedStatesTest {
    private static final Fingerprint ENVIRONMENT = new Fingerprint(1, 2);

    @TempDir
    Path cache;

    /** An element of the input. */
    record Item(String name, int value) {
    }

    /** What the step did in one build: made its state fresh, or updated it told these positions changed. */
    private final List<String> calls = new ArrayList<>();

    /** The state: each item's value doubled, by position. */
    private final UpdatableStep<Item, int[]> doubled = new UpdatableStep<>("test.doubled",
            (items, steps) -> {
                calls.add("fresh");
                return items.stream().mapToInt(i -> 2 * i.value()).toArray();
            },
            (state, now, change, limit, steps) -> {
                if (change.sizeBefore() != now.size()) {
                    return null;
                }
                List<Integer> changed = new ArrayList<>();
                for (int i = 0; i < now.size(); i++) {
                    if (!change.sameAt(i)) {
                        changed.add(i);
                    }
                    assertThat(change.seen(now.get(i))).isEqualTo(change.sameAt(i));
                }
                if (changed.size() > limit) {
                    return null;
                }
                calls.add("update " + changed);
                changed.forEach(i -> state[i] = 2 * now.get(i).value());
                return state;
            },
            new UpdatableStep.Codec<>() {
                @Override
                public void write(int[] state, DataOutput out) throws IOException {
                    out.writeInt(state.length);
                    for (int v : state) {
                        out.writeInt(v);
                    }
                }

                @Override
                public int[] read(DataInput in) throws IOException {
                    int[] state = new int[in.readInt()];
                    for (int i = 0; i < state.length; i++) {
                        state[i] = in.readInt();
                    }
                    return state;
                }
            });

    @Test
    void aSavedStateIsReadBackAndUpdatedWithTheElementsThatChanged() throws Exception {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3), new Item("d", 4));
        assertThat(build(items, 10)).containsExactly(2, 4, 6, 8);
        assertThat(calls).containsExactly("fresh");

        assertThat(build(List.of(new Item("a", 1), new Item("b", 20), new Item("c", 3), new Item("d", 40)), 10))
                .containsExactly(2, 40, 6, 80);
        assertThat(calls).containsExactly("fresh", "update [1, 3]");

        assertThat(build(List.of(new Item("a", 1), new Item("b", 20), new Item("c", 3), new Item("d", 40)), 10))
                .as("nothing changed").containsExactly(2, 40, 6, 80);
        assertThat(calls).as("read back as saved: passed through an update with nothing changed, not made again")
                .containsExactly("fresh", "update [1, 3]", "update []");

        assertThat(build(List.of(new Item("a", 5), new Item("b", 6), new Item("c", 3), new Item("d", 40)), 1))
                .as("more changed than allowed").containsExactly(10, 12, 6, 80);
        assertThat(calls).last().isEqualTo("fresh");

        assertThat(build(List.of(new Item("a", 5), new Item("c", 3)), 10)).as("one removed").containsExactly(10, 6);
        assertThat(calls).last().isEqualTo("fresh");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("state-"))).as("old states deleted").hasSize(1);
        }
    }

    @Test
    void aDamagedStateIsMadeFreshAndCounted() throws Exception {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2));
        build(items, 10);
        Path state;
        try (Stream<Path> files = Files.list(cache)) {
            state = files.filter(p -> p.getFileName().toString().startsWith("state-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length - 1] ^= 0x21;
        Files.write(state, bytes);
        try (BuildCache.Loaded loaded = BuildCache.load(cache, 10)) {
            loaded.memory().start(ENVIRONMENT);
            assertThat(loaded.memory().steps().update(doubled, List.of(new Item("a", 1), new Item("b", 3))))
                    .containsExactly(2, 6);
            assertThat(loaded.memory().damagedOutputs()).isEqualTo(1);
            assertThat(calls).containsExactly("fresh", "fresh");
        }
    }

    private static final Step<String, String> OUTER_LABEL = new Step<>("test.outer-label", s -> "outer " + s);
    private static final Step<String, String> INNER_LABEL = new Step<>("test.inner-label", s -> "inner " + s);

    /**
     * A state of labels, one per item, each made by {@code label} run at the item's position: made
     * fresh from the names, or updated from {@code claimed}'s names told each is the same as then
     * (a wrong claim on purpose, to see whose recorded call the position finds).
     */
    private static UpdatableStep<Item, List<String>> labels(String name, Step<String, String> label, List<String> claimed,
                                                          UpdatableStep<Item, List<String>> nested) {
        return new UpdatableStep<>(name, (items, steps) -> {
            if (nested != null) {
                steps.update(nested, items);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(steps.runAt(label, items.get(i).name(), i, -1));
            }
            return out;
        }, (state, items, change, limit, steps) -> {
            if (nested != null) {
                steps.update(nested, items);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(steps.runAt(label, claimed.get(i), i, i));
            }
            return out;
        }, new UpdatableStep.Codec<>() {
            @Override
            public void write(List<String> state, DataOutput out) throws IOException {
                out.writeInt(state.size());
                for (String s : state) {
                    out.writeUTF(s);
                }
            }

            @Override
            public List<String> read(DataInput in) throws IOException {
                List<String> state = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    state.add(in.readUTF());
                }
                return state;
            }
        });
    }

    @Test
    void eachUpdateSavesThePositionsOfItsOwnCallsEvenWhenUpdatedInsideAnother() throws Exception {
        List<Item> items = List.of(new Item("a", 1), new Item("b", 2));
        List<String> other = List.of("x", "y");
        UpdatableStep<Item, List<String>> inner = labels("test.inner", INNER_LABEL, other, null);
        UpdatableStep<Item, List<String>> outer = labels("test.outer", OUTER_LABEL, other, inner);
        assertThat(build(outer, items)).containsExactly("outer a", "outer b");
        // Told "x" and "y" had the inputs of the calls at their positions then, each update takes
        // the key its own calls had there, saved with its own state: the labels of a and b.
        assertThat(build(outer, items)).as("the outer update, the inner one inside it").containsExactly("outer a", "outer b");
        assertThat(build(inner, items)).as("the inner update alone").containsExactly("inner a", "inner b");
    }

    /** One build through the cache folder: loads it, updates {@code step}, saves it. */
    private <S> S build(UpdatableStep<Item, S> step, List<Item> items) throws IOException {
        BuildCache.Loaded loaded = BuildCache.load(cache, 10);
        BuildMemory memory = loaded.memory();
        memory.start(ENVIRONMENT);
        S state = memory.steps().update(step, items);
        memory.finish();
        BuildCache.save(loaded, cache);
        return state;
    }

    /** One build through the cache folder: loads it, runs the step, saves it. */
    private int[] build(List<Item> items, int updateUpTo) throws IOException {
        BuildCache.Loaded loaded = BuildCache.load(cache, updateUpTo);
        BuildMemory memory = loaded.memory();
        memory.start(ENVIRONMENT);
        int[] state = memory.steps().update(doubled, items).clone();
        memory.finish();
        BuildCache.save(loaded, cache);
        return state;
    }
}
