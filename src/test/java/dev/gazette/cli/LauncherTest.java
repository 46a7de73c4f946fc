package dev.gazette.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./gazette} picks the Java that runs the jar (the newest of release 25 or later, with compact
 * object headers) and keeps one class-data archive per jar and JDK. Run on a copy of the launcher with stand-in
 * JDKs whose {@code java} logs its arguments and writes the archive the real one would.
 */
class LauncherTest {
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
    private Path jdks;
    private Path log;

    @BeforeEach
    void aCheckoutWithItsJar() throws IOException {
        root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("gazette"), root.resolve("gazette"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/gazette.jar"), "jar");
        jdks = Files.createDirectories(tmp.resolve("jvm"));
        log = tmp.resolve("java.log");
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jdks.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("lib/modules"), "modules of " + version);
        Path java = home.resolve("bin/java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Runs the launcher; returns the java command lines it ran, one a line. */
    private List<String> run(Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(root.resolve("gazette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("GAZETTE_") || k.equals("JAVA_HOME"));
        environment.put("GAZETTE_JDKS", jdks.toString());
        environment.put("FAKE_LOG", log.toString());
        environment.putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        lastStatus = process.exitValue();
        assertThat(out).as("the launcher's own output").isEmpty();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private int lastStatus;

    private List<String> build(Map<String, String> env) throws Exception {
        return run(env, "build", "--quiet");
    }

    @Test
    void theNewestJdkOfRelease25RunsTheBuildWithCompactHeadersAndItsFirstBuildMakesTheArchiveTheNextOnesUse() throws Exception {
        jdk("java-17", "17.0.15");
        Path jdk25 = jdk("temurin-25", "25.0.3");
        jdk("java-21", "21.0.2");

        List<String> first = build(Map.of());
        assertThat(first).singleElement().asString()
                .contains("-XX:+UseCompactObjectHeaders", "-XX:ArchiveClassesAtExit=" + root.resolve("target/gazette.jsa") + ".",
                        "-jar " + root.resolve("target/gazette.jar"))
                .endsWith("build --quiet");
        assertThat(root.resolve("target/gazette.jsa")).hasContent("archive");
        assertThat(Files.readString(root.resolve("target/gazette.jsa.java"))).startsWith(jdk25.resolve("bin/java").toRealPath().toString());
        try (var files = Files.list(root.resolve("target"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("gazette.jar", "gazette.jsa", "gazette.jsa.java");
        }

        assertThat(build(Map.of())).singleElement().asString()
                .contains("-XX:SharedArchiveFile=" + root.resolve("target/gazette.jsa") + " ", "-XX:+UseCompactObjectHeaders")
                .doesNotContain("ArchiveClassesAtExit");

        assertThat(run(Map.of(), "serve")).singleElement().asString().as("other commands use the archive too")
                .contains("-XX:SharedArchiveFile=", "-XX:+UseCompactObjectHeaders").doesNotContain("UseParallelGC");
    }

    @Test
    void aNewJarOrAnUpdatedJdkMakesTheArchiveAgain() throws Exception {
        Path jdk25 = jdk("temurin-25", "25.0.3");
        build(Map.of());

        Files.setLastModifiedTime(root.resolve("target/gazette.jsa"), FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(root.resolve("target/gazette.jar"), FileTime.from(Instant.now().minusSeconds(1800)));
        assertThat(build(Map.of())).as("jar changed").singleElement().asString().contains("-XX:ArchiveClassesAtExit=");
        assertThat(build(Map.of())).singleElement().asString().contains("-XX:SharedArchiveFile=");

        Files.setLastModifiedTime(jdk25.resolve("lib/modules"), FileTime.from(Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(build(Map.of())).as("JDK updated in place").singleElement().asString().contains("-XX:ArchiveClassesAtExit=");
        assertThat(build(Map.of())).singleElement().asString().contains("-XX:SharedArchiveFile=");

        jdk("temurin-26", "26.0.1");
        assertThat(build(Map.of())).as("a newer JDK installed").singleElement().asString()
                .contains("-XX:ArchiveClassesAtExit=").startsWith("-XX:+UseParallelGC");
        assertThat(Files.readString(root.resolve("target/gazette.jsa.java"))).contains("temurin-26");
    }

    @Test
    void aFailedBuildLeavesNoArchiveAndItsStatus() throws Exception {
        jdk("temurin-25", "25.0.3");

        List<String> failed = build(Map.of("FAKE_STATUS", "1"));
        assertThat(lastStatus).isEqualTo(1);
        assertThat(failed).singleElement().asString().contains("-XX:ArchiveClassesAtExit=");
        try (var files = Files.list(root.resolve("target"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gazette.jar");
        }
        assertThat(run(Map.of(), "check", "site")).singleElement().asString().as("only a build makes the archive")
                .doesNotContain("Archive");
    }

    @Test
    void withoutAJdkOf25JavaOnThePathRunsWithADynamicClassArchive() throws Exception {
        Path jdk17 = jdk("java-17", "17.0.15");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk17.resolve("bin/java"));
        Map<String, String> path = Map.of("PATH", bin + ":/usr/bin:/bin");

        List<String> first = build(path);
        assertThat(first).singleElement().asString()
                .contains("-XX:ArchiveClassesAtExit=" + root.resolve("target/gazette.jsa") + ".")
                .doesNotContain("UseCompactObjectHeaders");
        assertThat(root.resolve("target/gazette.jsa")).hasContent("archive");
        assertThat(build(path)).singleElement().asString()
                .contains("-XX:SharedArchiveFile=" + root.resolve("target/gazette.jsa"), "-Xshare:auto");
    }

    @Test
    void gazetteJavaAndJavaHomeChooseTheJdk() throws Exception {
        Path jdk17 = jdk("java-17", "17.0.15");
        jdk("temurin-25", "25.0.3");

        assertThat(build(Map.of("JAVA_HOME", jdk17.toString()))).singleElement().asString().contains("ArchiveClassesAtExit");
        assertThat(build(Map.of("GAZETTE_JAVA", jdk17.toString()))).singleElement().asString().contains("SharedArchiveFile");
        assertThat(build(Map.of("GAZETTE_JAVA", jdk17.resolve("bin/java").toString()))).singleElement().asString()
                .contains("SharedArchiveFile");
        assertThat(build(Map.of("GAZETTE_JAVA_OPTS", "-Xmx1g"))).as("options of one's own: no compact headers added")
                .singleElement().asString().startsWith("-Xmx1g -XX:ArchiveClassesAtExit=");
    }
}
