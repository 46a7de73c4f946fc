package dev.gazette.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./gazette} runs the jar on the newest JDK of release 25 or later it finds, with an AOT cache
 * made from the checkout's sample digest; else on the PATH's java, with one class-data archive per jar and Java made
 * by the first build that succeeds, used by the later ones, and made again when the JDK is updated in place. Run on
 * a copy of the launcher with stand-in JDKs whose {@code java} logs its arguments and writes the files the real one
 * would.
 */
class LauncherArchiveTest {
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >>"$FAKE_LOG"
            for a in "$@"; do
              case "$a" in
                -XX:ArchiveClassesAtExit=*) echo archive >"${a#*=}" ;;
                -XX:AOTCacheOutput=*) [ -n "${FAKE_TRAINING_STATUS:-}" ] && exit "$FAKE_TRAINING_STATUS"; echo cache >"${a#*=}" ;;
              esac
            done
            exit "${FAKE_STATUS:-0}"
            """;

    @TempDir
    Path tmp;
    private Path root;
    private Path jdk;
    /** Where the launcher looks for a JDK of release 25 or later (GAZETTE_JDKS): none there unless a test puts one. */
    private Path jdks;
    private Path log;
    private int status;

    @BeforeEach
    void aCheckoutWithItsJarAndAJdk() throws IOException {
        root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("gazette"), root.resolve("gazette"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/gazette.jar"), "jar");
        Files.createDirectories(root.resolve("content/articles"));
        Files.writeString(root.resolve("content/articles/sample.md"), "---\ntitle: A sample\n---\nText.\n");
        jdk = fakeJdk(tmp.resolve("jdk"), null);
        jdks = Files.createDirectories(tmp.resolve("jvm"));
        log = tmp.resolve("java.log");
    }

    /** A stand-in JDK at {@code home}: its {@code java} logs its arguments; {@code release} its release file's version, if any. */
    private static Path fakeJdk(Path home, String release) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/modules"), "modules");
        if (release != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + release + "\"\n");
        }
        Path java = home.resolve("bin/java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Runs {@code gazette build}; returns the java command line it ran. */
    private String build(Map<String, String> env) throws Exception {
        List<String> lines = run("build", env);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    /** Runs {@code gazette COMMAND --quiet}, which prints nothing of its own; returns the java command lines it ran, in order. */
    private List<String> run(String command, Map<String, String> env) throws Exception {
        List<String> lines = runPrinting(command, env);
        assertThat(output).as("the launcher's own output").isEmpty();
        return lines;
    }

    /** The launcher's output in the last run. */
    private String output;

    /** As {@link #run}, whatever the launcher prints (in {@link #output}). */
    private List<String> runPrinting(String command, Map<String, String> env) throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("gazette").toString(), command, "--quiet")
                .directory(tmp.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("GAZETTE_"));
        environment.put("PATH", jdk.resolve("bin") + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("GAZETTE_JDKS", jdks.toString());
        environment.put("FAKE_LOG", log.toString());
        environment.putAll(env);
        Process process = builder.start();
        output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        status = process.exitValue();
        return Files.readAllLines(log);
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

    @Test
    void theNewestJdkOfRelease25OrLaterRunsTheJarWithAnAotCacheMadeFromTheSampleDigest() throws Exception {
        fakeJdk(jdks.resolve("jdk-21"), "21.0.2");
        Path java25 = fakeJdk(jdks.resolve("jdk-25"), "25.0.3").resolve("bin/java");
        Path aot = root.resolve("target/gazette.aot");

        Path temporary = Files.createDirectories(tmp.resolve("temporary"));
        List<String> first = run("build", Map.of("TMPDIR", temporary.toString()));
        assertThat(first).as("the sample built, built again after an edit and recorded, then the build").hasSize(3);
        try (var left = Files.list(temporary)) {
            assertThat(left).as("the workload's folder removed").isEmpty();
        }
        assertThat(first).allSatisfy(line -> assertThat(line).contains("-XX:+UseCompactObjectHeaders", "-XX:+UseParallelGC"));
        assertThat(first.get(0)).contains("build --quiet --content content --out site").doesNotContain("AOTCache");
        assertThat(first.get(1)).contains("-XX:AOTCacheOutput=" + aot + ".", "build --quiet --content content --out site");
        assertThat(first.get(2)).contains("-XX:AOTCache=" + aot, "-jar " + root.resolve("target/gazette.jar") + " build --quiet");
        assertThat(targetFiles()).containsExactly("gazette.aot", "gazette.aot.java", "gazette.aot.log", "gazette.jar");
        assertThat(Files.readString(root.resolve("target/gazette.aot.java"))).startsWith(java25.toString());
        assertThat(Files.readString(root.resolve("content/articles/sample.md"))).as("the sample edited in a copy").isEqualTo(
                "---\ntitle: A sample\n---\nText.\n");

        assertThat(build(Map.of())).as("no training once the cache is there").contains("-XX:AOTCache=" + aot);
        assertThat(run("serve", Map.of())).singleElement().asString()
                .contains("-XX:AOTCache=" + aot, "-XX:+UseCompactObjectHeaders").doesNotContain("UseParallelGC");

        Files.writeString(root.resolve("target/gazette.jar"), "a new jar");
        assertThat(run("build", Map.of())).as("a new jar, a new cache").hasSize(3);
    }

    @Test
    void theWorkflowsDatingStepLetsTheLauncherTakeAJarAndArchiveRestoredFromAnEarlierRun() throws Exception {
        fakeJdk(jdks.resolve("jdk-25"), "25.0.3");
        Path pom = Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(root.resolve("src/main/java")).resolve("Gazette.java");
        Files.writeString(source, "class Gazette {}");
        List<Path> sources = List.of(pom, source, source.getParent(), root.resolve("src/main"));
        Instant built = Instant.now().minus(Duration.ofHours(1));
        for (Path p : sources) {
            Files.setLastModifiedTime(p, FileTime.from(built.minus(Duration.ofMinutes(1))));
        }
        Files.setLastModifiedTime(root.resolve("target/gazette.jar"), FileTime.from(built));
        run("build", Map.of());   // the earlier run: its jar's archive made
        assertThat(targetFiles()).contains("gazette.aot", "gazette.aot.java");
        // What a new run's checkout and cache restore leave: the sources dated now, the jar and archive as they were.
        for (Path p : sources) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofSeconds(5))));
        }
        for (String f : List.of("gazette.jar", "gazette.aot", "gazette.aot.java", "gazette.aot.log")) {
            Files.setLastModifiedTime(root.resolve("target").resolve(f), FileTime.from(built));
        }
        Path maven = Files.createDirectories(tmp.resolve("maven")).resolve("mvn");
        Files.writeString(maven, "#!/bin/sh\necho maven >>\"$FAKE_LOG\"\nexit 1\n");
        Files.setPosixFilePermissions(maven, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> withMaven = Map.of("PATH", maven.getParent() + ":" + jdk.resolve("bin") + ":" + System.getenv("PATH"));

        String dating = PagesWorkflowTest.dateRestoredJar(PagesWorkflowTest.buildJob(PagesWorkflowTest.WORKFLOW)).get("run").toString();
        Process step = new ProcessBuilder("bash", "-c", dating).directory(root.toFile()).inheritIO().start();
        assertThat(step.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(step.exitValue()).isZero();
        assertThat(run("build", withMaven)).as("no Maven build, no workload: the restored archive used").singleElement()
                .asString().contains("-XX:AOTCache=" + root.resolve("target/gazette.aot"));
        // A file system's clock ticks by milliseconds: the step may stamp the jar and its archive alike.
        Instant stamped = Instant.now().minus(Duration.ofSeconds(1));
        for (String f : List.of("gazette.jar", "gazette.aot", "gazette.aot.java", "gazette.aot.log")) {
            Files.setLastModifiedTime(root.resolve("target").resolve(f), FileTime.from(stamped));
        }
        assertThat(run("build", withMaven)).as("an archive stamped as its jar is used").singleElement()
                .asString().contains("-XX:AOTCache=" + root.resolve("target/gazette.aot"));

        for (String f : List.of("gazette.jar", "gazette.aot", "gazette.aot.java", "gazette.aot.log")) {
            Files.setLastModifiedTime(root.resolve("target").resolve(f), FileTime.from(built));
        }
        assertThat(runPrinting("build", withMaven)).as("without the step the jar is built again").containsExactly("maven");
        assertThat(output).contains("building target/gazette.jar");
    }

    @Test
    void aWorkloadThatFailsLeavesNoCacheAndIsNotTriedAgainForTheSameJar() throws Exception {
        fakeJdk(jdks.resolve("jdk-25"), "25.0.3");
        List<String> first = run("build", Map.of("FAKE_TRAINING_STATUS", "1", "FAKE_STATUS", "0"));
        assertThat(first).hasSize(3);
        assertThat(first.get(2)).as("the build runs without a cache").doesNotContain("AOTCache");
        assertThat(status).isZero();
        assertThat(targetFiles()).containsExactly("gazette.aot.java", "gazette.aot.log", "gazette.jar");

        assertThat(build(Map.of())).doesNotContain("AOTCache");
        Files.writeString(root.resolve("target/gazette.jar"), "a new jar");
        assertThat(run("build", Map.of())).as("a new jar is tried again").hasSize(3);
        assertThat(targetFiles()).contains("gazette.aot");
    }

    @Test
    void gazetteJavaChoosesTheJavaAndWithoutARelease25TheClassArchiveStays() throws Exception {
        fakeJdk(jdks.resolve("jdk-21"), "21.0.2");
        assertThat(build(Map.of())).startsWith("-XX:+UseParallelGC").contains("-XX:ArchiveClassesAtExit=")
                .doesNotContain("CompactObjectHeaders");

        Path chosen = fakeJdk(tmp.resolve("chosen"), "25.0.1");
        fakeJdk(jdks.resolve("jdk-26"), "26");
        run("build", Map.of("GAZETTE_JAVA", chosen.toString()));
        assertThat(Files.readString(root.resolve("target/gazette.aot.java"))).startsWith(chosen.resolve("bin/java").toString());
    }
}
