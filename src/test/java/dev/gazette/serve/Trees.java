package dev.gazette.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder helpers for the serve tests and the benchmark. */
public final class Trees {
    private Trees() {
    }

    /** Copies the folder {@code from} to {@code to} (which must not exist yet) and returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** SHA-256 of every file but the build marker by site path, and every folder (as "path/"). */
    public static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String path = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    // Folders too, so an empty one left behind is a difference.
                    if (!path.isEmpty()) {
                        hashes.put(path + "/", "folder");
                    }
                } else if (!path.equals(".gazette")) {
                    hashes.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /**
     * Takes the site's own tags out of its configuration: every automatic tag is then suggested from
     * the articles' names, as on a site that lists none (and on the benchmark's).
     */
    public static void withoutVocabulary(Path content) throws IOException {
        Path siteYml = content.resolve("site.yml");
        String text = Files.readString(siteYml);
        if (!text.contains("\ntags:\n")) {
            throw new IllegalStateException("no tags in " + siteYml);
        }
        // The block alone: "tags:" and its indented lines, whatever keys follow it.
        Files.writeString(siteYml, text.replaceFirst("\ntags:\n(?:[ \t][^\n]*\n?)*", "\n"));
    }
}
