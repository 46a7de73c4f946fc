package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The headline of a text dump, chosen among scored candidates as {@link HeaderCandidates} chooses
 * byline and date: every line from {@value #WINDOW} lines above the article run to the end of its head,
 * and the run's first paragraph under the head (a run that opens with its headline has an empty head),
 * that could be a headline (words, not code, a date or a credit; at most 35 words) is a candidate, and
 * so is the first of the dump's own lines a reflowed line was joined from, each described by the named features
 * below: its shape, how much of the article's vocabulary it uses, where it stands relative to the
 * article, and what surrounds it (a byline under it, a list of teasers around it, a menu). A
 * choice model ({@link LineModel}, fitted by {@code LineModelTrainer}) gives each its probability
 * of being the article's headline, and the most probable is taken when it clears the model's
 * threshold. Two models choose among the same candidates: the opener ({@code opener-v1.json}),
 * whose headline closes the article's header and so decides where its text starts, fitted on the
 * pages with a true body, among the whole lines within TextHeader's window ({@link #openers}); and
 * the title ({@code title-v1.json}), the headline printed, fitted on every page with a true title,
 * the header-only ones too (where the article starts is not known there, so they cannot teach the
 * opener), among all of them.
 */
final class TitleCandidates {
    static final String RESOURCE = "title-v1.json";
    static final String OPENER_RESOURCE = "opener-v1.json";
    /**
     * The most probable candidate is taken whatever its probability: every article has a
     * headline, and a missing one costs the curator as much as a wrong one to mend.
     */
    static final double THRESHOLD = 0;

    /** How far above the article run candidates are read (TextHeader's rules look {@value TextHeader#TITLE_WINDOW} lines up). */
    static final int WINDOW = Integer.getInteger("gazette.titleWindow", 300);

    /** The longest line read as a headline. */
    private static final int MAX_WORDS = 35;

    static final List<String> FEATURES = List.of(
            "log_words",          // ln(1 + words)
            "few_words",          // one or two words: a label more often than a headline
            "words_over_16",      // words beyond sixteen: a standfirst or a paragraph more often
            "lead_overlap",       // share of its content words (stemmed) the article's first paragraphs use
            "body_overlap",       // share of its content words any kept paragraph of the run uses
            "subject_words",      // every content word is in many of the article's paragraphs, and more often than elsewhere
                                  // on the page: what a one- or two-word headline ("Hermitian matrix") looks like
            "capitalised",        // share of its words that start with a capital
            "shouting",           // in capitals throughout: section labels are
            "ends_period",        // ends with a full stop (not an ellipsis): a sentence
            "ends_colon_comma",   // ends with ":" or ",": a lead-in
            "prose",              // read as running prose by the line classifier
            "boilerplate",        // prose the page repeats: a blurb
            "truncated",          // a teaser cut off with an ellipsis
            "list_item",          // carries a bullet or a number
            "heading",            // set apart as a heading above prose
            "own_block",          // a blank line before it and after it
            "repeated_apart",     // the page shows it again outside a list of teasers (a breadcrumb, the headline twice)
            "header_below",       // a byline or dateline follows within a few lines: the headline's cluster
            "echoes",             // how many of the next lines show parts of it again (kicker and title split), up to two
            "headline_neighbours", // headline-shaped lines next to it (0-2): teaser lists are runs of headlines
            "card_run",           // heads one of a run of cards alike (headline, date, section)
            "in_menu",            // between or after menu entries in one block of lines
            "field_value",        // the value of a labelled field ("Author:" over it)
            "log_lines_to_body",  // ln(1 + lines between it and the article's first line)
            "nearest_above",      // the nearest candidate above the article run, within four lines, unless a byline is over it
            "under_credit",       // the line above it is a byline or dateline (the previous story's)
            "in_run",             // inside the run the article was taken from
            "run_opener",         // the run's first line, with a byline or date under it
            "under_headline",     // a headline-shaped line over it heads a cluster that reaches below it: a standfirst
            "longer_than_headline", // under_headline, and longer than that headline: standfirsts tell more than headlines
            "over_standfirst",    // the next line is no headline's length: eight words or more and half as many again as this one
            "digit_share",        // share of its words with digits: datelines in forms no date pattern reads, scores, prices
            "glued_words",        // share of its words with a capital inside after small letters ("HomeLatest NewsNollywood"):
                                  // menu entries and breadcrumbs dumped without the spaces between them
            "wide_gap",           // three spaces or more inside: columns of a preformatted header
            "field_labels",       // two or more "Label:" fields: a fact box
            "control_label",      // a few words opening with what a control does ("Share this", "Sign in")
            "breadcrumb",         // a trail of two steps or more ("Home > News > ...")
            "date_label",         // opens with "Published", "Updated", "Date"
            "credited",           // a short line crediting someone ("Analysis by Jane Doe")
            "copyright",          // carries ©
            "in_document_title",  // a longer line among the dump's first two holds it (a dumped <title>: "Headline | Site")
            "site_name",          // it carries the site's name after a separator, as a document title does
            "ends_with_neighbour", // ends with the whole text of a line of three words or more within three lines: that line
                                  // with something put in front ("News > Politics > Headline")
            "tail_of_neighbour",  // the whole text of it ends a longer line within three lines (the reverse)
            "label_and_value",    // a short "Label: value" field of five words or fewer ("Source: Agency", "来源：...")
            "in_run_alone",       // inside the run, shown once, and not the run's first line over a byline: a line of the article
            "short_not_subject",  // one or two words that are not the article's subject (see subject_words)
            "lines_to_body",      // lines between it and the article's first line, up to forty
            "header_not_cards",   // a byline or dateline follows and it heads no run of cards alike
            "furniture_shape",    // any of truncated, list item, ends with ":" or ",", ©, date label, credited, control label,
                                  // breadcrumb, wide gap, field labels, label and value: each rare, together the
                                  // shapes of page furniture, whose one weight the training pages can tell
            "p_body",             // the line model's probability that it is article text
            "interface_words",    // share of its words that label controls
            "rules_choice",       // the line TextHeader's rules take as the headline (their score over 0.9, the best)
            "rules_score",        // TextHeader's score for it, within -2 to 3 (-2 where the rules rule it out)
            "under_shorter_headline", // eight words or more under a shorter headline-shaped line (one of the two above) that shares
                                  // a content word with it: a standfirst under its headline, byline or none
            "copyright_holder",   // names the holder of the page's copyright notice, or the holder names it: the site's name
            "shown_often",        // the page shows it three times or more: notices ("Advertisement"), sections, the site's name
            "reflow_part",        // the first of the dump's own lines that the reflow of a carried-on sentence joined into the
                                  // line ("Headline" over "by Jane Doe", "1h ago": DumpLine.firstPhysical), a candidate of its own
            "far_above");         // further above the article run than TextHeader's rules look (TITLE_WINDOW, 40 lines): the
                                  // headline of a page whose run starts at its comments or a second story

    /**
     * The title model's own features, after {@link #FEATURES} in each candidate's vector: the opener's model has weights
     * for {@link #FEATURES} alone and never reads these, so what they teach about the headline printed cannot move where
     * the article starts (when the two models shared standfirst features, refitting the opener cost body F1).
     */
    static final List<String> TITLE_ONLY = List.of(
            "over_longer_line",   // the next line has eight words or more and more than it, and is no credit or date: a headline
                                  // over its standfirst or its article's first paragraph
            "under_shorter_line", // eight words or more under a shorter headline-shaped line, whatever their words: a standfirst
            "title_case_over",    // its share of capitalised words exceeds the next line's (four words or more) by 0.3: a headline in
                                  // title case over a standfirst in sentence case
            "piece_of_longer_line", // it is a whole piece of another line split at a separator (" | ", ": ", " - "): the document
                                  // title dumped ("Headline | Site"), a share label ("Share on Twitter: Headline")
            "long_words_capitalised", // share of its words of four letters or more that start with a capital: title case, not
                                  // a sentence's names
            "under_sentence",     // the line above is a sentence of twelve words or more (ends with . ! ?): a headline stands over
                                  // its standfirst, a caption or the next teaser under it
            "under_title_case",   // six words or more in sentence case (at most half its long words capitalised) under a line in
                                  // title case (three long words or more, four in five capitalised): a standfirst under its headline
            "shown_twice",        // the page shows it exactly twice: the headline and its document title or share label
            "label_over_headline", // three words or fewer over a longer headline-shaped line that a byline or dateline follows:
                                  // a kicker or section label over the headline
            "body_weight",        // the mean of ln(1 + paragraphs of the run that use it) over its content words (stemmed): how
                                  // much the article talks of what it names, which a headline's words are and a label's seldom
            "ends_full_stop",     // ends with a full stop of any script ("." but no ellipsis, "。", "．", "।", "။", "۔", "።"): a
                                  // sentence, which a caption, a standfirst or the lead is and a headline seldom; ends_period
                                  // reads the Latin stop alone, so what the Latin pages teach of it reaches the other scripts
            "not_headline",       // a shape a headline has not, any of: over half its letters outside the article run's main
                                  // script, Chinese, Japanese and Korean as one (a Latin menu entry or photo credit over an
                                  // Arabic or Burmese headline); a full stop of a script whose stop is not the Latin one, which
                                  // ends_period reads ("。", "．", "।", "။", "۔": a caption, a lead); a control verb that says
                                  // "here" or addresses the reader ("Click here for an exclusive shoot with ..."); a credit in
                                  // its first three words, whatever its length ("Analysis by Jane Doe, Senior Analyst"); a web
                                  // address ("IFRAME: https://...", a frame or link a text browser prints); the dump's first
                                  // line opening with "#" and a word, the list of the page's feeds and link relations a text
                                  // browser prints at the top ("#alternate Site » Feed"). Each
                                  // rare, together one weight the training pages can tell: as four features of their own they
                                  // gained as many titles of one truth set as they lost of the other (bench/HISTORY.md)
            "head_end",           // the line the run's head ends at, its first paragraph: a candidate of the title model alone
                                  // (openers), for a run that opens with the headline over the text (a reflow part of it too)
            "time_stamp",         // a short line that stamps a post with its time (LineFeatures.isStamp: "14K views 6 years
                                  // ago", another story's headline with its "2019.3.4 8:15"): a video's or a teaser's card
            "over_picture_label"); // the next line opens with a picture's label and a colon ("Foto: REUTERS, NTB", lang/*.json
                                  // caption_label): a caption over its credit, or a headline over a picture without one
    /** Every feature of a candidate: the opener reads the first {@code FEATURES.size()}, the title model all. */
    static final List<String> TITLE_FEATURES = Stream.concat(FEATURES.stream(), TITLE_ONLY.stream()).toList();

    /** A field label of one word and a colon opening the line. */
    private static final Pattern LABEL_VALUE = Pattern.compile("^[\\p{L}\\p{M}]{1,20}\\s?[:：]\\s*\\S");

    private TitleCandidates() {
    }

    /**
     * Every headline candidate for the article whose run goes from {@code runStart} to
     * {@code runEnd}, in line order; each candidate's value is the line without the site's name.
     */
    static List<HeaderCandidates.Candidate> of(List<DumpLine> lines, int runStart, int runEnd, String lang) {
        return of(lines, runStart, runEnd, lang, CopyrightHolder.in(lines));
    }

    /** {@link #of(List, int, int, String)} with the page's copyright holder ({@link CopyrightHolder#in}) read already. */
    static List<HeaderCandidates.Candidate> of(List<DumpLine> lines, int runStart, int runEnd, String lang, String holder) {
        TextHeader.TitleScores rules = TextHeader.titleScores(lines, runStart, runEnd, lang);
        TextHeader.RunWords vocabulary = rules.words();
        int headEnd = vocabulary.headEnd();
        int from = Math.max(0, runStart - WINDOW);
        Set<String> leadWords = vocabulary.lead();
        Map<String, Integer> bodyLines = vocabulary.bodyLines();
        Map<String, Integer> counts = vocabulary.counts();
        Map<String, Integer> elsewhere = vocabulary.elsewhere();
        int often = vocabulary.often();
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(2, lines.size()); i++) {
            top.add(lines.get(i).comparable());
        }
        int nearest = -1;
        for (int i = runStart - 1; i >= from && i >= runStart - 4; i--) {
            if (eligible(lines.get(i))) {
                nearest = i > 0 && TextHeader.isByOrDateline(lines, i - 1) ? -1 : i;
                break;
            }
            if (!TextHeader.isByOrDateline(lines, i) && lines.get(i).words > 3) {
                break;
            }
        }
        String holderKey = holder == null ? "" : Words.comparable(holder);
        Set<String> pieces = pieces(lines);
        // Each line's word shape, read once: a candidate reads its own and its neighbours'.
        Shape[] shapes = new Shape[lines.size()];
        int script = mainScript(lines, runStart, runEnd);
        Map<String, Integer> shown = new HashMap<>();
        for (DumpLine l : lines) {
            shown.merge(l.key(), 1, Integer::sum);
        }
        List<HeaderCandidates.Candidate> out = new ArrayList<>();
        for (int i = from; i <= headEnd && i < lines.size(); i++) {
            DumpLine whole = lines.get(i);
            DumpLine part = whole.firstPart();
            String site = null;
            boolean siteRead = false;
            for (DumpLine line : part == null || !whole.text.startsWith(part.text) ? List.of(whole) : List.of(whole, part)) {
                if (!eligible(line)) {
                    continue;
                }
                String t = line.text;
                Set<String> words = TextHeader.stems(line, lang);
                int inBody = 0;
                int inLead = 0;
                double weight = 0;
                boolean subject = !words.isEmpty();
                for (String w : words) {
                    weight += Math.log1p(bodyLines.getOrDefault(w, 0));
                    inBody += bodyLines.containsKey(w) ? 1 : 0;
                    inLead += leadWords.contains(w) ? 1 : 0;
                    subject &= bodyLines.getOrDefault(w, 0) >= often && bodyLines.get(w) > elsewhere.getOrDefault(w, 0);
                }
                Shape shape = line == whole ? shape(shapes, lines, i) : Shape.of(t);
                boolean header = TextHeader.headerBelow(lines, i, headEnd) >= 0;
                boolean repeated = counts.getOrDefault(line.key(), 0) > 1 && TextHeader.shownApart(lines, i, headEnd);
                int neighbours = (TextHeader.isHeadlineShaped(lines, i - 1) && !lines.get(i - 1).key().equals(line.key()) ? 1 : 0)
                        + (TextHeader.isHeadlineShaped(lines, i + 1) && !header ? 1 : 0);
                String comparable = line.comparable();
                boolean inDocumentTitle = false;
                for (int k = 0; k < top.size(); k++) {
                    inDocumentTitle |= k != i && top.get(k).length() > comparable.length() && HeaderCandidates.containsWords(top.get(k), comparable);
                }
                boolean cards = TextHeader.inCardRun(lines, i);
                // The furniture shapes, each read once: they are features of their own and, together, furniture_shape.
                boolean truncated = line.kind == Kind.TRUNCATED;
                boolean listItem = line.isListItem();
                boolean leadIn = t.endsWith(":") || t.endsWith(",") || t.endsWith("：") || t.endsWith("，");
                boolean copyright = t.indexOf('©') >= 0;
                boolean dateLabel = TextHeader.PUBLISHED.matcher(t).find();
                boolean credited = line.words <= 8 && TextHeader.CREDITED.matcher(t).find();
                boolean controlVerb = TextHeader.CONTROL_VERBS.contains(line.tokens.get(0));
                boolean control = line.words <= 4 && controlVerb;
                boolean breadcrumb = (t.indexOf('>') >= 0 || t.indexOf('»') >= 0 || t.indexOf('›') >= 0) && TextHeader.BREADCRUMB.matcher(t).find();
                boolean wideGap = t.contains("   ") && TextHeader.WIDE_GAP.matcher(t).find();
                boolean fieldLabels = fieldLabels(t);
                boolean labelValue = line.words <= 5 && LABEL_VALUE.matcher(t).find();
                boolean furniture = truncated || listItem || t.endsWith(":") || t.endsWith(",") || copyright || dateLabel || credited || control
                        || breadcrumb || wideGap || fieldLabels || labelValue;
                int above = headlineAbove(lines, i, headEnd);
                DumpLine next = i + 1 < lines.size() && !lines.get(i + 1).isCode() && !TextHeader.isByOrDateline(lines, i + 1) ? lines.get(i + 1) : null;
                if (!siteRead) {
                    // The site's name is read from the whole line, for it and its part alike; most lines hold no separator.
                    site = Headlines.mayHoldSeparator(whole.text) ? TextHeader.siteName(lines, i, runStart, runEnd, lang) : null;
                    siteRead = true;
                }
                String value = Headlines.withoutDrawn(site == null ? t : Headlines.withoutSiteName(t, site));
                // The shapes of not_headline, cheapest first.
                boolean notHeadline = endsOtherStop(t) || controlVerb
                        && (line.tokens.contains("here") || Words.readerAddressDensity(line.tokens, lang) > 0)
                        || opensWithCredit(t) || t.contains("://") || otherScript(t, script) > 0.5 || i == 0 && linkList(t);
                double[] x = {
                        Math.log1p(line.words),
                        line.words < 3 ? 1 : 0,
                        Math.max(0, line.words - 16),
                        words.isEmpty() ? 0 : (double) inLead / words.size(),
                        words.isEmpty() ? 0 : (double) inBody / words.size(),
                        subject ? 1 : 0,
                        shape.capitalisedShare(),
                        shouting(t) ? 1 : 0,
                        t.endsWith(".") && !t.endsWith("..") ? 1 : 0,
                        leadIn ? 1 : 0,
                        line.kind == Kind.PROSE ? 1 : 0,
                        line.kind == Kind.BOILERPLATE ? 1 : 0,
                        truncated ? 1 : 0,
                        listItem ? 1 : 0,
                        line.heading ? 1 : 0,
                        TextHeader.ownBlock(lines, i) ? 1 : 0,
                        repeated ? 1 : 0,
                        header ? 1 : 0,
                        Math.min(2, TextHeader.echoes(lines, i, headEnd, lang)),
                        neighbours,
                        cards ? 1 : 0,
                        TextHeader.inMenu(lines, i) ? 1 : 0,
                        TextHeader.isFieldValue(lines, i) ? 1 : 0,
                        Math.log1p(Math.abs(runStart - 1 - i)),
                        i == nearest ? 1 : 0,
                        i > 0 && TextHeader.isByOrDateline(lines, i - 1) ? 1 : 0,
                        i >= runStart ? 1 : 0,
                        i == runStart && header ? 1 : 0,
                        above >= 0 ? 1 : 0,
                        above >= 0 && lines.get(above).words < line.words ? 1 : 0,
                        i + 1 < lines.size() && lines.get(i + 1).words >= Math.max(8, 1.5 * line.words) && !lines.get(i + 1).isCode() ? 1 : 0,
                        digitShare(line.tokens),
                        (double) shape.glued() / shape.parts(),
                        wideGap ? 1 : 0,
                        fieldLabels ? 1 : 0,
                        control ? 1 : 0,
                        breadcrumb ? 1 : 0,
                        dateLabel ? 1 : 0,
                        credited ? 1 : 0,
                        copyright ? 1 : 0,
                        inDocumentTitle ? 1 : 0,
                        site != null ? 1 : 0,
                        endsWithNeighbour(lines, i, false) ? 1 : 0,
                        endsWithNeighbour(lines, i, true) ? 1 : 0,
                        labelValue ? 1 : 0,
                        i >= runStart && !repeated && !(i == runStart && header) ? 1 : 0,
                        line.words < 3 && !subject ? 1 : 0,
                        Math.min(TextHeader.TITLE_WINDOW, Math.abs(runStart - 1 - i)),
                        header && !cards ? 1 : 0,
                        furniture ? 1 : 0,
                        line.probability,
                        Words.interfaceDensity(line.tokens, lang),
                        i == rules.best() ? 1 : 0,
                        rulesScore(rules, i),
                        underShorterHeadline(lines, i, words, lang) ? 1 : 0,
                        !holderKey.isEmpty() && (HeaderCandidates.containsWords(comparable, holderKey) || HeaderCandidates.containsWords(holderKey, comparable)) ? 1 : 0,
                        shown.getOrDefault(line.key(), 0) >= 3 ? 1 : 0,
                        line != whole ? 1 : 0,
                        i < runStart - TextHeader.TITLE_WINDOW ? 1 : 0,
                        // TITLE_ONLY
                        next != null && next.words >= Math.max(8, line.words + 1) ? 1 : 0,
                        line.words >= 8 && TextHeader.isHeadlineShaped(lines, i - 1) && lines.get(i - 1).words < line.words ? 1 : 0,
                        next != null && next.words >= 4 && shape.capitalisedShare() - shape(shapes, lines, i + 1).capitalisedShare() >= 0.3 ? 1 : 0,
                        pieces.contains(comparable) ? 1 : 0,
                        shape.longWordsCapitalised(),
                        i > 0 && lines.get(i - 1).words >= 12 && endsSentence(lines.get(i - 1).text) ? 1 : 0,
                        i > 0 && line.words >= 6 && shape.longWordsCapitalised() <= 0.5 && shape(shapes, lines, i - 1).titleCase() ? 1 : 0,
                        shown.getOrDefault(line.key(), 0) == 2 ? 1 : 0,
                        line.words <= 3 && TextHeader.isHeadlineShaped(lines, i + 1) && lines.get(i + 1).words > line.words
                                && TextHeader.headerBelow(lines, i + 1, headEnd) >= 0 ? 1 : 0,
                        words.isEmpty() ? 0 : weight / words.size(),
                        t.endsWith(".") && !t.endsWith("..") || endsOtherStop(t) ? 1 : 0,
                        notHeadline ? 1 : 0,
                        i == headEnd ? 1 : 0,
                        LineFeatures.isStamp(line, lang) ? 1 : 0,
                        next != null && Captions.opensWithLabel(next.text) ? 1 : 0
                };
                out.add(new HeaderCandidates.Candidate(value, i, x));
            }
        }
        return out;
    }

    /**
     * The opener's candidates, by which the article is laid out: whole lines of the dump, not parts of one
     * ({@code reflow_part}), within TextHeader's window ({@code far_above}), above the run's first paragraph
     * ({@code head_end}). The title model's wider choice moves nothing else.
     */
    static List<HeaderCandidates.Candidate> openers(List<HeaderCandidates.Candidate> candidates) {
        return candidates.stream().filter(c -> c.features()[PART] == 0 && c.features()[FAR] == 0 && c.features()[HEAD_END] == 0).toList();
    }

    /** Whether the candidate is a part of its line, whose value is the headline as it stands, not its line's text. */
    static boolean isPart(HeaderCandidates.Candidate c) {
        return c.features()[PART] != 0;
    }

    private static final int PART = FEATURES.indexOf("reflow_part");
    private static final int FAR = FEATURES.indexOf("far_above");
    private static final int HEAD_END = TITLE_FEATURES.indexOf("head_end");

    /**
     * Whether a line could be a headline at all: words (most of its tokens have letters), at most
     * {@value #MAX_WORDS} of them, and not code, a date line, a byline or a caption running into its
     * credit ("...last week.Credit: Jane Doe"): a headline credits no photograph. Everything finer is
     * a feature the model weighs.
     */
    private static boolean eligible(DumpLine line) {
        return line.kind != Kind.CODE && line.kind != Kind.LISTING && line.words >= 1 && line.words <= MAX_WORDS
                && !line.tokens.isEmpty() && TextHeader.mostlyWords(line.text) && !TextHeader.isDateline(line)
                && !TextHeader.isBylineShaped(line) && !Captions.holdsCaption(line.text);
    }

    /**
     * Whether line {@code i}, of eight words or more, stands under a shorter headline-shaped line (one of the two
     * above) that shares a content word ({@code words}, stemmed) with it: a standfirst under its headline.
     */
    private static boolean underShorterHeadline(List<DumpLine> lines, int i, Set<String> words, String lang) {
        if (lines.get(i).words < 8) {
            return false;
        }
        for (int k = i - 1; k >= 0 && k >= i - 2; k--) {
            if (TextHeader.isHeadlineShaped(lines, k) && lines.get(k).words < lines.get(i).words
                    && TextHeader.stems(lines.get(k), lang).stream().anyMatch(words::contains)) {
                return true;
            }
        }
        return false;
    }

    /** A headline-shaped line up to three lines above that heads a byline or dateline cluster reaching below line {@code i}, or -1. */
    private static int headlineAbove(List<DumpLine> lines, int i, int end) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (TextHeader.isHeadlineShaped(lines, k) && TextHeader.headerBelow(lines, k, end) > i) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether line {@code i} ends with the whole text of a line of three words or more within three
     * lines, or with {@code reverse}, whether its own whole text ends such a longer line.
     */
    private static boolean endsWithNeighbour(List<DumpLine> lines, int i, boolean reverse) {
        String t = lines.get(i).text;
        for (int j = Math.max(0, i - 3); j <= Math.min(lines.size() - 1, i + 3); j++) {
            String other = lines.get(j).text;
            String longer = reverse ? other : t;
            String shorter = reverse ? t : other;
            if (j != i && longer.length() > shorter.length() && longer.endsWith(shorter) && (reverse ? lines.get(i) : lines.get(j)).words >= 3) {
                return true;
            }
        }
        return false;
    }

    private static double rulesScore(TextHeader.TitleScores rules, int i) {
        int k = i - rules.from();
        double score = k >= 0 && k < rules.scores().length ? rules.scores()[k] : Double.NEGATIVE_INFINITY;
        return Math.max(-2, Math.min(3, score));
    }

    /** A separator between the parts of a document title or a label and its value. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·»/:]+\\s+|[:：]\\s+");

    /**
     * The comparable text of every piece, of two words or eight characters or more, of the lines that hold a separator
     * ({@link #SEPARATOR}), split there.
     */
    private static Set<String> pieces(List<DumpLine> lines) {
        Set<String> out = new HashSet<>();
        for (DumpLine l : lines) {
            String t = l.text;
            if (t.indexOf(" | ") < 0 && t.indexOf(": ") < 0 && t.indexOf(" - ") < 0 && t.indexOf(" – ") < 0 && t.indexOf(" — ") < 0
                    && t.indexOf('：') < 0 && t.indexOf(" · ") < 0 && t.indexOf(" » ") < 0 && t.indexOf(" / ") < 0) {
                continue; // scans in the JDK's vector code: a loop over the characters of every line costs more
            }
            for (String piece : SEPARATOR.split(t)) {
                String c = Words.comparable(piece);
                if (c.length() >= 8 || c.indexOf(' ') >= 0 && c.length() > 3) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The most letters of the article run read to find its main script: enough to tell, cheap on a long run. */
    private static final int SCRIPT_SAMPLE = 2000;

    /**
     * The script most of the letters of lines {@code from} to {@code to} are written in ({@link #scriptOf}), read from
     * their first {@value #SCRIPT_SAMPLE} letters; -1 when they have none.
     */
    static int mainScript(List<DumpLine> lines, int from, int to) {
        Map<Integer, Integer> letters = new HashMap<>();
        int read = 0;
        for (int i = Math.max(0, from); i <= Math.min(to, lines.size() - 1) && read < SCRIPT_SAMPLE; i++) {
            String t = lines.get(i).text;
            for (int k = 0; k < t.length() && read < SCRIPT_SAMPLE; ) {
                int c = t.codePointAt(k);
                k += Character.charCount(c);
                int script = scriptOf(c);
                if (script >= 0) {
                    letters.merge(script, 1, Integer::sum);
                    read++;
                }
            }
        }
        int best = -1;
        int most = 0;
        for (Map.Entry<Integer, Integer> e : letters.entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey() < best) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** The share of the text's letters outside {@code script} (0 when it has none, or the run has no script). */
    static double otherScript(String t, int script) {
        if (script < 0) {
            return 0;
        }
        int letters = 0;
        int other = 0;
        for (int k = 0; k < t.length(); ) {
            int c = t.codePointAt(k);
            k += Character.charCount(c);
            int s = scriptOf(c);
            if (s >= 0) {
                letters++;
                other += s != script ? 1 : 0;
            }
        }
        return letters == 0 ? 0 : (double) other / letters;
    }

    /**
     * The script of a letter, Chinese, Japanese and Korean as one (Japanese writes kanji among its kana, Korean now and
     * then hanja among hangul), or -1 for what is no letter.
     */
    static int scriptOf(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? Character.UnicodeScript.LATIN.ordinal() : -1;
        }
        if (!Character.isLetter(c)) {
            return -1;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return switch (s) {
            case HIRAGANA, KATAKANA, HANGUL -> Character.UnicodeScript.HAN.ordinal();
            case COMMON, INHERITED, UNKNOWN -> -1;
            default -> s.ordinal();
        };
    }

    /** Full stops of the scripts that end a sentence with one other than the Latin: CJK, Devanagari, Burmese, Arabic (Urdu), Ethiopic. */
    private static final String FULL_STOPS = "。．｡।॥။۔።";

    /**
     * Whether the text opens with "#" and a word, as a text browser prints the page's {@code <link>} elements (their
     * titles or relations: "#alternate Site » Feed") on a dump's first line; not "# Heading" nor "##".
     */
    private static boolean linkList(String t) {
        return t.length() > 1 && t.charAt(0) == '#' && t.charAt(1) != '#' && !Character.isWhitespace(t.charAt(1));
    }

    /** Whether the text ends with a full stop other than the Latin ({@link #FULL_STOPS}), before any closing quote, and no ellipsis. */
    static boolean endsOtherStop(String t) {
        int k = t.length() - 1;
        while (k > 0 && "\"'”’»)」』）".indexOf(t.charAt(k)) >= 0) {
            k--;
        }
        return k >= 0 && FULL_STOPS.indexOf(t.charAt(k)) >= 0 && !(k > 0 && FULL_STOPS.indexOf(t.charAt(k - 1)) >= 0);
    }

    /**
     * A credit ("by Jane Doe", with the byline words of {@code lang/*.json}: {@link TextHeader#CREDITED}) opening within a
     * line's first three words: the pattern is tried where each letter of those words stands (it sees the characters
     * before), not searched through the line, which most candidates would cost whole.
     */
    static boolean opensWithCredit(String t) {
        if (t.length() < 6) {
            return false;
        }
        Matcher m = TextHeader.CREDITED.matcher(t).useTransparentBounds(true);
        int words = 0; // words ended before k
        for (int k = 0; k < t.length() && words <= 2; k++) {
            char c = t.charAt(k);
            if (Character.isWhitespace(c)) {
                words += k > 0 && !Character.isWhitespace(t.charAt(k - 1)) ? 1 : 0;
            } else if (Character.isLetter(c) && (k == 0 || !isWordChar(t.charAt(k - 1))) && m.region(k, t.length()).lookingAt()) {
                return true; // tried where the pattern's opening \b can hold: not after a letter, digit or "_"
            }
        }
        return false;
    }

    /** A character after which a word boundary cannot fall before a letter. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether the text ends a sentence: a full stop, question or exclamation mark, before any closing quote. */
    private static boolean endsSentence(String t) {
        int k = t.length() - 1;
        while (k > 0 && "\"'”’»)".indexOf(t.charAt(k)) >= 0) {
            k--;
        }
        return k >= 0 && ".!?。！？".indexOf(t.charAt(k)) >= 0 && !t.endsWith("..");
    }

    /** Whether every letter is a capital (true when there is none): a line in capitals throughout. */
    private static boolean shouting(String t) {
        for (int k = 0; k < t.length(); ) {
            int c = t.codePointAt(k);
            k += Character.charCount(c);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** The shape of line {@code i}'s words, read once per page into {@code shapes}. */
    private static Shape shape(Shape[] shapes, List<DumpLine> lines, int i) {
        if (shapes[i] == null) {
            shapes[i] = Shape.of(lines.get(i).text);
        }
        return shapes[i];
    }

    /**
     * The words of a text as {@code text.split("\\s+")} gives them ({@code parts}, an empty first one when the text opens
     * with white space), and how many of them start with a capital, are two words glued ({@link #isGlued}), have four
     * letters or more ({@link #isLong}) and, of those, start with a capital: read in one pass, without splitting.
     */
    record Shape(int parts, int capitalised, int glued, int longWords, int longCapitalised) {
        static Shape of(String t) {
            int parts = 0;
            int capitalised = 0;
            int glued = 0;
            int longWords = 0;
            int longCapitalised = 0;
            int pendingEmpty = 0; // empty parts between leading white space and the next word: kept only when a word follows
            int k = 0;
            int n = t.length();
            if (n == 0) {
                return new Shape(1, 0, 0, 0, 0); // split gives the empty text back whole
            }
            if (isSplitSpace(t.charAt(0))) {
                pendingEmpty = 1;
                while (k < n && isSplitSpace(t.charAt(k))) {
                    k++;
                }
            }
            while (k < n) {
                int start = k;
                while (k < n && !isSplitSpace(t.charAt(k))) {
                    k++;
                }
                parts += pendingEmpty + 1;
                pendingEmpty = 0;
                capitalised += Character.isUpperCase(t.charAt(start)) ? 1 : 0;
                glued += isGlued(t, start, k) ? 1 : 0;
                if (isLong(t, start, k)) {
                    longWords++;
                    longCapitalised += Character.isUpperCase(t.codePointAt(start)) ? 1 : 0;
                }
                while (k < n && isSplitSpace(t.charAt(k))) {
                    k++;
                }
            }
            return new Shape(parts, capitalised, glued, longWords, longCapitalised);
        }

        /** Share of the words that start with a capital. */
        double capitalisedShare() {
            return (double) capitalised / parts;
        }

        /** Share of the words of four letters or more that start with a capital (0 when there is none). */
        double longWordsCapitalised() {
            return longWords == 0 ? 0 : (double) longCapitalised / longWords;
        }

        /** In title case: three words of four letters or more, four in five of them capitalised. */
        boolean titleCase() {
            return longWords >= 3 && longWordsCapitalised() >= 0.8;
        }
    }

    /** White space as the regex \\s reads it. */
    private static boolean isSplitSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Four letters or more in {@code word[from, to)}: a word that title case capitalises, not a short function word ("of", "and", "the"). */
    private static boolean isLong(String word, int from, int to) {
        int letters = 0;
        for (int k = from; k < to && letters < 4; k++) {
            letters += Character.isLetter(word.charAt(k)) ? 1 : 0;
        }
        return letters >= 4;
    }

    /** Share of the words with a digit. */
    private static double digitShare(List<String> words) {
        int n = 0;
        for (String w : words) {
            for (int k = 0; k < w.length(); k++) {
                if (Character.isDigit(w.charAt(k))) {
                    n++;
                    break;
                }
            }
        }
        return words.isEmpty() ? 0 : (double) n / words.size();
    }

    /** Two or more "Label:" fields: a letter, then a colon and white space or the end, or a full-width colon. */
    private static boolean fieldLabels(String t) {
        int n = 0;
        for (int k = 1; k < t.length() && n < 2; k++) {
            char c = t.charAt(k);
            if (c != ':' && c != '：' || !Character.isLetter(t.codePointBefore(k))) {
                continue;
            }
            if (c == '：' || k + 1 == t.length() || " \t\n\u000B\f\r".indexOf(t.charAt(k + 1)) >= 0) {
                n++;
            }
        }
        return n >= 2;
    }

    /** A small letter, a capital and a small letter in a row inside a word, after a small letter: two words written together. */
    private static boolean isGlued(String word, int from, int to) {
        for (int k = from; k + 3 < to; k++) {
            if (Character.getType(word.charAt(k)) == Character.LOWERCASE_LETTER && Character.getType(word.charAt(k + 1)) == Character.LOWERCASE_LETTER
                    && Character.getType(word.charAt(k + 2)) == Character.UPPERCASE_LETTER
                    && Character.getType(word.charAt(k + 3)) == Character.LOWERCASE_LETTER) {
                return true;
            }
        }
        return false;
    }
}
