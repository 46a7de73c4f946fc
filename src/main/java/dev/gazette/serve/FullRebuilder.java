package dev.gazette.serve;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.output.SiteWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The simplest {@link Rebuilder}: every change runs the whole {@link Pipeline} into a new folder
 * {@code build-N} under its working folder, then compares the result with the previous build to
 * say which files changed. The previous build is kept until the next one succeeds, so requests
 * still being answered from it never see a half-deleted folder; older ones are deleted.
 */
public final class FullRebuilder implements Rebuilder {
    private final Pipeline.Options options;
    private final Path work;
    private final Deque<Path> builds = new ArrayDeque<>();
    private Map<String, Long> fingerprints = Map.of();
    private int generation;

    /** @param options what to build; {@code out} is the working folder, created when missing */
    public FullRebuilder(Pipeline.Options options) {
        this.options = options;
        this.work = options.out();
    }

    @Override
    public Rebuild rebuild(Set<Path> changed) {
        Path out = work.resolve("build-" + (++generation));
        Diagnostics diagnostics = new Diagnostics();
        Pipeline.Result result = new Pipeline(diagnostics).build(new Pipeline.Options(options.content(),
                options.templates(), out, options.baseUrl(), options.drafts(), options.future()));
        long start = System.nanoTime();
        Map<String, Long> now = fingerprint(out);
        List<String> changedFiles = new ArrayList<>();
        now.forEach((path, print) -> {
            if (!print.equals(fingerprints.get(path))) {
                changedFiles.add(path);
            }
        });
        fingerprints.keySet().stream().filter(path -> !now.containsKey(path)).forEach(changedFiles::add);
        changedFiles.sort(null);
        fingerprints = now;
        builds.addLast(out);
        while (builds.size() > 2) {
            WorkFolder.delete(builds.removeFirst());
        }
        Map<String, Long> millis = new LinkedHashMap<>(result.millis());
        millis.put("compare", (System.nanoTime() - start) / 1_000_000);
        return new Rebuild(out, changedFiles, result.articles(), result.articles(), result.files(), result.files(),
                millis, diagnostics.warnings());
    }

    /** A cheap fingerprint (size and CRC-32C) of every file but the build marker, by site path. */
    static Map<String, Long> fingerprint(Path root) {
        Map<String, Long> prints = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (path.equals(SiteWriter.MARKER)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                CRC32C crc = new CRC32C();
                crc.update(bytes);
                prints.put(path, ((long) bytes.length << 32) ^ crc.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preview build " + root, e);
        }
        return prints;
    }

    @Override
    public void close() {
        builds.forEach(WorkFolder::delete);
        builds.clear();
    }
}
