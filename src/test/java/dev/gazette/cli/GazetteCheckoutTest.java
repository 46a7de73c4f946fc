package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: 'gazette init' takes the repository a new digest's workflow builds Gazette from out of this checkout's origin. */
class GazetteCheckoutTest {
    @TempDir
    Path tmp;

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=T",
                "-c", "user.email=t@example.org"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private Path clone(String name, String originUrl) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        git(dir, "init", "-q", "-b", "main");
        if (originUrl != null) {
            git(dir, "remote", "add", "origin", originUrl);
        }
        return dir;
    }

    @Test
    void aGitHubOriginInAnyOfItsSpellingsNamesTheRepository() throws Exception {
        assertThat(GazetteCheckout.origin(clone("https", "https://github.com/someone/gazette.git")))
                .contains(new GazetteCheckout.Repository("someone/gazette", "main"));
        assertThat(GazetteCheckout.origin(clone("ssh", "git@github.com:news-org/gazette.fork")))
                .contains(new GazetteCheckout.Repository("news-org/gazette.fork", "main"));
        assertThat(GazetteCheckout.origin(clone("token", "https://x-access-token:abc@github.com/a/b/")))
                .contains(new GazetteCheckout.Repository("a/b", "main"));
    }

    @Test
    void theBranchTheCheckoutTracksIsTheOneBuilt() throws Exception {
        Path dir = clone("tracking", "https://github.com/someone/gazette");
        git(dir, "commit", "-q", "--allow-empty", "-m", "first");
        git(dir, "update-ref", "refs/remotes/origin/stable", "HEAD");
        git(dir, "branch", "-q", "--set-upstream-to=origin/stable");

        assertThat(GazetteCheckout.origin(dir)).contains(new GazetteCheckout.Repository("someone/gazette", "stable"));
    }

    @Test
    void noOriginOrOneElsewhereOrNoCheckoutNamesNothing() throws Exception {
        assertThat(GazetteCheckout.origin(clone("none", null))).isEmpty();
        assertThat(GazetteCheckout.origin(clone("gitlab", "https://gitlab.com/someone/gazette.git"))).isEmpty();
        assertThat(GazetteCheckout.origin(clone("lookalike", "https://github.com.evil.example/a/b"))).isEmpty();
        assertThat(GazetteCheckout.origin(Files.createDirectories(tmp.resolve("plain")))).isEmpty();
    }

    @Test
    void theRunningGazetteIsFoundAsTheCheckoutWithThePom() {
        Optional<Path> running = GazetteCheckout.running();

        assertThat(running).isPresent();
        assertThat(running.get().resolve("pom.xml")).isRegularFile();
        assertThat(running.get().resolve("src/main/java/dev/gazette/cli/InitCommand.java")).isRegularFile();
    }
}
