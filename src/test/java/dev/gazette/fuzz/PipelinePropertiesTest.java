package dev.gazette.fuzz;

import dev.gazette.cli.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Properties of the whole pipeline over generated content folders ({@link ContentFolders}),
 * each checked by running the real build in-process. Examples per property are kept small so
 * the suite stays quick; {@code -DQT_EXAMPLES=n} runs more, {@code -DQT_SEED=s} repeats a run
 * (a failure prints its seed and the smallest folder found).
 */
class PipelinePropertiesTest {
    @TempDir
    Path tmp;

    private final AtomicInteger example = new AtomicInteger();

    @Test
    void everyFolderBuildsOrIsRefusedWithPathAndLine() {
        theory(12).forAll(ContentFolders.folders()).checkAssert(folder -> {
            Path dir = next();
            Path content = write(folder, dir.resolve("content"));
            Path out = dir.resolve("site");
            BuildOutcome.assertSound(BuildOutcome.build(folder, content, out), folder, content, out);
        });
    }

    @Test
    @Tag("slow")
    void theSameFolderBuildsTheSameBytesWhateverTheOrderItsFilesWereWritten() {
        theory(5).forAll(ContentFolders.folders()).checkAssert(folder -> {
            Path dir = next();
            Path first = write(folder, dir.resolve("one"));
            Path second;
            try {
                second = folder.writeShuffled(dir.resolve("two"), example.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Cli a = BuildOutcome.build(folder, first, dir.resolve("site-one"));
            Cli b = BuildOutcome.build(folder, second, dir.resolve("site-two"));
            assertThat(b.code()).as(a + "\n" + b + "\n" + folder).isEqualTo(a.code());
            assertThat(b.err().replace(second.toString(), "CONTENT"))
                    .as(folder.toString()).isEqualTo(a.err().replace(first.toString(), "CONTENT"));
            assertThat(BuildOutcome.differences(BuildOutcome.tree(dir.resolve("site-one")), BuildOutcome.tree(dir.resolve("site-two"))))
                    .as(folder.toString()).isEmpty();
        });
    }

    @Test
    @Tag("slow")
    void aMistakeIsReportedAtItsFileAndLineAndTheSiteBuiltBeforeStays() {
        theory(6).forAll(source -> Defects.inject(new Draw(source))).checkAssert(defects -> {
            Path dir = next();
            Path out = dir.resolve("site");
            Cli before = BuildOutcome.build(defects.base(), write(defects.base(), dir.resolve("before")), out);
            Map<String, String> built = BuildOutcome.tree(out);
            Path content = write(defects.folder(), dir.resolve("content"));
            Cli cli = BuildOutcome.build(defects.folder(), content, out);
            assertThat(cli.code()).as(cli + "\n" + defects).isEqualTo(1);
            assertThat(BuildOutcome.tree(out)).as("the site built before\n" + before + "\n" + defects).isEqualTo(built);
            BuildOutcome.assertReported(cli, defects.folder(), content);
            String file = content.resolve(defects.path()).toString();
            assertThat(cli.err().lines().filter(line -> line.startsWith(file + ":") && !line.contains(": warning: "))
                    .map(line -> Integer.parseInt(line.substring(file.length() + 1).replaceAll(":.*", ""))))
                    .as(cli + "\n" + defects)
                    .anyMatch(line -> line >= defects.firstLine() && line <= defects.lastLine());
        });
    }

    /** A theory with {@code examples} examples unless -DQT_EXAMPLES says otherwise, and bounded shrinking. */
    static QuickTheory theory(int examples) {
        return qt().withExamples(Integer.getInteger("QT_EXAMPLES", examples))
                .withShrinkCycles(Integer.getInteger("QT_SHRINKS", 40));
    }

    private Path next() {
        return tmp.resolve("example-" + example.incrementAndGet());
    }

    private static Path write(ContentFolder folder, Path dir) {
        try {
            return folder.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
