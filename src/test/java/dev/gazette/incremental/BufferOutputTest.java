package dev.gazette.incremental;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index's writer and reader keep {@code DataOutputStream}'s bytes, fast paths included. */
class BufferOutputTest {
    private static final List<String> TEXTS = List.of("", "articles/2025/a-plain-name.md", "Zoë’s café — naïve",
            "nul \u0000 inside", "an emoji \uD83D\uDE80 and \u07FF \u0800 \uFFFF", "x".repeat(70_000 / 3));

    @Test
    void writesWhatADataOutputStreamWrites() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        write(new DataOutputStream(expected));
        BufferOutput out = new BufferOutput(3);   // grown many times on the way
        write(out);
        assertThat(Arrays.copyOf(out.array(), out.size())).isEqualTo(expected.toByteArray());
    }

    @Test
    void aStreamingBufferHandsOnTheSameBytesBlockByBlock() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        write(new DataOutputStream(expected));
        ByteArrayOutputStream drained = new ByteArrayOutputStream();
        List<Integer> blocks = new ArrayList<>();
        BufferOutput out = BufferOutput.streaming(64, (bytes, length) -> {
            drained.write(bytes, 0, length);
            blocks.add(length);
        });
        write(out);   // its longest text is larger than the whole buffer
        out.flush();
        assertThat(drained.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(blocks).hasSizeGreaterThan(2).allMatch(length -> length > 0);
        assertThat(blocks.subList(0, 2)).allMatch(length -> length <= 64);
    }

    @Test
    void readsBackEveryText() throws IOException {
        BufferOutput out = new BufferOutput(16);
        write(out);
        BufferInput in = new BufferInput(ByteBuffer.wrap(out.array(), 0, out.size()));
        assertThat(in.readInt()).isEqualTo(-7);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 3);
        assertThat(in.readBoolean()).isTrue();
        for (String text : TEXTS) {
            assertThat(in.readUTF()).isEqualTo(text);
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void aTextTooLongForItsLengthIsRefused() {
        assertThatThrownBy(() -> new BufferOutput(16).writeUTF("é".repeat(40_000))).isInstanceOf(UTFDataFormatException.class);
    }

    private static void write(DataOutput out) throws IOException {
        out.writeInt(-7);
        out.writeLong(Long.MIN_VALUE + 3);
        out.writeBoolean(true);
        for (String text : TEXTS) {
            out.writeUTF(text);
        }
    }
}
