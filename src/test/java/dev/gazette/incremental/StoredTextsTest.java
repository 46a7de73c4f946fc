package dev.gazette.incremental;

import dev.gazette.model.LongText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The long texts of an output read back from a segment are left there until read: they must
 * read as the texts stored, and never as other bytes when the file changed under the build.
 */
class StoredTextsTest {
    record Page(String title, LongText body, LongText note) {
    }

    private static final String BODY = "<p>" + "a body long enough to be left in its segment ".repeat(40) + "</p>";

    private static BuildCache.Stored stored(Path folder, Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Values.Writer.storing(new DataOutputStream(bytes), new Fingerprints()).store(value);
        return new BuildCache.NewSegment(folder, "segment-").append(bytes.toByteArray());
    }

    @Test
    void aTextLeftInItsSegmentReadsAsTheTextStored(@TempDir Path folder) throws Exception {
        Page page = new Page("Beavers", LongText.of(BODY), LongText.of("short"));
        BuildCache.Stored at = stored(folder, page);

        Page read = (Page) at.read(new Fingerprints(), ThreadLocal.withInitial(() -> ByteBuffer.allocate(64)));

        assertThat(read.body().ifDecoded()).as("not read yet").isNull();
        assertThat(read.note().ifDecoded()).as("short: copied as it was read, decoded when first read").isNull();
        assertThat(read).isEqualTo(page);
        assertThat(read.body().ifDecoded()).isEqualTo(BODY);
    }

    @Test
    void aTextWhoseBytesChangedAfterTheReadIsAnErrorNotOtherText(@TempDir Path folder) throws Exception {
        BuildCache.Stored at = stored(folder, new Page("Beavers", LongText.of(BODY), LongText.of("short")));
        Page read = (Page) at.read(new Fingerprints(), ThreadLocal.withInitial(() -> ByteBuffer.allocate(64)));

        // Another text of the same length written over it, as a second build writing the same file would.
        Path file = folder.resolve(at.segment().name);
        byte[] all = Files.readAllBytes(file);
        String changed = new String(all, StandardCharsets.UTF_8).replace("a body long", "a body LONG");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(changed.getBytes(StandardCharsets.UTF_8)), 0);
        }

        assertThat(read.title()).isEqualTo("Beavers");
        assertThat(List.of(read.note().value())).containsExactly("short");
        assertThatThrownBy(() -> read.body().value()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("changed while the build read it");
    }
}
