package dev.gazette.clean;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns the Postlight (Mercury) parser's public test fixtures into header-only cases: each site's
 * first fixture page ({@code fixtures/SITE.html}, the one its {@code src/extractors/custom/SITE/index.test.js}
 * reads first) with the title, author and {@code date_published} that test expects, as saved HTML
 * and as the same six text dumps {@link TrainingCases} makes (dev-style, Chromium, lynx; plain and busy).
 *
 * <p>Header-only: the tests give only the article's first words, not its text, so {@code truth.json}
 * has {@code "body": null}; such cases are scored and fitted for title, byline and date only, never
 * for the body or the line model. The date truth is the test's UTC instant (a page shows a local
 * day; see {@link CleaningScore#dateMatches}). An expected value the test asserts to be {@code null}
 * is no truth. Case names are {@code pl-SITE--<dumper>-<variant>}, so cross-validation groups a
 * site's dumps together.
 *
 * <p>The fixtures are stored as UTF-8 whatever charset their markup declares (the suite reads them so): a page whose
 * bytes are valid UTF-8 is read as UTF-8, else as it declares.
 *
 * <p>Usage: {@code PostlightCases POSTLIGHT_GIT OUT_DIR [SITE_REGEX]} (a bare git directory, as the {@code fetch}
 * tool mirrors it; SITE_REGEX remakes only the sites it matches, the others' cases unchanged). Third-party
 * pages: OUT_DIR must stay out of the repository ({@code bench/out/} is git-ignored).
 */
public final class PostlightCases {
    private static final Pattern FIXTURE = Pattern.compile("readFileSync\\(\\s*['\"`]\\./fixtures/([^'\"`]+\\.html)['\"`]");
    /** An expected value: {@code assert.equal(FIELD, 'literal' [+ 'literal']...)} or {@code null}. */
    private static final Pattern ASSERT = Pattern.compile("assert\\.equal\\(\\s*(title|author|date_published)\\s*,\\s*");

    private PostlightCases() {
    }

    public static void main(String[] args) throws Exception {
        Path git = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<TrainingCases.Page> pages = new ArrayList<>();
        for (String dir : TrainingCases.git(git, "ls-tree", "--name-only", "HEAD", "src/extractors/custom/").lines().toList()) {
            byte[] test = TrainingCases.gitBytes(git, "HEAD:" + dir + "/index.test.js");
            if (test == null) {
                continue;
            }
            TrainingCases.Page page = page(dir.substring(dir.lastIndexOf('/') + 1), new String(test, StandardCharsets.UTF_8), git);
            if (page != null) {
                pages.add(page);
            } else {
                System.err.println("skipped " + dir + ": no fixture or no expected title, author or date");
            }
        }
        // The tests' expected values are the truths: a header-only case has nothing else to be scored on,
        // and the title and byline derived from the page (as the newspaper4k cases' are) leave most bylines without one.
        TrainingCases.writeAll(pages, out, args.length > 2 ? args[2] : ".*", TrainingCases::fixtureTruth);
    }

    /** The site's first fixture page with the fields its test expects of it; null when there is none. */
    static TrainingCases.Page page(String site, String test, Path git) throws Exception {
        Matcher f = FIXTURE.matcher(test);
        if (!f.find()) {
            return null;
        }
        int end = f.find() ? f.start() : test.length();
        f.reset().find();
        String segment = test.substring(f.start(), end);
        String title = expected(segment, "title");
        String author = expected(segment, "author");
        String date = expected(segment, "date_published");
        byte[] html = TrainingCases.gitBytes(git, "HEAD:fixtures/" + f.group(1));
        if (html == null || html.length < 1000 || title == null && author == null && date == null) {
            return null;
        }
        return new TrainingCases.Page("pl", site, decode(html), title, author,
                date != null && date.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? date : null, null);
    }

    /** The page's text: UTF-8 when its bytes are valid UTF-8, else in the charset it declares. */
    static String decode(byte[] html) throws IOException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(html)).toString();
            Document doc = Jsoup.parse(text);
            // Its declarations of another charset go, or browsers would read the UTF-8 as that.
            doc.select("meta[http-equiv~=(?i)content-type], meta[charset]").remove();
            doc.charset(StandardCharsets.UTF_8);
            return doc.outerHtml();
        } catch (CharacterCodingException e) {
            return TrainingCases.decode(html);
        }
    }

    /** The value the segment's test expects of {@code field}, or null (none asserted, or asserted null). */
    static String expected(String segment, String field) {
        Matcher m = ASSERT.matcher(segment);
        while (m.find()) {
            if (m.group(1).equals(field)) {
                String value = literals(segment, m.end());
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    /** JavaScript string literals joined by {@code +} from {@code at}; null when none stands there. */
    static String literals(String s, int at) {
        StringBuilder sb = new StringBuilder();
        int i = at;
        boolean any = false;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || "'\"`".indexOf(s.charAt(i)) < 0) {
                return any ? sb.toString() : null;
            }
            char quote = s.charAt(i++);
            while (i < s.length() && s.charAt(i) != quote) {
                char c = s.charAt(i++);
                if (c != '\\' || i >= s.length()) {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
            i++;
            any = true;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '+') {
                return sb.toString();
            }
            i++;
        }
    }
}
