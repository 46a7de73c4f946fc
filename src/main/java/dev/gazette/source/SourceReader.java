package dev.gazette.source;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds article sources under a content folder and reads each into a {@link Source}. */
public final class SourceReader {
    private static final String FENCE = "---";
    /** The ending of the folder a browser saves a complete page's files in, beside the page ({@link #isSavedPageFiles}). */
    private static final String SAVED_FILES = "_files";
    /** Front matter longer than this is more likely a dump whose first line happens to be "---". */
    private static final int MAX_FRONT_MATTER_LINES = 300;

    /** Larger than any article page, even one with inline images; a multi-gigabyte log is a mistake. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final Path contentDir;
    private final long maxBytes;

    public SourceReader(Path contentDir) {
        this(contentDir, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest source read; larger files are an error naming the limit */
    public SourceReader(Path contentDir, long maxBytes) {
        this.contentDir = contentDir;
        this.maxBytes = maxBytes;
    }

    /** The content folder sources are read from. */
    public Path contentDir() {
        return contentDir;
    }

    /**
     * Every source file under the content folder, sorted by path so that the build never depends
     * on the order the file system lists them in. Hidden files and folders are skipped.
     */
    public List<Path> discover() {
        return discover(problem -> { });
    }

    /**
     * As {@link #discover()}, warning about links to folders: they are not followed (a folder
     * inside is read where it really is, once; one outside is never read), so no link can make
     * the walk loop.
     */
    public List<Path> discover(ProblemSink problems) {
        return list(problems).sources();
    }

    /**
     * The content folder as one walk saw it: its sources as {@link #discover} lists them, with
     * each one's name (as {@link #relative} gives it), size and modification time (ns) as the walk gave them (-1 for a link, whose
     * target the walk does not look at), and its other regular files (links followed), hidden
     * ones included, by name with their sizes and times.
     */
    public record Listed(List<Path> sources, List<String> names, long[] sizes, long[] modified, List<Other> others) {
    }

    /** A file of the content folder that is no source: its name inside the folder, size and modification time (ns). */
    public record Other(String name, long size, long modified) {
    }

