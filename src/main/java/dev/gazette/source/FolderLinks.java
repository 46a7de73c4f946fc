package dev.gazette.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule for links in the folders Gazette reads ({@code content/}, {@code templates/}): a
 * file is read only when its real location is inside the folder. A cloned content or theme
 * repository may carry {@code notes.txt -> /etc/passwd}; links that stay inside
 * ({@code latest.md -> 2025/a.md}) are fine.
 */
public final class FolderLinks {
    private FolderLinks() {
    }

    /**
     * Why {@code file} must not be read, or empty when its real location is inside {@code folder}.
     *
     * @param folderName the folder as a message names it, such as "the content folder"
     * @throws IOException when the link cannot be followed: its target is missing, or it is part
     *                     of a loop (the file system gives up after a bounded number of hops)
     */
    public static Optional<String> refusal(Path file, Path folder, String folderName) throws IOException {
        Path target = file.toRealPath();
        if (target.startsWith(folder.toRealPath())) {
            return Optional.empty();
        }
        String kind = Files.isDirectory(target) ? "the folder " : "";
        return Optional.of("links to " + kind + target + ", outside " + folderName + ": skipped, never read");
    }
}
