package dev.gazette.pipeline;

import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.model.ProblemSink;
import dev.gazette.source.SourceReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ReadThroughput CONTENT_DIR [PASSES]}: the CPU time of reading, cleaning and enriching
 * every source of a content folder on one thread, as a build does for each file (the bytes are
 * read from disk once up front). Prints the first pass, which includes the JIT's warm-up, and the
 * median and fastest of the later ones. Run by {@code bench/read.sh}.
 */
public final class ReadThroughput {
    private ReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path content = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SourceReader reader = new SourceReader(content);
        SourceCleaner cleaner = new SourceCleaner();
        ArticleBuilder builder = new ArticleBuilder(SiteConfigLoader.load(content));
        List<Path> files = reader.discover();
        List<byte[]> bytes = new ArrayList<>();
        for (Path file : files) {
            bytes.add(Files.readAllBytes(file));
        }
        ProblemSink ignored = problem -> { };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[passes];
        long articles = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < files.size(); i++) {
                var cleaned = cleaner.read(reader, files.get(i), bytes.get(i), ignored);
                if (cleaned.isPresent() && builder.build(cleaned.get().source(), cleaned.get().extraction(), ignored).isPresent()) {
                    articles++;
                }
            }
            seconds[pass] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        }
        double[] later = Arrays.copyOfRange(seconds, Math.min(1, passes - 1), passes);
        Arrays.sort(later);
        System.out.printf(Locale.ROOT, "%d sources, %d articles a pass: first pass %.2f s of CPU, later passes median %.2f s, fastest %.2f s (%.2f ms an article)%n",
                files.size(), articles / passes, seconds[0], later[later.length / 2], later[0], 1000 * later[later.length / 2] / Math.max(1, articles / passes));
    }
}
