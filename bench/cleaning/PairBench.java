import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds' cleaning speed compared in one JVM, for changes smaller than separate runs' drift on a shared machine:
 * each jar in a class loader of its own, four warm-up passes each over the sources, then PAIRS rounds of passes in the
 * order A B B A, each timed by the thread's own CPU. Prints each side's files per CPU-second and the median, least and
 * greatest of the rounds' time ratios A/B (below 1: A is faster). Run as a source file, on one core:
 *   taskset -c 0 java -XX:ActiveProcessorCount=1 bench/cleaning/PairBench.java PAIRS A.jar B.jar LIST
 * where LIST names one source (source.txt or source.html) a line. Sanity check before trusting a small ratio: A against
 * itself gives 1 within a few percent; a build made slower on purpose shows it.
 */
public final class PairBench {
    private PairBench() {
    }

    /** One build: its cleaner and the sources as its own decoder reads them (decoding is not timed). */
    private static final class Side {
        private final Object cleaner;
        private final Method clean;
        private final Object[] formats;
        private final String[] texts;

        Side(String jar, List<Path> files) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> format = loader.loadClass("dev.gazette.source.SourceFormat");
            Method decode = loader.loadClass("dev.gazette.source.TextDecoder").getMethod("decode", byte[].class, boolean.class);
            Class<?> cleanerClass = loader.loadClass("dev.gazette.clean.Cleaner");
            cleaner = cleanerClass.getConstructor().newInstance();
            clean = cleanerClass.getMethod("clean", format, String.class, String.class);
            formats = new Object[files.size()];
            texts = new String[files.size()];
            for (int i = 0; i < files.size(); i++) {
                boolean html = files.get(i).toString().endsWith(".html");
                formats[i] = format.getField(html ? "HTML" : "TEXT").get(null);
                Object decoded = decode.invoke(null, Files.readAllBytes(files.get(i)), html);
                texts[i] = (String) decoded.getClass().getMethod("text").invoke(decoded);
            }
        }

        void pass() throws Exception {
            for (int i = 0; i < texts.length; i++) {
                clean.invoke(cleaner, formats[i], texts[i], null);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            if (!line.isBlank()) {
                files.add(Path.of(line.strip()));
            }
        }
        Side a = new Side(args[1], files);
        Side b = new Side(args[2], files);
        for (int i = 0; i < 4; i++) {
            a.pass();
            b.pass();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ratios = new double[pairs];
        double sumA = 0;
        double sumB = 0;
        for (int p = 0; p < pairs; p++) {
            long t0 = threads.getCurrentThreadCpuTime();
            a.pass();
            long t1 = threads.getCurrentThreadCpuTime();
            b.pass();
            b.pass();
            long t2 = threads.getCurrentThreadCpuTime();
            a.pass();
            long t3 = threads.getCurrentThreadCpuTime();
            double timeA = (t1 - t0 + t3 - t2) / 2e9;
            double timeB = (t2 - t1) / 2e9;
            ratios[p] = timeA / timeB;
            sumA += timeA;
            sumB += timeB;
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%d files, %d rounds: A %.1f, B %.1f files per CPU-second; A/B median %.3f (least %.3f, greatest %.3f)%n",
                files.size(), pairs, files.size() * pairs / sumA, files.size() * pairs / sumB, ratios[pairs / 2], ratios[0], ratios[pairs - 1]);
    }
}
