package dev.gazette.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git checkout this Gazette runs from, and the GitHub repository it was cloned from: what a
 * new digest's Pages workflow should build Gazette from when the curator names nothing else.
 */
final class GazetteCheckout {
    /** https://github.com/owner/name(.git), git@github.com:owner/name(.git), ssh://git@github.com/owner/name. */
    private static final Pattern GITHUB = Pattern.compile(
            "^(?:https?://(?:[^@/]+@)?github\\.com/|git@github\\.com:|ssh://git@github\\.com/)"
                    + "([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+?)(?:\\.git)?/?$");

    /** A GitHub repository and the branch to build. */
    record Repository(String name, String ref) {
    }

    private GazetteCheckout() {
    }

    /** The folder of the checkout holding the running jar ({@code target/gazette.jar}) or classes, if there is one. */
    static Optional<Path> running() {
        try {
            Path code = Path.of(GazetteCheckout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            return root != null && Files.isRegularFile(root.resolve("pom.xml")) ? Optional.of(root) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The GitHub repository {@code checkout}'s {@code origin} remote points to, with the branch its
     * current branch tracks there ({@code main} when it tracks none); empty when the folder is no
     * git checkout, its origin is not on GitHub, or git is not installed.
     */
    static Optional<Repository> origin(Path checkout) {
        Optional<String> url = git(checkout, "config", "--get", "remote.origin.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = GITHUB.matcher(url.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        String ref = git(checkout, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
                .filter(upstream -> upstream.startsWith("origin/"))
                .map(upstream -> upstream.substring("origin/".length()))
                .orElse("main");
        return Optional.of(new Repository(m.group(1), ref));
    }

    /** One line git prints, or empty when it fails, prints nothing or takes over five seconds. */
    private static Optional<String> git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            byte[] out = git.getInputStream().readNBytes(4096);
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String line = new String(out, StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && !line.isEmpty() && !line.contains("\n") ? Optional.of(line) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
