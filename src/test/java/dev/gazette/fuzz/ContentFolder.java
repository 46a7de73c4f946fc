package dev.gazette.fuzz;

import java.io.IOException;
import dev.gazette.source.TextDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated content folder: files by path, written to disk on demand.
 *
 * @param files   every file, site.yml included when there is one
 * @param baseUrl the base URL the site is built for (site.yml's, the default, or --base-url's)
 * @param options extra options for {@code gazette build}, such as {@code --drafts}
 */
record ContentFolder(List<File> files, String baseUrl, List<String> options) {

    /** One file of the folder; {@code path} is relative with '/' separators. */
    record File(String path, byte[] bytes) {
        /** The text as the build decodes it. */
        String text() {
            return TextDecoder.decode(bytes, path.toLowerCase(Locale.ROOT).matches(".*\\.html?")).text();
        }
    }

    /** Writes the folder under {@code dir} in file order. */
    Path writeTo(Path dir) throws IOException {
        return writeTo(dir, files);
    }

    /** Writes the folder with its files created in an order shuffled by {@code seed}. */
    Path writeShuffled(Path dir, long seed) throws IOException {
        List<File> order = new ArrayList<>(files);
        Collections.shuffle(order, new Random(seed));
        return writeTo(dir, order);
    }

    private static Path writeTo(Path dir, List<File> order) throws IOException {
        Files.createDirectories(dir);
        for (File file : order) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
        return dir;
    }

    /** Every file with its text, invisible characters made visible, for a failure report. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("content folder for " + baseUrl + ", built with " + options + "\n");
        for (File file : files) {
            out.append("=== ").append(file.path()).append(" (").append(file.bytes().length).append(" bytes)\n");
            file.text().codePoints().forEach(c -> {
                if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
                    out.appendCodePoint(c);
                } else if (Character.isLetterOrDigit(c) && c > 0x7F) {
                    out.appendCodePoint(c);
                } else {
                    out.append(String.format(Locale.ROOT, "\\u{%X}", c));
                }
            });
            out.append('\n');
        }
        return out.toString();
    }
}
