package dev.gazette.render;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.source.FolderLinks;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A theme: Pebble templates plus a {@code static/} folder copied to the site root. Read from a
 * {@code templates/} folder when there is one, otherwise from the copy embedded in the jar.
 */
public final class Theme {
    private static final String EMBEDDED = "theme";

    private final PebbleEngine engine;
    private final Map<String, byte[]> staticFiles;
    private final String origin;
    private final List<Problem> warnings;

    private Theme(PebbleEngine engine, Map<String, byte[]> staticFiles, String origin, List<Problem> warnings) {
        this.engine = engine;
        this.staticFiles = staticFiles;
        this.origin = origin;
        this.warnings = List.copyOf(warnings);
    }

    /** The theme in {@code dir}, or the embedded default when {@code dir} is null or missing. */
    public static Theme load(Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            List<Problem> warnings = new ArrayList<>();
            warnLinksOutside(dir, warnings);
            return new Theme(engine(new ThemeFileLoader(dir)), readStatic(dir.resolve("static"), warnings),
                    dir.toString(), warnings);
        }
        ClasspathLoader loader = new ClasspathLoader(Theme.class.getClassLoader());
        loader.setPrefix(EMBEDDED);
        return new Theme(engine(loader), embeddedStatic(), "embedded theme", List.of());
    }

    private static PebbleEngine engine(Loader<?> loader) {
        return new PebbleEngine.Builder()
                .loader(new ResolvedPaths<>(loader))
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .addEscapingStrategy("html", Theme::escapeHtml)
                .extension(new RecordAttributes.Extension())
                .build();
    }

    /**
     * Pebble's default {@code html} escaping (unbescape's {@code escapeHtml4Xml}: the five
     * characters that mean something in markup, {@code '} as {@code &#39;}), without unbescape,
     * whose tables of every HTML entity take a tenth of a small build's start-up to set up.
     */
    static String escapeHtml(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String reference = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (reference != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append(reference);
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    public PebbleEngine engine() {
        return engine;
    }

    /** Static files by site path, in a stable order. */
    public Map<String, byte[]> staticFiles() {
        return staticFiles;
    }

    /** Files the theme left out, such as links that point outside it, for the build to report. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Where templates come from, for messages. */
    public String origin() {
        return origin;
    }

    /**
     * Warns, once per build, about template files that {@link ThemeFileLoader} will refuse: links
     * out of the folder and links that cannot be followed. The static folder warns on its own.
     */
    private static void warnLinksOutside(Path dir, List<Problem> warnings) {
        Path statics = dir.resolve("static");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.startsWith(statics) && Files.isSymbolicLink(p)).toList()) {
                try {
                    FolderLinks.refusal(p, dir, ThemeFileLoader.FOLDER_NAME)
                            .ifPresent(outside -> warnings.add(Problem.warning(p.toString(), 0, outside)));
                } catch (IOException e) {
                    warnings.add(Problem.warning(p.toString(), 0, ThemeFileLoader.LINK_LOOP));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new GazetteException(dir.toString(), 0, "cannot read theme files: " + e.getMessage());
        }
    }

    private static Map<String, byte[]> readStatic(Path root, List<Problem> warnings) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // A cloned theme may carry a link such as assets/passwd.css -> /etc/passwd: never copy its target.
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                Optional<String> refused = FolderLinks.refusal(p, root, "the theme's static folder");
                if (refused.isPresent()) {
                    warnings.add(Problem.warning(p.toString(), 0, refused.get()));
                    continue;
                }
                files.put(rel, Files.readAllBytes(p.toRealPath()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new GazetteException(root.toString(), 0, "cannot read theme files: " + e.getMessage());
        }
        return files;
    }

    private static Map<String, byte[]> embeddedStatic() {
        URL url = Theme.class.getClassLoader().getResource(EMBEDDED + "/static");
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return readStatic(Path.of(uri), new ArrayList<>());
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return readStatic(fs.provider().getPath(uri), new ArrayList<>());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("embedded theme unreadable: " + e.getMessage(), e);
        }
    }
}
