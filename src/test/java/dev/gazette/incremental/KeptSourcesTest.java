package dev.gazette.incremental;

import dev.gazette.model.Step;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build that keeps the last build's sources but the edited ones (the preview's usual save): the
 * others come back as the very outputs the listing holds, without a lookup; the edited ones are
 * read through the memory; and the memory forgets exactly the outputs no source leads to any more,
 * across failed builds too, without walking every output.
 */
class KeptSourcesTest {
    private static final Fingerprint ENVIRONMENT = new Fingerprint(1, 2);
    private static final Fingerprint ASSETS = new Fingerprint(5, 6);
    private static final Step<String, String> READ = new Step<>("test.read", s -> s.toUpperCase(Locale.ROOT));
    private static final List<String> NAMES = List.of("a.md", "b.md", "c.md");
    private static final List<Path> FILES = NAMES.stream().map(Path::of).toList();

    /** Every source's text, and its file's modification time (ns, long past). */
    private final List<String> texts = new ArrayList<>(List.of("alpha", "beta", "gamma"));
    private final long[] modified = {1_000, 2_000, 3_000};

    private String read(BuildMemory memory, int at) {
        return memory.source(NAMES.get(at), texts.get(at).length(), modified[at], System.currentTimeMillis() * 1_000_000,
                ASSETS, () -> texts.get(at), READ);
    }

    /** A build that reads every source, as after a listing of the folder. */
    private List<Object> fullBuild(BuildMemory memory) {
        memory.start(ENVIRONMENT);
        memory.takeListing();
        List<Object> made = new ArrayList<>();
        for (int at = 0; at < NAMES.size(); at++) {
            made.add(read(memory, at));
        }
        memory.listed(new BuildMemory.Listing(FILES, ASSETS, made));
        return made;
    }

    /** A build told that only the sources at {@code edited} changed; finished unless {@code fails}. */
    private List<Object> keptBuild(BuildMemory memory, boolean fails, int... edited) {
        memory.start(ENVIRONMENT);
        BuildMemory.Listing listing = memory.takeListing();
        List<Object> kept = memory.keptSources(listing, edited);
        for (int at : edited) {
            assertThat(kept.get(at)).as("left to the caller").isNull();
            kept.set(at, read(memory, at));
        }
        memory.listed(new BuildMemory.Listing(FILES, ASSETS, kept));
        if (fails) {
            memory.abandon();
        } else {
            memory.finish();
        }
        return kept;
    }

    private void edit(int at, String text) {
        texts.set(at, text);
        modified[at] += 1_000_000;
    }

    @Test
    void theOtherSourcesAreTheLastOutputsAndOnlyOutputsNoSourceLeadsToAreForgotten() {
        BuildMemory memory = new BuildMemory();
        List<Object> first = fullBuild(memory);
        memory.finish();
        assertThat(memory.outputs).hasSize(3);

        edit(1, "beta, edited");
        List<Object> second = keptBuild(memory, false, 1);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(2)).isSameAs(first.get(2));
        assertThat(second.get(1)).isEqualTo("BETA, EDITED");
        assertThat(memory.outputs).as("the edited source's old output is forgotten").hasSize(3);
        assertThat(memory.stamps).hasSize(3);

        // A failed build forgets nothing; the next one, told only of another edit, keeps what it read.
        edit(2, "gamma, edited");
        keptBuild(memory, true, 2);
        assertThat(memory.outputs).hasSize(4);
        edit(0, "alpha, edited");
        List<Object> fourth = keptBuild(memory, false, 0);
        assertThat(fourth).containsExactly("ALPHA, EDITED", "BETA, EDITED", "GAMMA, EDITED");
        assertThat(memory.outputs).as("both replaced outputs forgotten").hasSize(3);

        // Edited back to an earlier text in one build and on again in the next: the output in use stays.
        edit(0, "alpha");
        keptBuild(memory, true, 0);
        edit(0, "alpha, edited");
        keptBuild(memory, false, 0);
        assertThat(memory.outputs).hasSize(3);
        memory.start(ENVIRONMENT);
        assertThat(memory.<String>unchanged("a.md", ASSETS)).isEqualTo("ALPHA, EDITED");
        assertThat(memory.<String>unchanged("b.md", ASSETS)).isEqualTo("BETA, EDITED");
        memory.abandon();

        // A full build after kept ones finds every source as recorded, and reads none.
        List<Object> full = fullBuild(memory);
        memory.finish();
        assertThat(full).containsExactlyElementsOf(fourth);
        assertThat(memory.outputs).hasSize(3);
    }

    @Test
    void nothingIsKeptFromAnotherEnvironmentOrWithoutTheOutputs() {
        BuildMemory memory = new BuildMemory();
        fullBuild(memory);
        memory.finish();
        memory.start(new Fingerprint(7, 8));
        assertThat(memory.takeListing()).as("what the sources made belongs to the old environment").isNull();
        memory.abandon();

        memory.start(ENVIRONMENT);
        memory.listed(new BuildMemory.Listing(FILES, ASSETS));
        memory.finish();
        memory.start(ENVIRONMENT);
        assertThat(memory.keptSources(memory.takeListing(), new int[] {0})).isNull();
        memory.abandon();
    }
}