    /**
     * Lists the content folder in one walk, as {@link #discover(ProblemSink)} does (warning about
     * links to folders), and its other files with it: the walk's own look at each file serves
     * for its size and time, so a build that checks every source's stamp looks at each file once.
     */
    public Listed list(ProblemSink problems) {
        if (!Files.isDirectory(contentDir)) {
            throw new GazetteException(contentDir.toString(), 0, "content folder not found");
        }
        record Found(String name, Path path, BasicFileAttributes attributes) {
        }
        List<Found> sources = new ArrayList<>();
        List<Other> others = new ArrayList<>();
        try {
            Files.walkFileTree(contentDir, new SimpleFileVisitor<>() {
                /**
                 * Whether each folder being walked holds no sources: it is hidden or a saved page's files, or inside such a
                 * folder (the content folder itself is neither).
                 */
                private final ArrayDeque<Boolean> hidden = new ArrayDeque<>();

                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    hidden.push(!hidden.isEmpty() && (hidden.peek() || folder.getFileName().toString().startsWith(".")
                            || isSavedPageFiles(folder)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    hidden.pop();
                    return super.postVisitDirectory(folder, e);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    // Not only regular files: a broken link named like a source is reported, not ignored.
                    // The walk looked at the file itself: only a link needs another look, at what it leads to.
                    boolean source = !hidden.peek() && !file.getFileName().toString().startsWith(".")
                            && !(attributes.isSymbolicLink() && (isFolderLink(file, problems) || Files.isDirectory(file)))
                            && SourceFormat.of(file).isPresent();
                    if (source) {
                        sources.add(new Found(relative(file), file, attributes.isSymbolicLink() ? null : attributes));
                        return FileVisitResult.CONTINUE;
                    }
                    BasicFileAttributes target = attributes;
                    if (attributes.isSymbolicLink()) {
                        try {
                            target = Files.readAttributes(file, BasicFileAttributes.class);
                        } catch (IOException e) {
                            return FileVisitResult.CONTINUE;   // a broken link is no file
                        }
                    }
                    if (target.isRegularFile()) {
                        others.add(new Other(relative(file), target.size(), target.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new GazetteException(contentDir.toString(), 0, "cannot list the content folder: " + e.getMessage());
        }
        sources.sort(Comparator.comparing(Found::name));
        others.sort(Comparator.comparing(Other::name));
        int n = sources.size();
        long[] sizes = new long[n];
        long[] modified = new long[n];
        for (int i = 0; i < n; i++) {
            BasicFileAttributes a = sources.get(i).attributes();
            sizes[i] = a == null ? -1 : a.size();
            modified[i] = a == null ? -1 : a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        }
        return new Listed(sources.stream().map(Found::path).toList(), sources.stream().map(Found::name).toList(),
                sizes, modified, others);
    }

    /**
     * The sources {@link #discover} would list now, from the ones it listed before and the files
     * that changed since (as a file watcher reports them): a changed source that is a regular
     * file is listed, one that is gone is not. Null when a change may be anything else (a folder,
     * a link, a file that is not a source, a path outside the content folder): then discover again.
     */
    public List<Path> relisted(List<Path> before, Collection<Path> changed) {
        return editedAt(before, changed) != null ? before : relistedNotOnlyEdited(before, changed);
    }

    /**
     * As {@link #relisted}, for changes {@link #editedAt} already found to be more than edits of
     * listed sources: a new listing (or null), without asking that again.
     */
    public List<Path> relistedNotOnlyEdited(List<Path> before, Collection<Path> changed) {
        Path root = contentDir.toAbsolutePath().normalize();
        Map<String, Path> byName = new TreeMap<>();
        before.forEach(p -> byName.put(relative(p), p));
        for (Path path : changed) {
            Path file = path.toAbsolutePath().normalize();
            if (!file.startsWith(root) || file.equals(root) || SourceFormat.of(file).isEmpty()) {
                return null;
            }
            Path inside = root.relativize(file);
            if (holdsNoSources(root, inside)) {
                continue;
            }
            Path listed = contentDir.resolve(inside.toString());
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                byName.put(relative(listed), listed);
            } else if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                byName.remove(relative(listed));
            } else {
                return null;
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * Where the {@code changed} files are in {@code before} (a listing, sorted by name as listings
     * are), in increasing order, when every change is an edit of a listed source (a regular file
     * still): then the listing is the same, and the other sources need not even be named (the
     * usual save in the preview). Null when a change may be anything else.
     */
    public int[] editedAt(List<Path> before, Collection<Path> changed) {
        Path root = contentDir.toAbsolutePath().normalize();
        int[] positions = new int[changed.size()];
        int n = 0;
        for (Path path : changed) {
            Path file = path.toAbsolutePath().normalize();
            if (!file.startsWith(root) || file.equals(root) || SourceFormat.of(file).isEmpty()
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            String name = relative(contentDir.resolve(root.relativize(file).toString()));
            int low = 0;
            int high = before.size() - 1;
            int found = -1;
            while (low <= high && found < 0) {
                int middle = (low + high) >>> 1;
                int order = relative(before.get(middle)).compareTo(name);
                if (order == 0) {
                    found = middle;
                } else if (order < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            if (found < 0) {
                return null;
            }
            positions[n++] = found;
        }
        // A file reported twice (by two spellings of its path) is one edit.
        return Arrays.stream(positions).sorted().distinct().toArray();
    }

    /**
     * Reads one source. Returns empty, with a warning, for files that hold no text (empty or
     * binary). Throws {@link GazetteException} for a source that is broken, such as bad YAML.
     */
    public Optional<Source> read(Path file, ProblemSink problems) {
        return read(file, bytes(file), problems);
    }

    /** The file's bytes; throws {@link GazetteException} when it cannot be read. */
    public byte[] bytes(Path file) {
        String display = display(file);
        if (Files.isDirectory(file)) {
            throw new GazetteException(display, 0, "is a folder; name the source files in it");
        }
        if (refusal(file).isPresent()) {
            return new byte[0]; // never read: a pipe would block, a link may lead out; read() says why
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded even if the file grows after it was measured.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new GazetteException(display, 0, "cannot read file: " + describe(e));
        }
        if (bytes.length > maxBytes) {
            throw new GazetteException(display, 0, "larger than the limit of " + megabytes(maxBytes)
                    + " per source; raise 'max_source_mb' in site.yml if this file really is an article");
        }
        return bytes;
    }

    /** Reads one source from its bytes, read before with {@link #bytes}; otherwise as {@link #read(Path, ProblemSink)}. */
    public Optional<Source> read(Path file, byte[] bytes, ProblemSink problems) {
        String display = display(file);
        SourceFormat format = SourceFormat.of(file).orElseThrow(() -> new GazetteException(display, 0,
                "not an article source: Gazette reads .md, .markdown, .txt, .html, .htm, .mhtml, .mht and .webarchive files"));
        Optional<String> refused = refusal(file);
        if (refused.isPresent()) {
            problems.report(Problem.warning(display, 0, refused.get()));
            return Optional.empty();
        }
        if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            problems.report(Problem.warning(display, 0, "empty file, skipped"));
            return Optional.empty();
        }
        if (TextDecoder.looksBinary(bytes) && !WebArchive.isArchive(file)) {
            problems.report(Problem.warning(display, 0, "binary file, not text: skipped"));
            return Optional.empty();
        }
        String text;
        if (WebArchive.isArchive(file)) {
            try {
                text = WebArchive.page(bytes).orElseThrow(() -> new GazetteException(display, 0,
                        "a web archive with no HTML page in it"));
            } catch (IOException e) {
                throw new GazetteException(display, 0, "not a web archive that can be read: " + e.getMessage());
            }
        } else {
            text = TextDecoder.decode(bytes, format == SourceFormat.HTML).text();
        }
        return Optional.of(split(display, relative(file), format, text));
    }

    /** Splits text into front matter and body; public so tests and tools can parse without files. */
    public static Source split(String display, String relative, SourceFormat format, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // Lines found by index, not split: the body is the rest of the text, copied once.
        int firstEnd = text.indexOf('\n');
        if ((firstEnd < 0 ? text : text.substring(0, firstEnd)).strip().equals(FENCE)) {
            int yamlStart = firstEnd + 1;
            int lineStart = yamlStart;
            for (int i = 1; i < MAX_FRONT_MATTER_LINES && firstEnd >= 0; i++) {
                int end = text.indexOf('\n', lineStart);
                String line = text.substring(lineStart, end < 0 ? text.length() : end).strip();
                if (line.equals(FENCE) || line.equals("...")) {
                    String yaml = lineStart == yamlStart ? "" : text.substring(yamlStart, lineStart - 1);
                    YamlMap frontMatter = YamlParser.parse(display, yaml, 2);
                    String body = end < 0 ? "" : text.substring(end + 1);
                    return new Source(display, relative, format, frontMatter, body, i + 2);
                }
                if (end < 0) {
                    break;
                }
                lineStart = end + 1;
            }
            if (format == SourceFormat.MARKDOWN) {
                throw new GazetteException(display, 1, "front matter starts here but has no closing '---' line");
            }
        }
        return new Source(display, relative, format, YamlMap.empty(display), text, 1);
    }

    /**
     * Why a file is not read at all, or empty: a link to a file outside the content folder (a
     * cloned content repository could otherwise publish /etc/passwd), or anything but a regular
     * file (a named pipe would block the build forever, a device never ends).
     */
    private Optional<String> refusal(Path file) {
        try {
            if (Files.isSymbolicLink(file)) {
                Optional<String> outside = FolderLinks.refusal(file, contentDir, "the content folder");
                if (outside.isPresent()) {
                    return outside;
                }
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.of("not a regular file (a pipe, device or socket): skipped, never read");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new GazetteException(display(file), 0, "cannot read file: " + describe(e));
        }
    }

    private boolean isFolderLink(Path path, ProblemSink problems) {
        if (!Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            return false;
        }
        try {
            FolderLinks.refusal(path, contentDir, "the content folder")
                    .ifPresent(outside -> problems.report(Problem.warning(display(path), 0, outside)));
        } catch (IOException e) {
            problems.report(Problem.warning(display(path), 0, "a link that cannot be followed: skipped"));
        }
        return true;
    }

    static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
    }

    private String display(Path file) {
        return file.toString();
    }

    /** The path of {@code file} inside the content folder, with '/' separators. */
    public String relative(Path file) {
        // A file listed under the folder names it first: its name is the rest of the string
        // (what relativize gives, without its copies of the name elements; the preview asks
        // for every source's name on every save), unless the rest has "." or ".." to resolve.
        String root = contentDir.toString();
        String path = file.toString();
        String separator = contentDir.getFileSystem().getSeparator();
        if (!root.isEmpty() && path.length() > root.length() + 1 && path.startsWith(root)
                && path.startsWith(separator, root.length()) && path.charAt(root.length() + 1) != '.'
                && path.indexOf(separator + ".", root.length() + 1) < 0) {
            return path.substring(root.length() + 1).replace('\\', '/');
        }
        return contentDir.relativize(file).toString().replace('\\', '/');
    }

    /** Whether a file at {@code relative} in the content folder {@code root} is in a folder {@link #list} reads no sources from. */
    private static boolean holdsNoSources(Path root, Path relative) {
        Path folder = root;
        for (int i = 0; i < relative.getNameCount(); i++) {
            String part = relative.getName(i).toString();
            folder = folder.resolve(part);
            if (part.startsWith(".") || i < relative.getNameCount() - 1 && isSavedPageFiles(folder)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code folder} holds a saved page's own files. A browser's "Save Page As…, Webpage, Complete" (Chrome, Edge,
     * Firefox) writes {@code name.html} and beside it {@code name_files/}, with the page's pictures, styles, scripts and
     * frames; the frames are HTML pages of their own, ads most of them, and are parts of the page, not articles. The
     * pictures stay there for the page to show ({@code Sanitizer}), and for the Markdown {@code gazette import} makes of
     * it, {@code name.md}, which names them.
     */
    static boolean isSavedPageFiles(Path folder) {
        Path name = folder.getFileName();
        Path parent = folder.getParent();
        String folderName = name == null ? "" : name.toString();
        if (parent == null || !folderName.endsWith(SAVED_FILES) || folderName.length() == SAVED_FILES.length()) {
            return false;
        }
        String page = folderName.substring(0, folderName.length() - SAVED_FILES.length());
        return Stream.of(".html", ".htm", ".md").anyMatch(extension -> Files.isRegularFile(parent.resolve(page + extension)));
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
