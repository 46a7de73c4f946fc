package dev.gazette;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test data from ../shared, which is not in the repository. Where it is absent a test skips
 * with a clear message, except when {@code GAZETTE_REQUIRE_SHARED=1} (CI sets it): then it
 * fails, so that a check never disappears from a green run without a trace.
 */
public final class SharedFolder {
    public static final String REQUIRE = "GAZETTE_REQUIRE_SHARED";
    private static final Path ROOT = Path.of("..", "shared");

    private SharedFolder() {
    }

    /** {@code ../shared/<relative>}, or skips (fails under {@value #REQUIRE}=1) when it is absent. */
    public static Path require(String relative) {
        Path path = ROOT.resolve(relative);
        check(Files.exists(path), path, System.getenv(REQUIRE));
        return path;
    }

    static void check(boolean present, Path path, String required) {
        String message = path + " is absent: the checks that read it did not run";
        if (!present && "1".equals(required)) {
            fail(message + " (" + REQUIRE + "=1)");
        }
        assumeTrue(present, message);
    }
}
