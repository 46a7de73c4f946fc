package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import dev.gazette.source.TextDecoder;

import java.io.IOException;
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
        long start = System.nanoTime();
        int rounds = 0;
        do {
            once.run();
            rounds++;
        } while (System.nanoTime() - start < 10_000_000_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "{\"pages\": %.1f, \"mbPerSecond\": %.2f}%n",
                pages.size() * rounds / seconds, bytes * rounds / 1e6 / seconds);
    }
}
