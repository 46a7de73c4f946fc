package dev.gazette.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The kinds of article source Gazette reads, told apart by file extension. */
public enum SourceFormat {
    /** Curated Markdown with YAML front matter. */
    MARKDOWN,
    /** A raw text dump of a web page, optionally headed by front matter. */
    TEXT,
    /** A saved web page: its HTML, or a web archive holding it ({@code .mhtml}, {@code .mht}, {@code .webarchive}; {@link WebArchive}). */
    HTML;

    public static Optional<SourceFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || WebArchive.isArchive(file)) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }
}
