package dev.gazette.serve;

import com.sun.management.ThreadMXBean;
import dev.gazette.pipeline.Pipeline;
import java.lang.management.ManagementFactory;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Benchmark helper (never a test): the preview's rebuild after a one-article edit without the
 * server, watcher or debounce, optionally under Java Flight Recorder started after the first
 * build, so that the recording holds rebuilds only.
 *
 * <pre>
 * RebuildProfile --articles 10000 --saves 10 --work bench/out [--jfr rebuilds.jfr]
 * </pre>
 */
public final class RebuildProfile {
    private RebuildProfile() {
    }

    /** Bytes allocated so far by the threads alive now (threads that ended are not counted). */
    private static long allocatedBytes() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int articles = 10_000;
        int saves = 10;
        Path work = Path.of("bench", "out");
        Path jfr = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--saves" -> saves = Integer.parseInt(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--jfr" -> jfr = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path content = work.resolve("content-" + articles);
        Path edited = ServeLatencyBenchmark.generate(content, articles);
        Path out = Files.createTempDirectory("gazette-rebuild-profile");
        try (IncrementalRebuilder rebuilder = new IncrementalRebuilder(new Pipeline.Options(content,
                Path.of("no-such-theme"), out, URI.create("http://127.0.0.1:4000/bench/"), false))) {
            long start = System.nanoTime();
            Rebuild first = rebuilder.rebuild(Set.of());
            System.out.println("first build " + (System.nanoTime() - start) / 1_000_000 + " ms " + first.millis());
            String original = Files.readString(edited);
            Recording recording = null;
            List<Long> millis = new ArrayList<>();
            List<Long> cpuMillis = new ArrayList<>();
            List<Long> allocatedMb = new ArrayList<>();
            for (int n = 0; n < saves + 2; n++) {
                if (n == 2 && jfr != null) {
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    recording.start();
                }
                Files.writeString(edited, original + "\nEdit number " + n + " adds a sentence to the article.\n");
                start = System.nanoTime();
                long cpu = ServeLatencyBenchmark.processCpuNanos();
                long allocated = allocatedBytes();
                Rebuild again = rebuilder.rebuild(Set.of(edited));
                long ms = (System.nanoTime() - start) / 1_000_000;
                long cpuMs = (ServeLatencyBenchmark.processCpuNanos() - cpu) / 1_000_000;
                long mb = (allocatedBytes() - allocated) >> 20;
                System.out.println("rebuild " + n + ": " + ms + " ms (" + cpuMs + " ms CPU, " + mb + " MB allocated), " + again.pagesRendered()
                        + " pages, " + again.filesWritten() + " files " + again.millis());
                if (n >= 2) {
                    millis.add(ms);
                    cpuMillis.add(cpuMs);
                    allocatedMb.add(mb);
                }
            }
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
            }
            Files.writeString(edited, original);
            Collections.sort(millis);
            Collections.sort(cpuMillis);
            Collections.sort(allocatedMb);
            System.out.printf("rebuild over %d saves: median %d ms, p90 %d ms; CPU median %d ms, p90 %d ms; allocated median %d MB%n",
                    millis.size(), ServeLatencyBenchmark.percentile(millis, 50), ServeLatencyBenchmark.percentile(millis, 90),
                    ServeLatencyBenchmark.percentile(cpuMillis, 50), ServeLatencyBenchmark.percentile(cpuMillis, 90),
                    ServeLatencyBenchmark.percentile(allocatedMb, 50));
        } finally {
            WorkFolder.delete(out);
        }
    }
}
