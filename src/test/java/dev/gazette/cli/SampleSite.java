package dev.gazette.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample digest in {@code content/}, built by the real CLI, as the end-to-end tests use it. */
final class SampleSite {
    static final Path CONTENT = Path.of("content");
    /** The sample's base URL, from its site.yml. */
    static final String BASE = "https://example.github.io/gazette/";

    private static Path shared;

    private SampleSite() {
    }

    /**
     * The sample built once per test run with its own base URL, for tests that only read it.
     * It lives in a temporary folder removed when the JVM exits.
     */
    static synchronized Path shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("gazette-sample-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                shared = build(CONTENT, dir.resolve("site"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void delete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // Best effort: it is a temporary folder.
        }
    }

    /** Builds {@code content} into {@code out} with extra build options; fails the test when the build fails. */
    static Path build(Path content, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.code()).as(cli.toString()).isZero();
        return out;
    }

    /** A copy of the sample content in {@code dir}, with {@code siteYml} lines put first in its site.yml. */
    static Path copy(Path dir, String siteYml) throws IOException {
        copyTree(CONTENT, dir);
        Path yml = dir.resolve("site.yml");
        Files.writeString(yml, siteYml + Files.readString(yml));
        return dir;
    }

    /** Copies the folder {@code from} to {@code to}, which must not exist yet. */
    static Path copyTree(Path from, Path to) throws IOException {
        return dev.gazette.serve.Trees.copy(from, to);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
