package dev.gazette.serve;

import dev.gazette.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preview's temporary folder is removed however the preview stops, and so is its server. */
class PreviewStopTest {
    @TempDir
    Path tmp;

    @Test
    void anErrorInTheFirstBuildStopsTheServerAndDeletesTheFolder() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        List<Pipeline.Options> seen = new ArrayList<>();
        Rebuilder.Factory overflowing = options -> {
            seen.add(options);
            return changed -> {
                throw new StackOverflowError("a source nested too deep");
            };
        };
        assertThatThrownBy(() -> Preview.start(options(content), overflowing, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isInstanceOf(StackOverflowError.class);
        Path work = seen.get(0).out();
        assertThat(work).doesNotExist();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), seen.get(0).baseUrl().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aRebuilderThatCannotStartLeavesNothingBehind() {
        Path content = tmp.resolve("content");
        List<Pipeline.Options> seen = new ArrayList<>();
        Rebuilder.Factory failing = options -> {
            seen.add(options);
            throw new IllegalStateException("no cache folder");
        };
        assertThatThrownBy(() -> Preview.start(options(content), failing, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isInstanceOf(IllegalStateException.class);
        assertThat(seen.get(0).out()).doesNotExist();
    }

    /** Ctrl-C (SIGINT) or SIGTERM while the first build is still running: a real JVM, a real signal. */
    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDuringTheFirstBuildDeletesTheFolder(String signal) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        // A shell that starts a job in the background without job control makes it ignore SIGINT, and a JVM
        // never handles a signal it was started ignoring; perl (Debian's essential perl-base) restores the
        // default disposition before exec, as a terminal where Ctrl-C reaches the preview has it.
        Process child = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StopDuringFirstBuild.class.getName(), content.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("building into ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child reports its first build").isNotNull();
            Path work = Path.of(line.substring("building into ".length()));
            assertThat(work).isDirectory();
            assertThat(work.resolve("half-written.html")).isRegularFile();

            // The shell's own kill: no procps needed on a bare machine.
            new ProcessBuilder("sh", "-c", "kill -" + signal + " " + child.pid()).start().waitFor(5, TimeUnit.SECONDS);
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child stopped").isTrue();
            assertThat(work).as("the preview's folder after SIG" + signal).doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }

    static Preview.Options options(Path content) {
        return new Preview.Options(content, content.resolveSibling("templates"), null, false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMillis(50));
    }

    /** The child JVM: a preview whose first build writes a file and then never ends. */
    static final class StopDuringFirstBuild {
        public static void main(String[] args) throws IOException {
            Rebuilder.Factory endless = options -> changed -> {
                try {
                    Files.writeString(options.out().resolve("half-written.html"), "<p>half");
                    System.out.println("building into " + options.out());
                    System.out.flush();
                    new CountDownLatch(1).await();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("unreachable");
            };
            Preview.start(options(Path.of(args[0])), endless, new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
        }
    }
}
