package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the article in a raw text dump of a web page (everything a browser shows, in order:
 * menus, ads, the article, teasers, cookie notices, inline scripts).
 *
 * <p>{@link LineClassifier} reads each line for shape and block context, {@link LineFeatures}
 * turns line, neighbours and page into named features, and {@link LineModel} gives each line its
 * probability of being article text. The article is the contiguous run of lines with the highest
 * total score (probability above or below one half, weighted by length): long running prose
 * interrupted only by a little noise; inside the run, lines the model rejects are dropped.
 * {@link TitleCandidates} offers the headlines among the lines about the run's top: one model chooses
 * the one that closes the article's header (the article starts under it), another the one printed; and
 * {@link HeaderCandidates} byline and date among the candidates the dump offers, each by a fitted model.
 */
final class TextExtractor {
    private final LineModel model;
    private final HeaderCandidates.Models header;

    TextExtractor() {
        this(LineModel.shipped());
    }

    /** With the shipped byline and date models, read when first needed (the trainer fits the line model before them). */
    TextExtractor(LineModel model) {
        this(model, null);
    }

    /** @param header the models that choose byline and date among their candidates; null for the shipped ones */
    TextExtractor(LineModel model, HeaderCandidates.Models header) {
        this.model = model;
        this.header = header;
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
     * "*" marks the lines kept as the article's text. Then the title, byline and date candidates, each
     * with its probability and deciding features, ">" marking the one chosen.
     */
    List<String> explain(String dump) {
        return explain(read(dump));
    }

    /** {@link #explain(String)} of a dump already read. */
    List<String> explain(Scored read) {
        Scored scored = score(read);
        List<DumpLine> lines = scored.lines;
        HeaderCandidates.Layout a = lines.isEmpty() ? null : layout(scored);
        List<String> out = new ArrayList<>();
        boolean body = a != null && run(scored) != null;
        out.add("lang: " + (scored.lang == null ? "-" : scored.lang) + "; threshold " + model.threshold() + "; article run: "
                + (a == null ? "none" : (body ? "lines " + (a.runStart() + 1) + "-" + (a.end() + 1) : "none, header read about line "
                + (a.runStart() + 1)) + ", header's headline (opener) line " + (a.titleAt() < 0 ? "none" : a.titleAt() + 1))
                + "; * = kept as body");
        boolean[] kept = a == null ? new boolean[lines.size()] : a.kept();
        for (int i = 0; i < lines.size(); i++) {
            DumpLine l = lines.get(i);
            String text = l.text.length() > 70 ? l.text.substring(0, 67) + "..." : l.text;
            String kind = l.heading ? "heading" : l.kind.name().toLowerCase(Locale.ROOT);
            out.add(String.format(Locale.ROOT, "%4d %s p=%.2f %-10s %s%n       %s", i + 1, kept[i] ? "*" : " ", l.probability,
                    kind, text, model.explain(scored.features[i], 4)));
        }
        if (a != null) {
            out.addAll(HeaderCandidates.explain("title", a.titles(), titleModel(), headline(a)));
            for (TitlePairs.Pair pair : TitlePairs.rounds(a.titles(), titleModel(), titlePairs(), TitlePairs.TAKE_RUNNER_UP, TitlePairs.CONTENDERS)) {
                out.add(String.format(Locale.ROOT, "title pair (the choice so far against the title model's next): line %d over line %d,"
                        + " p(upper is the headline)=%.2f, challenger taken from %.2f: line %d%n       %s", pair.upper().line() + 1,
                        pair.lower().line() + 1, pair.pUpper(), TitlePairs.TAKE_RUNNER_UP, pair.chosen(TitlePairs.TAKE_RUNNER_UP).line() + 1,
                        titlePairs().explain(pair.features(), 6)));
            }
            List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(a);
            List<HeaderCandidates.Candidate> dates = HeaderCandidates.dates(a, bylines);
            out.addAll(HeaderCandidates.explain("byline", bylines, header().byline(), HeaderCandidates.chooseByline(bylines, header().byline())));
            out.addAll(HeaderCandidates.explain("date", dates, header().date(), HeaderCandidates.choose(dates, header().date())));
        }
        return out;
    }

    Extraction extract(String dump) {
        return extract(score(dump));
    }

    /** The article of a dump whose lines carry this model's probabilities ({@link #score}). */
    Extraction extract(Scored scored) {
        if (scored.lines.isEmpty()) {
            return new Extraction(null, null, null, null, null, null, null, "", "");
        }
        // The copyright holder is read once: the headline's features and, failing the title, the site's name both ask.
        String holder = CopyrightHolder.in(scored.lines);
        HeaderCandidates.Layout a = layout(scored, holder);
        if (a == null) {
            return new Extraction(null, null, null, null, scored.lang, null, null, "", "");
        }
        List<DumpLine> lines = a.lines();
        HeaderCandidates.Candidate headline = headline(a);
        int titleAt = headline == null ? -1 : TextHeader.firstRepeat(lines, headline.line());
        // A part of a line is the headline as it stands; a whole line is read at its first showing, without the site's name.
        String title = titleAt < 0 ? null : TitleCandidates.isPart(headline) ? headline.value()
                : TextHeader.withoutSiteName(lines, titleAt, a.runStart(), a.end(), a.lang());
        String site = titleAt < 0 ? null : TextHeader.siteName(lines, titleAt, a.runStart(), a.end(), a.lang());
        if (site == null) {
            site = holder;
        }
        List<HeaderCandidates.Candidate> bylines = HeaderCandidates.bylines(a);
        HeaderCandidates.Candidate byline = HeaderCandidates.chooseByline(bylines, header().byline());
        HeaderCandidates.Candidate date = HeaderCandidates.choose(HeaderCandidates.dates(a, bylines), header().date());
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        render(body(a), html, text);
        String plain = text.toString().strip();
        // The article's own text tells its language, as a saved page's and a Markdown piece's do; else the whole dump's guess.
        String written = Words.languageOf(Words.tokens(plain));
        String lang = written != null ? written : a.lang();
        return Extraction.of(title, byline == null ? null : byline.value(), date == null ? null : date.value(), site, lang, null, null,
                html.toString(), plain, WordCount.of(plain));
    }

    /** The article's text as {@link #extract} gives it, without reading its header. */
    String text(HeaderCandidates.Layout a) {
        StringBuilder text = new StringBuilder();
        render(body(a), new StringBuilder(), text);
        return text.toString().strip();
    }

    /**
     * The lines kept as the article's text, without the headline shown again among them, nor any other line of the header
     * (between the headline and the text) shown again: a dumper may print a photo's caption and credit over the article and
     * again beside the photo, and the copy inside the text is no more the article's than the first.
     */
    private static List<DumpLine> body(HeaderCandidates.Layout a) {
        List<DumpLine> body = new ArrayList<>();
        Set<String> header = new HashSet<>();
        for (int i = a.firstTitle() + 1; a.firstTitle() >= 0 && i < a.start(); i++) {
            header.add(a.lines().get(i).key());
        }
        for (int i = a.start(); i <= a.end(); i++) {
            if (a.kept()[i] && !TextHeader.isTitleRepeat(a.lines(), a.firstTitle(), i) && !header.contains(a.lines().get(i).key())) {
                body.add(a.lines().get(i));
            }
        }
        return body;
    }

    private HeaderCandidates.Models header() {
        return header != null ? header : HeaderCandidates.Models.shipped();
    }

    /** The headline printed: the title model's choice, or its runner-up when the pair model prefers it. */
    private HeaderCandidates.Candidate headline(HeaderCandidates.Layout a) {
        return TitlePairs.choose(a.titles(), titleModel(), titlePairs());
    }

    /** The pair model, read only over the title model it was fitted with. */
    private LineModel titlePairs() {
        return header().title() != null ? header().titlePairs() : null;
    }

    /** The model that chooses the headline printed; while the trainer fits the line model, which has none yet, the opener. */
    private LineModel titleModel() {
        return header().title() != null ? header().title() : header().opener();
    }

    /**
     * Where the article lies in a scored dump: headline, run, first line and kept lines; on a page with no article run, its
     * header read about {@link #region}'s line and no line kept; null when the dump has no line.
     */
    HeaderCandidates.Layout layout(Scored scored) {
        return layout(scored, CopyrightHolder.in(scored.lines));
    }

    /** {@link #layout(Scored)} with the page's copyright holder ({@link CopyrightHolder#in}) read already. */
    private HeaderCandidates.Layout layout(Scored scored, String holder) {
        List<DumpLine> lines = scored.lines;
        String lang = scored.lang;
        if (lines.isEmpty()) {
            return null;
        }
        int[] run = run(scored);
        int[] region = run != null ? run : anchor(lines);
        List<HeaderCandidates.Candidate> titles = TitleCandidates.of(lines, region[0], region[1], lang, holder);
        HeaderCandidates.Candidate opener = HeaderCandidates.choose(TitleCandidates.openers(titles), header().opener());
        int found = opener == null ? -1 : opener.line();
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
        int headerStart = titleAt < 0 ? Math.max(0, region[0] - 6)
                : headerInRun ? region[0] : TextHeader.lastRepeat(lines, titleAt, region[0]) + 1;
        int start = region[0];
        // A heading right above the first paragraph belongs to the article, once past the title; two or more stacked with no
        // text between are a list of teasers, each a headline of its own (a "More from …" box of headlines between the
        // standfirst and the text), and none is taken.
        while (start - 1 >= headerStart && lines.get(start - 1).heading && !TextHeader.isTitleRepeat(lines, titleAt, start - 1)
                && !TextHeader.isCredit(lines, start - 1, found, region[0])) {
            start--;
        }
        if (region[0] - start > 1) {
            start = region[0];
        }
        return new HeaderCandidates.Layout(lines, lang, found, titleAt, region[0], start, region[1],
                run != null ? kept(lines, start, region[1]) : new boolean[lines.size()], titles);
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

    /** The run of lines the article is taken from, first and last line, before its header is read; null when there is none. */
    int[] run(Scored scored) {
        return scored.lines.isEmpty() ? null : bestRun(scored.lines);
    }

    /**
     * Where the header is read about: the article run, or on a page with none (a picture, a video, a gallery: no line
     * the model takes for article text), the line it rates likeliest, whose header is read as a run's would be.
     */
    int[] region(Scored scored) {
        int[] run = run(scored);
        return run != null || scored.lines.isEmpty() ? run : anchor(scored.lines);
    }

    /** The line the model rates likeliest article text, headings aside, as a run of one line. */
    private static int[] anchor(List<DumpLine> lines) {
        int best = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).heading && (lines.get(best).heading || lines.get(i).probability > lines.get(best).probability)) {
                best = i;
            }
        }
        return new int[] {best, best};
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
