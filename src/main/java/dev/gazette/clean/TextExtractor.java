package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the article in a raw text dump of a web page (everything a browser shows, in order:
 * menus, ads, the article, teasers, cookie notices, inline scripts).
 *
 * <p>{@link LineClassifier} reads each line for shape and block context, {@link LineFeatures}
 * turns line, neighbours and page into named features, and {@link LineModel} gives each line its
 * probability of being article text. The article is the contiguous run of lines with the highest
 * total score (probability above or below one half, weighted by length): long running prose
 * interrupted only by a little noise; inside the run, lines the model rejects are dropped.
 * {@link TextHeader} reads title, byline and date above the run.
 */
final class TextExtractor {
    private final LineModel model;

    TextExtractor() {
        this(LineModel.shipped());
    }

    TextExtractor(LineModel model) {
        this.model = model;
    }

    /** The lines of a dump, classified, with the features and body probability of each. */
    record Scored(List<DumpLine> lines, double[][] features, String lang) {
    }

    Scored score(String dump) {
        return score(read(dump));
    }

    /** The lines read, each given this model's probability of being article text. */
    Scored score(Scored read) {
        for (int i = 0; i < read.lines.size(); i++) {
            read.lines.get(i).probability = model.probability(read.features[i]);
        }
        return read;
    }

    /** The lines of a dump, classified, with their features but not yet scored. */
    static Scored read(String dump) {
        List<DumpLine> lines = DumpLine.parse(dump);
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
        return new Scored(lines, LineFeatures.of(lines, lang), lang);
    }

    /**
     * One row per line: its probability of being article text, the deciding features, the text;
     * "*" marks the lines of the chosen run the model keeps (the header is then read off its top).
     */
    List<String> explain(String dump) {
        Scored scored = score(dump);
        List<DumpLine> lines = scored.lines;
        int[] region = bestRun(lines);
        List<String> out = new ArrayList<>();
        out.add("lang: " + (scored.lang == null ? "-" : scored.lang) + "; threshold " + model.threshold() + "; article run: "
                + (region == null ? "none" : "lines " + (region[0] + 1) + "-" + (region[1] + 1)) + "; * = kept as body");
        boolean[] kept = region == null ? new boolean[lines.size()] : kept(lines, region[0], region[1]);
        for (int i = 0; i < lines.size(); i++) {
            DumpLine l = lines.get(i);
            String text = l.text.length() > 70 ? l.text.substring(0, 67) + "..." : l.text;
            String kind = l.heading ? "heading" : l.kind.name().toLowerCase(java.util.Locale.ROOT);
            out.add(String.format(java.util.Locale.ROOT, "%4d %s p=%.2f %-10s %s%n       %s", i + 1, kept[i] ? "*" : " ", l.probability,
                    kind, text, model.explain(scored.features[i], 4)));
        }
        return out;
    }

    Extraction extract(String dump) {
        return extract(score(dump));
    }

    /** The article of a dump whose lines carry this model's probabilities ({@link #score}). */
    Extraction extract(Scored scored) {
        List<DumpLine> lines = scored.lines;
        String lang = scored.lang;
        if (lines.isEmpty()) {
            return new Extraction(null, null, null, null, null, null, null, "", "");
        }
        int[] region = bestRun(lines);
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
            // A headline shown again under its kicker, share bar or standfirst closes the header.
            region[0] = Math.max(region[0], TextHeader.lastRepeat(lines, found, TextHeader.runHeadEnd(lines, region[0], region[1])) + 1);
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
        boolean[] kept = kept(lines, start, region[1]);
        for (int i = start; i <= region[1]; i++) {
            DumpLine line = lines.get(i);
            if (kept[i] && !TextHeader.isTitleRepeat(lines, titleAt, i)) {
                body.add(line);
            }
        }
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        render(body, html, text);
        return new Extraction(title, byline, date, site, lang, null, null, html.toString(), text.toString().strip());
    }

    /**
     * A line's contribution to the run it stands in: its probability of being article text above
     * or below the model's threshold, weighted by its length (plus a constant, so that short lines
     * count too), as a paragraph outweighs a label. Headings count nothing either way.
     */
    private double score(DumpLine line) {
        if (line.heading) {
            return 0;
        }
        return (line.probability - model.threshold()) * 2 * (25 + Math.min(line.text.length(), 1000));
    }

    /** The contiguous run of lines with the highest total score (maximum subarray), or null. */
    private int[] bestRun(List<DumpLine> lines) {
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
            for (int i = run[0]; i <= run[1]; i++) {
                DumpLine l = lines.get(i);
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
     * Which lines of the run from {@code from} to {@code to} are article text: those the model
     * accepts, and headings and list lead-ins ("as follows:") when what they introduce is kept.
     * A label of three words or fewer that the page shows more than once ("Advertisement",
     * "Share", "Continue reading") is furniture even amid the article: the model, fitted to the
     * words of the body, gives such one-word lines little weight, and the reader sees every one.
     */
    private boolean[] kept(List<DumpLine> lines, int from, int to) {
        Map<String, Integer> shown = new HashMap<>();
        lines.forEach(l -> shown.merge(l.key(), 1, Integer::sum));
        boolean[] kept = new boolean[lines.size()];
        for (int i = to; i >= from; i--) {
            DumpLine line = lines.get(i);
            DumpLine next = i + 1 <= to ? lines.get(i + 1) : null;
            boolean introduces = line.heading || line.text.endsWith(":") && next != null && (next.isListItem() || next.kind == Kind.ITEM);
            boolean repeatedLabel = line.words <= 3 && !line.isListItem() && shown.get(line.key()) > 1;
            kept[i] = introduces ? next != null && kept[i + 1] : !repeatedLabel && line.probability >= model.threshold();
        }
        return kept;
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
