package dev.gazette.incremental;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's index and journal are read a chunk at a time: every byte, whatever the file's size. */
class ReadWholeTest {
    @TempDir
    Path tmp;

    @Test
    void readsFilesOfEverySizeAroundTheChunkWhole() throws Exception {
        Random random = new Random(7);
        int chunk = 1 << 18;
        for (int size : new int[] {0, 1, 4095, chunk - 1, chunk, chunk + 1, 3 * chunk + 17}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = tmp.resolve("file-" + size);
            Files.write(file, bytes);
            assertThat(BuildCache.readWhole(file)).as("%d bytes", size).isEqualTo(bytes);
        }
    }
}
