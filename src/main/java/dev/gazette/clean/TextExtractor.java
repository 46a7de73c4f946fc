package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the article in a raw text dump of a web page (everything a browser shows, in order:
 * menus, ads, the article, teasers, cookie notices, inline scripts).
 *
 * <p>{@link LineClassifier} reads each line for shape and context; the article is the contiguous
 * run of lines with the highest total score, which is long running prose interrupted only by a
 * little noise. Prose in that run that shares little vocabulary with the rest of it and speaks to
 * the reader (cookie and newsletter notices, disclaimers) is then scored as boilerplate and the run
 * is chosen again. {@link TextHeader} reads title, byline and date above the run.
 */
final class TextExtractor {

    Extraction extract(String dump) {
        List<DumpLine> lines = DumpLine.parse(dump);
        if (lines.isEmpty()) {
            return new Extraction(null, null, null, null, null, null, null, "", "");
        }
        List<String> all = new ArrayList<>();
        int blankBefore = 0;
        for (DumpLine line : lines) {
            // Scripts and styles are written in no natural language; their keywords would drown it.
            if (!line.isCode()) {
                all.addAll(line.tokens);
            }
            blankBefore += line.blankBefore ? 1 : 0;
        }
        String lang = Words.guessLanguage(all);
        new LineClassifier(lang).classify(lines);
        // Where the dump separates blocks by blank lines, a heading and its text are two blocks.
        boolean blankSeparated = blankBefore >= lines.size() / 10;
        if (blankSeparated) {
            LineClassifier.demoteCards(lines);
        }
        LineClassifier.markHeadings(lines, blankSeparated);
        int[] region = bestRun(lines);
        if (region != null && demoteBoilerplate(lines, region, lang)) {
            LineClassifier.markHeadings(lines, blankSeparated);
            region = bestRun(lines);
        }
        if (region == null) {
            return new Extraction(null, null, null, null, lang, null, null, "", "");
        }
        int found = TextHeader.findTitle(lines, region[0], region[1], lang);
        boolean headerInRun = found >= region[0];
        int cluster = found < 0 ? -1 : TextHeader.headerBelow(lines, found, region[1] + 1);
        if (headerInRun || cluster >= region[0]) {
            // The run opened with a notice, the headline or its standfirst: the article starts
            // under the byline.
            region[0] = Math.max(found, cluster) + 1;
            while (region[0] < region[1] && TextHeader.isByOrDateline(lines, region[0])) {
                region[0]++;
            }
            headerInRun = true;
        }
        int titleAt = TextHeader.firstRepeat(lines, found);
        String title = titleAt < 0 ? null : TextHeader.withoutSiteName(lines, titleAt, region[0], region[1], lang);
        String site = titleAt < 0 ? null : TextHeader.siteName(lines, titleAt, region[0], region[1], lang);
        if (site == null) {
            site = CopyrightHolder.in(lines);
        }
        int headerStart = titleAt < 0 ? Math.max(0, region[0] - 6)
                : headerInRun ? region[0] : TextHeader.lastRepeat(lines, titleAt, region[0]) + 1;
        int start = region[0];
        // Headings right above the first paragraph belong to the article, once past the title.
        while (start - 1 >= headerStart && lines.get(start - 1).heading && !TextHeader.isTitleRepeat(lines, titleAt, start - 1)
                && !TextHeader.isCredit(lines, start - 1, found, region[0])) {
            start--;
        }
        String byline = TextHeader.findByline(lines, found, titleAt, start, region[1]);
        String date = TextHeader.findDate(lines, found, titleAt, start, region[1]);
        List<DumpLine> body = new ArrayList<>();
        for (int i = start; i <= region[1]; i++) {
            DumpLine line = lines.get(i);
            DumpLine next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (keepInBody(line, next) && !TextHeader.isTitleRepeat(lines, titleAt, i)) {
                body.add(line);
            }
        }
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        render(body, html, text);
        return new Extraction(title, byline, date, site, lang, null, null, html.toString(), text.toString().strip());
    }

    private static double score(DumpLine line) {
        int chars = Math.min(line.text.length(), 1000);
        if (line.heading) {
            return 0;
        }
        return switch (line.kind) {
            case PROSE -> chars;
            case ITEM -> chars / 2.0;
            case MEDIUM -> line.isListItem() ? chars / 2.0 : -10;
            case SHORT -> line.isListItem() ? -5 : -(25 + chars / 3.0);
            case LISTING -> -5;
            case CODE -> -(100 + chars);
            case TRUNCATED, BOILERPLATE -> -(50 + chars);
        };
    }

