package dev.gazette;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedFolderTest {
    private static final Path MISSING = Path.of("..", "shared", "no-such-folder");

    @Test
    void anAbsentFolderFailsWhenSharedDataIsRequired() {
        assertThatThrownBy(() -> SharedFolder.check(false, MISSING, "1"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no-such-folder is absent");
    }

    @Test
    void anAbsentFolderSkipsOtherwise() {
        assertThatThrownBy(() -> SharedFolder.check(false, MISSING, null)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> SharedFolder.check(false, MISSING, "0")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aPresentFolderPasses() {
        assertThatCode(() -> SharedFolder.check(true, MISSING, "1")).doesNotThrowAnyException();
    }
}
