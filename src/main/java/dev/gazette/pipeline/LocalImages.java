package dev.gazette.pipeline;

import dev.gazette.clean.BodyRefs;
import dev.gazette.clean.Extraction;
import dev.gazette.clean.Sanitizer;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.model.Article;
import dev.gazette.model.LongText;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.output.OutputSink;
import dev.gazette.render.Urls;
import dev.gazette.source.FolderLinks;
import dev.gazette.source.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A curated article's own images: files under {@code content/} that its Markdown names by a
 * relative address ({@code ![Chart](images/chart.png)}) or its {@code image:} front matter gives.
 * An address is looked up next to the source first, then from the content folder (as Hugo's page
 * bundles and {@code static/} do). Found when the source is read, so a missing one is left out
 * with a warning naming its line; copied into the site's {@code media/} folder ({@link Urls#MEDIA}) when it is written.
 */
public final class LocalImages {
    private static final Set<String> TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg");

    private LocalImages() {
    }

    /** The extraction with its local image marks made content paths, and missing images left out. */
    static Extraction resolve(Source source, Path contentDir, Extraction found, ProblemSink problems) {
        Extraction out = found;
        if (found.html() != null && found.html().contains(Sanitizer.LOCAL_FILE)) {
            Document doc = Jsoup.parseBodyFragment(found.html());
            doc.outputSettings().prettyPrint(false);
            for (Element img : doc.select("img[src^=" + Sanitizer.LOCAL_FILE + "]")) {
                String written = img.attr("src").substring(Sanitizer.LOCAL_FILE.length());
                String path = find(source, contentDir, written);
                if (path == null) {
                    problems.report(Problem.warning(source.displayPath(), line(source, written),
                            "image '" + written + "' not found next to this file or in the content folder; it is left out"));
                    img.remove();
                    continue;
                }
                img.attr("src", Sanitizer.LOCAL_FILE + path);
                if (!img.hasAttr("width") && !img.hasAttr("height")) {
                    int[] size = size(contentDir.resolve(path));
                    if (size != null) {
                        img.attr("width", Integer.toString(size[0])).attr("height", Integer.toString(size[1]));
                    }
                }
            }
            out = out.withHtml(doc.body().html());
        }
        String key = source.frontMatter().firstKey(ArticleBuilder.IMAGE.toArray(String[]::new));
        String image = key == null ? null : source.frontMatter().string(key);
        if (image != null && !image.isBlank() && !image.contains(":") && !image.startsWith("/")) {
            String path = find(source, contentDir, image.strip());
            if (path == null) {
                problems.report(Problem.warning(source.displayPath(), source.frontMatter().lineOf(key),
                        "image '" + image.strip() + "' not found next to this file or in the content folder"));
            }
            out = out.withImage(path == null ? null : Sanitizer.LOCAL_FILE + path);
        }
        return out;
    }

    /** The article with its local lead image's width and height, read from the file's header. */
    static Article measured(Article article, Path contentDir) {
        if (article.image() == null || !article.image().startsWith(Sanitizer.LOCAL_FILE)) {
            return article;
        }
        int[] size = size(contentDir.resolve(article.image().substring(Sanitizer.LOCAL_FILE.length())));
        return size == null ? article : article.withImageSize(size[0], size[1]);
    }

    /** The content paths of the local images an article body shows. */
    private static final Step<LongText, List<String>> REFS = new Step<>("pipeline.image-refs", body -> BodyRefs.images(body.value()));

    /** A lead image and the width of a smaller copy of it: what the copy is made from. */
    private record Scaled(String path, byte[] original, int width) {
    }

    /**
     * Copies every local image the articles use into the site, and smaller copies of lead images
     * for srcset; {@code steps} finds each body's images (again, or as last time).
     */
    public static void copy(Path contentDir, List<Article> articles, OutputSink out, Steps steps) {
        Set<String> paths = new TreeSet<>();
        Map<String, Integer> leads = new TreeMap<>();
        // Every body's images as noted when it was written, or scanned, in parallel; the paths are sorted as they are added.
        List<List<String>> refs = articles.parallelStream()
                .map(a -> a.images() != null ? a.images() : steps.run(REFS, a.bodyHtml())).toList();
        refs.forEach(paths::addAll);
        for (Article a : articles) {
            if (a.image() != null && a.image().startsWith(Sanitizer.LOCAL_FILE)) {
                paths.add(a.image().substring(Sanitizer.LOCAL_FILE.length()));
                if (a.hasImageSize()) {
                    leads.put(a.image().substring(Sanitizer.LOCAL_FILE.length()), a.imageWidth());
                }
            }
        }
        leads.forEach((path, width) -> {
            byte[] original = read(contentDir.resolve(path));
            for (int w : Urls.leadWidths(path, width)) {
                // Every copy a page's srcset names exists: one that cannot be scaled is the original.
                out.write(Urls.sized(path, w), new Scaled(path, original, w), s -> {
                    byte[] smaller = ImageCopies.scaled(s.path(), s.original(), s.width());
                    return smaller != null ? smaller : s.original();
                });
            }
        });
        for (String path : paths) {
            out.write(Urls.MEDIA + path, read(contentDir.resolve(path)));
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The image's path in the content folder, with '/' separators, or null when there is none. */
    private static String find(Source source, Path contentDir, String written) {
        String address = written.split("[?#]", 2)[0];
        try {
            address = URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Path root = contentDir.toAbsolutePath().normalize();
        Path folder = Path.of(source.relativePath()).getParent();
        for (Path base : folder == null ? List.of(root) : List.of(root.resolve(folder), root)) {
            Path file = base.resolve(address).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            String type = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (file.startsWith(root) && !file.equals(root) && TYPES.contains(type) && Files.isRegularFile(file)
                    && insideReally(file, root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return null;
    }

    /** A link inside content/ to a file outside it (say /etc/passwd named photo.png) is never copied. */
    private static boolean insideReally(Path file, Path root) {
        try {
            return FolderLinks.refusal(file, root, "the content folder").isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern SVG_SIZE = Pattern.compile(
            "<svg\\b[^>]*?\\swidth=\"(\\d+)(?:px)?\"[^>]*?\\sheight=\"(\\d+)(?:px)?\"");

    private static int[] svgSize(Path file) {
        try {
            Matcher m = SVG_SIZE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return null;
        }
    }

    /** The line of the source where {@code written} first appears. */
    private static int line(Source source, String written) {
        int at = source.body().indexOf(written);
        if (at < 0) {
            return source.bodyLine();
        }
        return source.bodyLine() + (int) source.body().substring(0, at).chars().filter(c -> c == '\n').count();
    }

    /** Width and height in pixels from the file's header (an SVG's root attributes), or null when unknown. */
    private static int[] size(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            return svgSize(file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