    /** The contiguous run of lines with the highest total score (maximum subarray), or null. */
    private static int[] bestRun(List<DumpLine> lines) {
        double best = 0;
        double sum = 0;
        int start = 0;
        int[] run = null;
        for (int i = 0; i < lines.size(); i++) {
            double s = score(lines.get(i));
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += s;
            if (sum > best) {
                best = sum;
                run = new int[] {start, i};
            }
        }
        if (run != null) {
            // An article opens with prose; list items before its first paragraph are a teaser list,
            // unless the run is mostly a list with a paragraph in it (a changelog, a list article).
            double proseScore = 0;
            for (DumpLine l : lines.subList(run[0], run[1] + 1)) {
                proseScore += l.kind == Kind.PROSE && !l.heading ? score(l) : 0;
            }
            boolean prose = proseScore > best / 3;
            while (run[0] < run[1] && (score(lines.get(run[0])) <= 0 || prose && lines.get(run[0]).kind != Kind.PROSE)) {
                run[0]++;
            }
        }
        return run;
    }

    /**
     * Marks prose in the run that does not belong to the article: it shares few content words
     * with the rest of the run and addresses the reader. Returns whether anything changed.
     */
    private static boolean demoteBoilerplate(List<DumpLine> lines, int[] run, String lang) {
        Map<String, Integer> lineFrequency = new HashMap<>();
        List<Set<String>> wordsOf = new ArrayList<>();
        int prose = 0;
        for (int i = run[0]; i <= run[1]; i++) {
            Set<String> words = TextHeader.contentWords(lines.get(i).tokens, lang);
            wordsOf.add(words);
            if (lines.get(i).kind == Kind.PROSE) {
                prose++;
                for (String w : words) {
                    lineFrequency.merge(w, 1, Integer::sum);
                }
            }
        }
        if (prose < 3) {
            return false;
        }
        boolean changed = false;
        for (int i = run[0]; i <= run[1]; i++) {
            DumpLine line = lines.get(i);
            Set<String> words = wordsOf.get(i - run[0]);
            if (line.kind != Kind.PROSE || words.size() < 6) {
                continue;
            }
            int shared = 0;
            for (String w : words) {
                if (lineFrequency.getOrDefault(w, 0) > 1) {
                    shared++;
                }
            }
            double coherence = (double) shared / words.size();
            double address = Words.readerAddressDensity(line.tokens, lang);
            if ((address >= 0.05 && coherence < 0.3) || (address >= 0.1 && coherence < 0.45) || coherence < 0.06) {
                line.kind = Kind.BOILERPLATE;
                changed = true;
            }
        }
        return changed;
    }

    private static boolean keepInBody(DumpLine line, DumpLine next) {
        if (line.heading || line.text.endsWith(":") && next != null && (next.isListItem() || next.kind == Kind.ITEM)) {
            return true; // a heading, or the lead-in of a list
        }
        return switch (line.kind) {
            case PROSE, MEDIUM, ITEM, LISTING -> true;
            case SHORT -> line.isListItem() && line.words >= 2;
            case CODE, TRUNCATED, BOILERPLATE -> false;
        };
    }

    /** Writes the kept lines as HTML blocks and as plain text, one block per paragraph. */
    private static void render(List<DumpLine> body, StringBuilder html, StringBuilder text) {
        boolean previousHeading = false;
        String open = null;
        for (DumpLine line : body) {
            String container = line.kind == Kind.LISTING && !line.heading ? "pre"
                    : line.ordered ? "ol" : line.bullet || line.kind == Kind.ITEM && !line.heading ? "ul" : null;
            if (open != null && !open.equals(container)) {
                html.append(open.equals("pre") ? "</code></pre>\n" : "</" + open + ">\n");
                text.append(open.equals("pre") ? "\n" : "");
                open = null;
            }
            if (container != null && open == null) {
                html.append(switch (container) {
                    case "pre" -> "<pre><code>";
                    case "ol" -> line.number > 1 ? "<ol start=\"" + line.number + "\">\n" : "<ol>\n";
                    default -> "<ul>\n";
                });
                open = container;
            }
            String escaped = escape(line.text);
            if ("pre".equals(container)) {
                html.append(escape(line.raw)).append('\n');
                text.append(line.raw.strip()).append('\n');
                continue;
            }
            if (container != null) {
                html.append("<li>").append(escaped).append("</li>\n");
            } else if (line.heading) {
                String tag = previousHeading ? "h3" : "h2";
                html.append('<').append(tag).append('>').append(escaped).append("</").append(tag).append(">\n");
            } else {
                html.append("<p>").append(escaped).append("</p>\n");
            }
            previousHeading = line.heading && container == null;
            text.append(line.text).append("\n\n");
        }
        if (open != null) {
            html.append(open.equals("pre") ? "</code></pre>\n" : "</" + open + ">\n");
        }
    }

    /** Escapes text for an HTML text node: only the characters that could open markup. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
