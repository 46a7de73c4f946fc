package dev.gazette.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark (run by {@code bench/serve-latency.sh}, never as a test): the time from saving one
 * article to the {@code reload} event reaching a live-reload client over SSE, with the real
 * watcher, debounce, rebuild and server, on a generated site or a copy of the sample site.
 *
 * <pre>
 * ServeLatencyBenchmark --articles 10000 --saves 10 --work bench/out
 * ServeLatencyBenchmark --sample content --saves 10 --work bench/out
 * </pre>
 */
public final class ServeLatencyBenchmark {
    private static final String[] TAGS = {"transport", "cities", "climate", "oceans", "ai", "china", "energy",
            "housing", "health", "science", "space", "sport", "football", "economy", "banking", "markets", "jobs",
            "schools", "universities", "police", "courts", "elections", "parliament", "europe", "asia", "africa",
            "americas", "culture", "film", "music", "books", "food", "farming", "water", "rivers", "wildlife",
            "weather", "technology", "privacy", "trade"};
    private static final String[] WORDS = ("the council said on tuesday that its new plan for the harbour would "
            + "cost less than expected while residents asked why the work had taken so long and engineers warned "
            + "that the budget could still grow if the weather turned against them during the winter months "
            + "officials added a review would report in spring after a public consultation on trams ferries and "
            + "cycle lanes across the city centre").split(" ");

    private ServeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = 0;
        int saves = 10;
        Path sample = null;
        Path work = Path.of("bench", "out");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--saves" -> saves = Integer.parseInt(args[i + 1]);
                case "--sample" -> sample = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path content;
        Path edited;
        if (sample != null) {
            content = work.resolve("sample-content");
            WorkFolder.delete(content);
            Trees.copy(sample, content);
            try (Stream<Path> files = Files.walk(content)) {
                edited = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
            }
        } else {
            content = work.resolve("content-" + articles);
            edited = generate(content, articles);
        }
        System.out.println("site: " + content + "; editing " + edited);

        PrintWriter console = new PrintWriter(System.out, true);
        try (Preview preview = Preview.start(new Preview.Options(content, Path.of("no-such-theme"), null, false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Preview.DEBOUNCE), console, console)) {
            Http http = new Http("http://" + preview.url().getAuthority());
            try (Http.Events events = http.events(preview.url().getPath() + SiteServer.INTERNAL + "events")) {
                if (events.next("hello", 30) == null) {
                    throw new IllegalStateException("no hello from the live-reload stream");
                }
                String original = Files.readString(edited);
                List<Long> millis = new ArrayList<>();
                List<Long> cpuMillis = new ArrayList<>();
                int warmUp = 2;
                for (int n = 0; n < warmUp + saves; n++) {
                    Thread.sleep(500);
                    long start = System.nanoTime();
                    long cpu = processCpuNanos();
                    Files.writeString(edited, original + "\nEdit number " + n + " adds a sentence to the article.\n");
                    if (events.next("reload", 600) == null) {
                        throw new IllegalStateException("no reload event after save " + n);
                    }
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    long cpuMs = (processCpuNanos() - cpu) / 1_000_000;
                    System.out.println((n < warmUp ? "warm-up save " : "save ") + n + ": " + ms
                            + " ms to the reload event (" + cpuMs + " ms of CPU in this process)");
                    if (n >= warmUp) {
                        millis.add(ms);
                        cpuMillis.add(cpuMs);
                    }
                }
                Files.writeString(edited, original);
                Collections.sort(millis);
                Collections.sort(cpuMillis);
                System.out.printf("save -> reload event over %d saves: median %d ms, p90 %d ms, min %d ms, max %d ms; "
                                + "CPU per save median %d ms, p90 %d ms; load average %.2f%n",
                        millis.size(), percentile(millis, 50), percentile(millis, 90), millis.get(0),
                        millis.get(millis.size() - 1), percentile(cpuMillis, 50), percentile(cpuMillis, 90),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** CPU time this process used so far (all threads: the watcher, the rebuild, the collector). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Writes {@code count} Markdown articles (reused when already there) and returns one to edit. */
    static Path generate(Path content, int count) throws IOException {
        Path marker = content.resolve(".generated-" + count);
        Path first = content.resolve("articles/0000/article-00000.md");
        if (Files.exists(marker)) {
            return first;
        }
        WorkFolder.delete(content);
        Files.createDirectories(content);
        StringBuilder site = new StringBuilder("title: Benchmark Wire\nbase_url: https://example.github.io/bench/\n"
                + "timezone: Europe/London\npage_size: 10\nfeed_items: 20\ntags:\n");
        for (String tag : TAGS) {
            site.append("  ").append(tag).append(": {name: ").append(Character.toUpperCase(tag.charAt(0)))
                    .append(tag.substring(1)).append("}\n");
        }
        Files.writeString(content.resolve("site.yml"), site);
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int i = 0; i < count; i++) {
            Path file = content.resolve(String.format("articles/%04d/article-%05d.md", i / 1000, i));
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder("---\ntitle: \"Story ").append(i).append(": ")
                    .append(words(random, 6)).append("\"\ndate: ").append(start.plusDays(random.nextInt(1100)))
                    .append("\nsource: Bench Herald\nsource_url: https://herald.example/news/").append(i)
                    .append("\nauthor: Reporter ").append(random.nextInt(50)).append("\ntags: [")
                    .append(TAGS[random.nextInt(TAGS.length)]).append(", ").append(TAGS[random.nextInt(TAGS.length)])
                    .append("]\n---\n");
            for (int p = 0; p < 5; p++) {
                text.append(Character.toUpperCase(WORDS[0].charAt(0))).append(words(random, 60)).append(".\n\n");
            }
            Files.writeString(file, text);
        }
        Files.writeString(marker, "");
        return first;
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }
}
