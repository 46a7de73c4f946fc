package dev.gazette.incremental;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's index and journal are read and written a chunk at a time: every byte, whatever the file's size. */
class WholeFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsFilesOfEverySizeAroundTheChunkWhole() throws Exception {
        Random random = new Random(7);
        int chunk = BuildCache.CHUNK;
        for (int size : new int[] {0, 1, 4095, chunk - 1, chunk, chunk + 1, 3 * chunk + 17}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = tmp.resolve("file-" + size);
            Files.write(file, bytes);
            assertThat(BuildCache.readWhole(file)).as("%d bytes", size).isEqualTo(bytes);
        }
    }

    @Test
    void writesBuffersOfEverySizeAroundTheChunkWhole() throws Exception {
        Random random = new Random(11);
        int chunk = BuildCache.CHUNK;
        for (int size : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 17}) {
            byte[] bytes = new byte[size + 5];
            random.nextBytes(bytes);
            Path file = tmp.resolve("written-" + size);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                BuildCache.writeWhole(channel, ByteBuffer.wrap(bytes, 3, size));
            }
            assertThat(Files.readAllBytes(file)).as("%d bytes", size).isEqualTo(Arrays.copyOfRange(bytes, 3, 3 + size));
        }
    }
}
