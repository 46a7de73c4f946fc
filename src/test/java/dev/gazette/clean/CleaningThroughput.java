package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import dev.gazette.source.TextDecoder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CleaningThroughput FILE...}: pages per second and MB/s of the cleaner on one thread over
 * the given raw sources, after a warm-up pass, for at least ten seconds. Decoding is counted,
 * disk reads are not (the files are read once up front), as for Readability.js in the same script.
 */
public final class CleaningThroughput {
    private CleaningThroughput() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        List<SourceFormat> formats = new ArrayList<>();
        long bytes = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            byte[] b = Files.readAllBytes(file);
            pages.add(b);
            formats.add(SourceFormat.of(file).orElseThrow());
            bytes += b.length;
        }
        Cleaner cleaner = new Cleaner();
        Runnable once = () -> {
            for (int i = 0; i < pages.size(); i++) {
                SourceFormat format = formats.get(i);
                cleaner.clean(format, TextDecoder.decode(pages.get(i), format == SourceFormat.HTML).text(), null);
            }
        };
        once.run();
        // Wall-clock time, and the thread's own CPU time, which other work on a shared machine does not inflate.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int rounds = 0;
        do {
            once.run();
            rounds++;
        } while (System.nanoTime() - start < 10_000_000_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "{\"pages\": %.1f, \"mbPerSecond\": %.2f, \"pagesPerCpuSecond\": %.1f}%n",
                pages.size() * rounds / seconds, bytes * rounds / 1e6 / seconds, pages.size() * rounds / cpuSeconds);
        int slowest = Integer.getInteger("gazette.slowest", 0);
        if (slowest > 0) {
            // Each page alone, the best of five, to name where the time goes.
            List<double[]> times = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                long best = Long.MAX_VALUE;
                for (int r = 0; r < 5; r++) {
                    long t = System.nanoTime();
                    cleaner.clean(formats.get(i), TextDecoder.decode(pages.get(i), formats.get(i) == SourceFormat.HTML).text(), null);
                    best = Math.min(best, System.nanoTime() - t);
                }
                times.add(new double[] {best / 1e6, i});
            }
            times.sort((a, b) -> Double.compare(b[0], a[0]));
            for (double[] t : times.subList(0, Math.min(slowest, times.size()))) {
                int i = (int) t[1];
                System.out.printf(Locale.ROOT, "  %7.1f ms  %6d KB  %s%n", t[0], pages.get(i).length / 1024, args[i]);
            }
        }
    }
}
