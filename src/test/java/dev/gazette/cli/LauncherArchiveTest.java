package dev.gazette.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./gazette} keeps one class-data archive per jar and Java: made by the first build that
 * succeeds, used by the later ones, and made again when the JDK is updated in place. Run on a copy of the
 * launcher with a stand-in JDK whose {@code java} logs its arguments and writes the archive the real one would.
 */
class LauncherArchiveTest {
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >>"$FAKE_LOG"
            for a in "$@"; do
              case "$a" in
                -XX:ArchiveClassesAtExit=*) echo archive >"${a#*=}" ;;
              esac
            done
            exit "${FAKE_STATUS:-0}"
            """;

    @TempDir
    Path tmp;
    private Path root;
    private Path jdk;
    private Path log;
    private int status;

    @BeforeEach
    void aCheckoutWithItsJarAndAJdk() throws IOException {
        root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("gazette"), root.resolve("gazette"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/gazette.jar"), "jar");
        jdk = Files.createDirectories(tmp.resolve("jdk"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib"));
        Files.writeString(jdk.resolve("lib/modules"), "modules");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = tmp.resolve("java.log");
    }

    /** Runs {@code gazette build}; returns the java command line it ran. */
    private String build(Map<String, String> env) throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("gazette").toString(), "build", "--quiet")
                .directory(tmp.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("GAZETTE_"));
        environment.put("PATH", jdk.resolve("bin") + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("FAKE_LOG", log.toString());
        environment.putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        status = process.exitValue();
        assertThat(out).as("the launcher's own output").isEmpty();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<String> targetFiles() throws IOException {
        try (var files = Files.list(root.resolve("target"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstBuildArchivesItsClassesAndTheNextOneMapsThem() throws Exception {
        assertThat(build(Map.of())).contains("-XX:ArchiveClassesAtExit=" + root.resolve("target/gazette.jsa"));
        assertThat(status).isZero();
        assertThat(targetFiles()).containsExactly("gazette.jar", "gazette.jsa", "gazette.jsa.java");

        assertThat(build(Map.of())).contains("-XX:SharedArchiveFile=" + root.resolve("target/gazette.jsa"))
                .doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void aFailedBuildLeavesNoArchiveAndKeepsItsExitStatus() throws Exception {
        assertThat(build(Map.of("FAKE_STATUS", "1"))).contains("-XX:ArchiveClassesAtExit=");
        assertThat(status).isEqualTo(1);
        assertThat(targetFiles()).as("no archive, no temporary file").containsExactly("gazette.jar");

        assertThat(build(Map.of())).as("the next build archives").contains("-XX:ArchiveClassesAtExit=");
        assertThat(targetFiles()).contains("gazette.jsa");
    }

    @Test
    void aJdkUpdatedInPlaceGetsANewArchive() throws Exception {
        build(Map.of());
        assertThat(build(Map.of())).contains("-XX:SharedArchiveFile=");

        Files.writeString(jdk.resolve("lib/modules"), "modules of the update");
        assertThat(build(Map.of())).contains("-XX:ArchiveClassesAtExit=").doesNotContain("SharedArchiveFile");
        assertThat(build(Map.of())).contains("-XX:SharedArchiveFile=");
    }

    @Test
    void aBuildKeepsReflectiveCallsOnTheNativeAccessor() throws Exception {
        // Without it, Java 17 writes and compiles a class per method called reflectively 15 times (PROFILE.md, twenty-sixth pass).
        assertThat(build(Map.of())).contains("-Dsun.reflect.inflationThreshold=2147483647");
        assertThat(build(Map.of("GAZETTE_JAVA_OPTS", "-Xmx1g"))).doesNotContain("inflationThreshold");
    }

    @Test
    void aBuildWritesNoPerformanceCounterFile() throws Exception {
        // A file in /tmp/hsperfdata_* made and mapped at every start, for jstat and jps: a batch run of a second has no use for it.
        assertThat(build(Map.of())).contains("-XX:-UsePerfData");
        assertThat(build(Map.of("GAZETTE_JAVA_OPTS", "-Xmx1g"))).doesNotContain("UsePerfData");
    }
}
