package dev.gazette.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The byline and the date of a text dump, each chosen among scored candidates. Every line that
 * credits someone in so many words ("By ...", "Author: ...", "Posted by ... on ..."), every
 * name-shaped line near the headline (two to four capitalised words), and every name after a
 * date or time written in figures ("2019-11-20 17:27 Jane Doe"), is a byline candidate;
 * every date any line writes (in {@link DateParser}'s forms) is a date candidate. Each is
 * described by the named features below, which say where it stands relative to the headline and
 * the article and what surrounds it, never what a site calls it; a model fitted to choose the
 * right candidate among a page's (a conditional logit whose scores are calibrated into a
 * logistic {@link LineModel}, weights in {@code byline-v1.json} and {@code date-v1.json}, fitted
 * by {@code LineModelTrainer.fitChoice}) gives each its probability of being the article's, and the most
 * probable one is taken when it clears the model's threshold, one half: a wrong byline or date
 * costs as much as a right one gains (see {@code LineModelTrainer.fitHeader}).
 */
final class HeaderCandidates {
    static final String BYLINE_RESOURCE = "byline-v1.json";
    static final String DATE_RESOURCE = "date-v1.json";

    /**
     * Where the article lies in the dump, as {@link TextExtractor} found it: the headline that opens
     * its header ({@code titleAt}, -1 when none, chosen by the opener model) and its first showing, the
     * run the body was taken from ({@code runStart} to {@code end}), the first line of the article under
     * its header ({@code start}), which lines are kept as its text, and the headline candidates
     * ({@code titles}), among which the title model chooses the headline printed.
     */
    record Layout(List<DumpLine> lines, String lang, int titleAt, int firstTitle, int runStart, int start, int end, boolean[] kept,
                  List<Candidate> titles) {
    }

    /** A byline or date read from line {@code line}, with its features in the model's order. */
    record Candidate(String value, int line, double[] features) {
    }

    /**
     * The models that choose among their candidates: {@code opener}, the headline over which the
     * article starts (fitted on pages with a true body, whose start it decides); {@code title}, the
     * headline printed (fitted on every page with a true title, header-only ones too: choosing it
     * moves nothing else); the byline and the date; {@code titlePairs}, which of the title model's two most probable
     * candidates is the headline ({@link TitlePairs}; none: the most probable).
     */
    record Models(LineModel opener, LineModel title, LineModel byline, LineModel date, LineModel titlePairs) {
        Models(LineModel opener, LineModel title, LineModel byline, LineModel date) {
            this(opener, title, byline, date, null);
        }

        /** The shipped ones. */
        static Models shipped() {
            return Shipped.MODELS;
        }
    }

    private static final class Shipped {
        static final Models MODELS = new Models(LineModel.load(TitleCandidates.OPENER_RESOURCE, TitleCandidates.FEATURES),
                LineModel.load(TitleCandidates.RESOURCE, TitleCandidates.TITLE_FEATURES),
                LineModel.load(BYLINE_RESOURCE, BYLINE_FEATURES), LineModel.load(DATE_RESOURCE, DATE_FEATURES),
                LineModel.load(TitlePairs.RESOURCE, TitlePairs.FEATURES));
    }

    /** Where a candidate stands, shared by both kinds (see {@link #position}). */
    private static final List<String> POSITION = List.of(
            "after_title",       // between the headline (its first showing) and the article's first line
            "above_title",       // above the headline
            "in_article",        // within the run of lines the article was taken from
            "after_article",     // below it
            "log_lines_to_body", // ln(1 + lines between it and the article's first line)
            "log_lines_to_title", // ln(1 + lines between it and the headline; 1000 when none was found)
            "kept",              // the line is kept as article text
            "p_body",            // the line model's probability that the line is article text
            "own_block",         // a blank line before it and after it
            "list_item",         // carries a bullet or number
            "interface_words");  // share of its words that label controls ("Share", "Follow", "Menu")

    static final List<String> BYLINE_FEATURES = concat(List.of(
            "label",             // the line opens with a credit label: a byline word of some language ("By", "Von", "Par":
                                 // lang/*.json byline) or "Author:"
            "by_inside",         // "... by Name" further into the line ("Posted by", "Story by")
            "bare_name",         // none of these: a name-shaped run of two to four capitalised words opening the line
            "name_alone",        // the line (after its label) holds the name and nothing else
            "name_words",        // words in the name
            "log_line_words",    // ln(1 + words of the line)
            "separator_after",   // the name is followed by , | • · @ (a role, an outlet, a handle)
            "date_near",         // this line or one within two lines writes a date (datelines sit by bylines)
            "name_in_title",     // share of the name's words the headline uses (a subject, not an author); a name in a script
                                 // without spaces: whether the headline holds it; 0 when the headline's line is the credit alone
            "name_in_body",      // the name appears in a kept line of the article (a subject quoted, not an author)
            "log_name_elsewhere", // ln(1 + other lines that show the name): author boxes repeat it, menus and teasers too
            "bare_capitals",     // a name with no credit label written in capitals throughout: section labels are,
                                 // while "By JANE DOE" is a credit however it is set (a script without case has none)
            "log_block_lines",   // ln(1 + lines of its block, between blank lines): menus and tag lists are long blocks of names
            "slash_credit",      // a slash joins the name to another ("Jane Doe/Getty Images"): a photo credit
            "common_words",      // share of the name's capitalised words that are function or interface words ("Share This", "More News")
            "dateline",          // the line that names it writes a date too ("Jane Doe | Oct. 5, 2018", "2019-11-20 17:27 Jane Doe")
            "log_words_before", // ln(1 + words before the credit word of "... by Name": "Posted by" has one, a teaser headline ten
            // The shapes of credits that are no capitalised name (Bylines):
            "handle",            // a handle, alone or after a credit word ("@jdoe", "Posted by u/jdoe")
            "uncapitalised",     // after a credit word, a name with a word in lower case ("By Cindy mangomini", "... by jdoe")
            "lone_word",         // one capitalised word alone on its line by a dateline ("Paul", "EvilSpark"; sections too)
            "spaceless_alone",   // a name in a script without capitals alone on its line by a dateline ("島津健吾"), or opening one
                                 // ("松村太郎2019年04月13日 09時00分")
            "bracketed",         // a credit in brackets, the whole line ("[山田太郎，Tech Desk]", "《KT》")
            "comma_list",        // the names of a credit listed by commas alone ("By Jane Doe, John Roe"; Bylines.commaList), or a
                                 // line that lists three names or more and nothing else (a paper's authors; Bylines.nameList)
            "function_first",    // the name opens with a capitalised function word, a given name that is also a word ("Will
                                 // Carter", "May Ng") or a label's article ("The Guardian")
            "closing_field",     // the name closes a short line after a separator or a date, the field before it a section or an
                                 // outlet ("Politik · Anna Berg, Tom Lind", "Health Desk 9/21/2016 Maria Lopez")
            "lower_elsewhere",   // share of the name's words that other lines of the page write in lower case: words of the
                                 // language ("Report Save", "Last Update", "Music Features"), where a person's name keeps its capitals
            "log_credits_near"), // ln(1 + labelled credits of other names within a few lines): a list of teasers credits each
                                 // story ("By A" under one headline, "By B" under the next), the article's credit stands alone
            POSITION);

    static final List<String> DATE_FEATURES = concat(List.of(
            "form_iso",          // 2019-11-18
            "form_month_name",   // Nov. 18, 2019 / 18. November 2019
            "form_year_first",   // 2018年6月18日 / 2019.11.18 / 2019/11/18
            "form_numeric",      // 18.11.2019 / 11/18/2019
            "time",              // the line writes a time of day too (12:05)
            "log_line_words",    // ln(1 + words of the line): datelines are short, dates in prose are in passing
            "short_line",        // twelve words or fewer
            "label_published",   // "Published", "Posted", "Veröffentlicht" ... (lang/*.json date_published)
            "label_updated",     // "Updated", "Aktualisiert", "Mis à jour" ... (lang/*.json date_updated)
            "byline_near",       // a line that credits an author in so many words is within two lines
            "log_date_elsewhere", // ln(1 + other lines that write the same day)
            "earlier_share",     // share of the page's other dates that are earlier (publication precedes updates and comments)
            "first_from_title",  // the first date written at or below the headline
            "copyright"),        // the line carries © or "copyright": a year of rights, not of publication
            POSITION);

    private static final int SEPARATOR_AFTER = BYLINE_FEATURES.indexOf("separator_after");

    /** "Posted by Jane Doe", "| Par Jeanne Martin": a byline word of any known language further into a line. */
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** The closing words of a list of names in the languages known here (lang/*.json list_and), quoted for a pattern. */
    private static final String LIST_AND = String.join("|", Language.listClosingWords().stream().map(Pattern::quote).toList());
    /** The word that joins a list's last name to it, opening the name ("and Ann Poe"). */
    private static final Pattern LIST_WORD = Pattern.compile("^(?:" + LIST_AND + "|&)\\s+");
    /** The word that closes a list of names ("A, B and C"), in the languages known here (lang/*.json list_and), or "&". */
    private static final Pattern CLOSING = Pattern.compile("(?:^|\\s)(?:" + LIST_AND + "|&)\\s");
    /** "(with John Roe and Ann Poe)" after a credited name, with the words of lang/*.json list_with. */
    private static final Pattern COAUTHORS = Pattern.compile("\\s*\\((?i:(" + String.join("|",
            Language.listWithWords().stream().map(Pattern::quote).toList()) + "))\\s+([^()]{3,160})\\)");
    /** What separates the names of a list: a comma or its closing word. */
    static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*(?:(?:" + LIST_AND + "|&)\\s+)?|\\s+(?:" + LIST_AND + "|&)\\s+");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
    private static final Pattern PUBLISHED = wordsPattern(Language.datePublishedWords());
    private static final Pattern UPDATED = wordsPattern(Language.dateUpdatedWords());
    /** The longest line a date candidate is read from: datelines, even with a byline in them, are short. */
    private static final int MAX_DATELINE_WORDS = 40;
    /** A date or time written in figures before a name ("2019-11-20 17:27 Jane Doe"): a dateline's credit. */
    private static final Pattern FIGURES_FIRST = Pattern.compile("^\\d[\\d:./-]*(?:\\s+\\d[\\d:./-]*)*(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*[|•·])?\\s+(?=\\p{Lu})");
    /** What parts a dateline into fields: "Jane Doe · Outlet · Posted: ...", "Jane Doe / Agency / Updated: ...", "Jane Doe/May 5, 2019". */
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*[|•·/]\\s*");
    /** What stands between a dateline's name and its date: separators, the word that introduces a date ("on", "am", "le"). */
    private static final Pattern DATELINE_GLUE = Pattern.compile("(?:\\s*[,|•·/:–—-]|\\s+(?iu:" + Language.alternation(Language.dateOnWords())
            + "))*\\s*$");
    /** The longest dateline whose first field is read as its credit ("Jane Doe · Outlet · Posted: Oct 14, 2022 9:27 AM | Updated ..."). */
    private static final int MAX_FIELDED_DATELINE_WORDS = 30;
    /** Words of the page's languages that label a date ("Published", "Mis à jour"). */
    private static final Pattern DATE_WORDS = wordsPattern(concat(Language.datePublishedWords(), Language.dateUpdatedWords()));
    /**
     * Where a dumper glued two blocks into one word ("Howard BlumeStaff Writer", "Gina TrapaniCEO", "Paul WisemanFatima
     * Hussein"): a capital after a capitalised word's run of three or more lower-case letters. A name's own inner capitals
     * follow a prefix of at most three letters (McDonald, DeVos, MacKenzie, LaBeouf).
     */
    private static final Pattern GLUED = Pattern.compile("(\\p{Lu}\\p{Ll}{3,})(?=\\p{Lu})");
    /**
     * Where a role or title follows a name without a separator ("Sam Stein  Senior Politics Editor", "홍길동 기자"): a word
     * of lang/*.json role after at least one other word.
     */
    private static final Pattern ROLE = Pattern.compile("(?<=\\S)\\s{1,9}(?:" + String.join("|",
            Language.roleWords().stream().sorted().map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{M}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The role words as {@link #ROLE} compares them, code points folded (upper, then lower case), by their first. */
    private static final Map<Integer, List<int[]>> ROLE_BY_FIRST = Language.roleWords().stream()
            .map(w -> w.codePoints().map(Words::folded).toArray())
            .collect(Collectors.groupingBy(w -> w[0]));
    /** The keys of {@link #ROLE_BY_FIRST}. */
    private static final BitSet ROLE_FIRSTS = new BitSet();

    static {
        ROLE_BY_FIRST.keySet().forEach(ROLE_FIRSTS::set);
    }
    /**
     * A name in a script without capitals (Chinese, Japanese, Korean), after a credit label ("著者：後藤大地", "投稿者 高木浩光"):
     * two to twelve of its letters, a space or a middle dot between family and given name allowed, up to a separator,
     * a space or the end of the credit.
     */
    private static final Pattern SPACELESS_NAME = Pattern.compile(
            "^[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー・]{0,6}"
                    + "(?:[ 　][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー・]{1,6})?(?=$|[\\s\\p{P}\\p{S}])");
    /** The most words {@code name_words} counts: a longer name is a list of many ("Havell Markus, Jun Zhao, ..."), and counts as long. */
    private static final int MAX_NAME_WORDS = 12;
    /** The longest line whose closing field is read as a name ({@link #closingField}): a dateline's or a credit's fields. */
    private static final int MAX_CLOSING_FIELD_LINE_WORDS = 12;
    /** What may stand between a closing field and the separator or figure before it. */
    private static final Pattern FIELD_GLUE = Pattern.compile("^[\\s,:;.–—-]+");
    /** How far above the headline and below the article's start name-shaped lines are considered (anywhere after a dateline's figures). */
    private static final int NAME_WINDOW_ABOVE = 10;
    private static final int NAME_WINDOW_BELOW = 15;

    private HeaderCandidates() {
    }

    /** The candidate the model finds most probable, when it clears the model's threshold; ties go to the earlier line. */
    static Candidate choose(List<Candidate> candidates, LineModel model) {
        Candidate best = null;
        double bestP = -1;
        for (Candidate c : candidates) {
            double p = model.probability(c.features);
            if (p > bestP) {
                best = c;
                bestP = p;
            }
        }
        return best != null && bestP >= model.threshold() ? best : null;
    }

    /**
     * The byline: the candidate {@link #choose} takes, or the list of names it opens when the list, read from the same line,
     * clears the threshold too ("By Jane Doe, John Roe" is read as both): two readings of one printed credit, of which the
     * list is what the line prints. The weight that parts them ({@code comma_list}) is learned from the few pages with a list.
     */
    static Candidate chooseByline(List<Candidate> candidates, LineModel model) {
        Candidate best = choose(candidates, model);
        if (best == null) {
            return null;
        }
        for (Candidate c : candidates) {
            if (c.line() == best.line() && c.value().length() > best.value().length() && c.value().startsWith(best.value())
                    && c.value().charAt(best.value().length()) == ',' && model.probability(c.features()) >= model.threshold()) {
                return c;
            }
        }
        return best;
    }

    /** Every byline candidate of the dump, in line order. */
    static List<Candidate> bylines(Layout a) {
        List<DumpLine> lines = a.lines;
        int top = a.titleAt >= 0 ? Math.min(a.firstTitle, a.start) : a.start;
        int from = Math.max(0, top - NAME_WINDOW_ABOVE);
        int to = Math.min(lines.size() - 1, a.start + NAME_WINDOW_BELOW);
        List<Candidate> out = new ArrayList<>();
        int[] blockLines = new int[lines.isEmpty() ? 0 : lines.get(lines.size() - 1).block + 1];
        lines.forEach(l -> blockLines[l.block]++);
        for (int i = 0; i < lines.size(); i++) {
            DumpLine line = lines.get(i);
            String t = line.text;
            // A long line is read only when it lists names and nothing else, or opens with a credit word (a text browser joins
            // a credit to the caption or paragraph under it: "By Jane Doe Published in ... COLLISION COURSE: ..."); a line
            // read as code only when it is a credit in brackets ("[山田太郎，Tech Desk]" reads as an array).
            String nameList = line.words > 30 ? Bylines.nameList(t) : null;
            if (line.words > 30 && nameList == null && !TextHeader.isBylineShaped(line) || line.isCode() && !Bylines.bracketed(t)) {
                continue;
            }
            int kind;
            String name;
            String credited;
            // The patterns are tried only where they may match: the line's own byline shape is read once per line.
            String undoubled = Bylines.undoubled(t);
            Matcher by = undoubled != t || TextHeader.isBylineShaped(line) ? TextHeader.BYLINE.matcher(undoubled) : null;
            Matcher label = TextHeader.mayBeLabelled(t) ? TextHeader.AUTHOR_LABEL.matcher(t) : null;
            Matcher inside = null;
            int before = 0;
            int shape = Bylines.NONE;
            String loose = null;
            if (by != null && by.matches()) {
                kind = 0;
                credited = by.group(1).isBlank() && i + 1 < lines.size() ? lines.get(i + 1).text : by.group(1);
            } else if (label != null && label.matches()) {
                kind = 1;
                credited = label.group(1).isBlank() && i + 1 < lines.size() ? lines.get(i + 1).text : label.group(1);
            } else if ((line.words <= 20 || line.words <= 30 && !line.dates().isEmpty())
                    && ((inside = Bylines.creditInside(t)) != null || (loose = Bylines.looseInside(line, a.lang)) != null)) {
                // A credit inside a line of prose is in passing; a dateline carries its credit after its dates.
                kind = 2;
                credited = loose != null ? loose : inside.group(1);
                before = Words.tokens(t.substring(0, loose != null ? t.lastIndexOf(loose) : inside.start())).size() - (loose != null ? 1 : 0);
                shape = loose != null ? Bylines.UNCAPITALISED : Bylines.NONE;
            } else if (i + 1 < lines.size() && Bylines.endsWithCredit(line)) {
                kind = 2; // "Posted by" over the name
                credited = lines.get(i + 1).text;
                before = line.tokens.size() - 1;
            } else {
                kind = 3;
                boolean figuresFirst = !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9';
                credited = figuresFirst ? FIGURES_FIRST.matcher(t).replaceFirst("") : t;
            }
            // Past the window, a credit in brackets may close the article ("《KT》").
            boolean pastWindow = kind == 3 && credited.equals(t) && (i < from || i > to);
            if (pastWindow && !(i > a.end && i <= a.end + 3)) {
                continue;
            }
            boolean lineAlone = kind == 3 && credited.equals(t); // the line's own text, no label and no figures cut from it
            credited = credit(credited);
            if (kind == 3) {
                // The line's own text is read once for a name (the header's rules ask too); a credit cut from it is read here.
                boolean whole = credited.equals(t);
                String run = whole ? TextHeader.nameOf(line) : TextHeader.nameOf(credited);
                // A longer line is read for a name only when a role follows it ("Jane Doe Senior Politics Editor, Outlet ..."):
                // a text browser joins a credit to what follows it.
                boolean fewWords = (whole ? line.words : Words.tokens(credited).size()) <= 8;
                name = TextHeader.bareNameOf(fewWords || lineAlone && roleFollows(t, run) ? run : null);
                name = name != null ? name : twoNames(run);
                name = name != null ? name : nameBeforeDate(line, a.lang);
                Bylines.Shaped alone = name == null && whole ? Bylines.alone(lines, i, a.lang) : null;
                if (alone != null && (!pastWindow || alone.shape() == Bylines.BRACKETED)) {
                    name = alone.name();
                    shape = alone.shape();
                }
                if (pastWindow && shape != Bylines.BRACKETED) {
                    continue;
                }
                if (lineAlone) {
                    // Further credits the line's text may hold: the list it is ("A B, C D, E F"), the name that closes it.
                    List<String> more = new ArrayList<>(2);
                    String list = nameList != null ? nameList : line.words <= 30 ? Bylines.nameList(t) : null;
                    if (list != null && !list.equals(name)) {
                        more.add(list);
                    }
                    String closing = closingField(line, lines, i, a.lang);
                    if (closing != null && !closing.equals(name) && !more.contains(closing)) {
                        more.add(closing);
                    }
                    double[] where = more.isEmpty() ? null : position(a, i);
                    for (String other : more) {
                        out.add(new Candidate(other, i, concat(bylineFeatures(a, i, kind, other, t.strip(), blockLines, before, Bylines.NONE,
                                other.equals(list), other.equals(closing)), where)));
                    }
                }
                if (name == null) {
                    continue;
                }
            } else if (shape == Bylines.UNCAPITALISED) {
                name = credited;
            } else {
                name = namesOf(credited);
                Bylines.Shaped other = name == null ? Bylines.afterLabel(credited, a.lang) : null;
                if (other != null) {
                    name = other.name();
                    shape = other.shape();
                }
            }
            // A long line's opening credit is a person's name of two to four words or a list of them, not "By Sunday, ...".
            boolean longOpening = line.words > 30 && nameList == null;
            if (name == null || Bylines.spansSentences(name) || longOpening && TextHeader.bareNameOf(name) == null && !name.contains(",")) {
                continue;
            }
            double[] where = position(a, i);
            out.add(new Candidate(name, i, concat(bylineFeatures(a, i, kind, name, credited.strip(), blockLines, before, shape, false, false), where)));
            // A credit whose names are listed by commas alone is also read as the list ("By Jane Doe, John Roe").
            String listed = kind < 3 && shape == Bylines.NONE && !name.contains(",") ? Bylines.commaList(credited, lines, i) : null;
            if (listed != null) {
                // The comma after the first name opens a co-author's, not a role or an outlet: no separator_after for it.
                out.get(out.size() - 1).features[SEPARATOR_AFTER] = 0;
                out.add(new Candidate(listed, i, concat(bylineFeatures(a, i, kind, listed, credited.strip(), blockLines, before, shape, true, false), where)));
            }
        }
        markLowerElsewhere(lines, out);
        markCreditsNear(out);
        return out;
    }

    /**
     * A credit's text with the separators its dumper lost put back: a " | " where blocks were glued into one word
     * ({@link #GLUED}) and before a role that follows a name ({@link #ROLE}), so that the name ends there.
     */
    static String credit(String text) {
        Matcher glued = mayBeGlued(text) ? GLUED.matcher(text) : null;
        String out = glued != null && glued.find() ? glued.replaceAll("$1 | ") : text;
        Matcher role = mayHaveRole(out) ? ROLE.matcher(out) : null;
        return role != null && role.find() ? out.substring(0, role.start()) + " | " + out.substring(role.start()).stripLeading() : out;
    }

    /**
     * Whether {@link #GLUED} may find a glued name: a capital, three or more lower-case letters, and a capital, read in one
     * pass over the code points (most credits have none).
     */
    private static boolean mayBeGlued(String text) {
        int lower = -1; // lower-case letters since the last capital, -1 when none is open
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UPPERCASE_LETTER) {
                if (lower >= 3) {
                    return true;
                }
                lower = 0;
            } else if (type == Character.LOWERCASE_LETTER) {
                lower += lower >= 0 ? 1 : 0;
            } else {
                lower = -1;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** Whether a role word follows the name {@code run} that opens {@code text} ("Jane Doe Senior Politics Editor, ..."). */
    private static boolean roleFollows(String text, String run) {
        if (run == null || !text.startsWith(run) || run.length() == text.length() || !mayHaveRole(text.substring(run.length() - 1))) {
            return false;
        }
        Matcher role = ROLE.matcher(text).region(run.length(), text.length()).useTransparentBounds(true);
        return role.lookingAt();
    }

    /**
     * Whether {@link #ROLE} may find a role: one of its words must start right after white space that follows another
     * character, its letters equal in the pattern's case folding (a character matches a folded letter when it is that
     * letter or folds to it). Most credits have none, and the pattern tries its alternatives at every space.
     */
    private static boolean mayHaveRole(String text) {
        for (int i = 2; i < text.length(); i++) {
            if (!Words.isAsciiSpace(text.charAt(i - 1)) || Words.isAsciiSpace(text.charAt(i))) {
                continue;
            }
            int c = text.codePointAt(i);
            if (!ROLE_FIRSTS.get(c) && !ROLE_FIRSTS.get(Words.folded(c))) {
                continue; // no role word opens with it: the maps are not asked
            }
            if (startsRole(text, i, ROLE_BY_FIRST.get(c)) || startsRole(text, i, ROLE_BY_FIRST.get(Words.folded(c)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsRole(String text, int at, List<int[]> roles) {
        for (int[] role : roles == null ? List.<int[]>of() : roles) {
            int i = at;
            int j = 0;
            while (j < role.length && i < text.length()) {
                int c = text.codePointAt(i);
                if (role[j] != c && role[j] != Words.folded(c)) {
                    break;
                }
                i += Character.charCount(c);
                j++;
            }
            if (j == role.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of a line's name run ({@link TextHeader#nameOf}), two names alone on a line, joined by a list's closing word ("Julia Carrie Wong and Sam Levin"): each a bare name of
     * two to four words ({@link TextHeader#bareName}); a bare name alone is at most four words.
     */
    private static String twoNames(String run) {
        if (run == null || !CLOSING.matcher(run).find()) {
            return null;
        }
        String[] parts = LIST_SEPARATOR.split(run);
        if (parts.length != 2) {
            return null;
        }
        for (String part : parts) {
            if (!part.equals(TextHeader.bareName(part, Words.tokens(part).size()))) {
                return null;
            }
        }
        return run;
    }

    /**
     * The name that opens a short dateline, "LinkNaija October 06, 2018" or "Jane Doe | 5 May 2019": one to four
     * capitalised words and then only the date; a blog's byline is often its author's one-word handle. In a dateline of
     * fields ("Jane Doe · Outlet · Posted: Oct 14, 2022", "Jane Doe / Agency / Updated: ...", up to
     * {@value #MAX_FIELDED_DATELINE_WORDS} words), the first field before the date. Not a word of the
     * page's language that labels the date or a control ("Updated", "Share"), nor a month or a weekday ("Nov.November 18, 2019", "Monday 17 February 2025").
     * (A one-word name alone over a line that opens with a date was tried too: it took section labels, "Business" over
     * the dateline, on more pages than it found bylines.)
     */
    static String nameBeforeDate(DumpLine line, String lang) {
        List<DateParser.Found> dates = line.words <= MAX_FIELDED_DATELINE_WORDS ? line.dates() : List.of();
        if (dates.isEmpty() || dates.get(0).at() == 0) {
            return null;
        }
        String before = line.text.substring(0, dates.get(0).at());
        Matcher field = FIELD_SEPARATOR.matcher(before);
        String head;
        if (field.find() && field.start() > 0) {
            head = before.substring(0, field.start());
        } else if (line.words <= 12) {
            head = DATELINE_GLUE.matcher(before).replaceFirst("");
        } else {
            return null;
        }
        String name = TextHeader.nameOf(head);
        if (name == null || !name.equals(head) || name.split(" ").length > 4 || name.contains("&")) {
            return null;
        }
        // A given name that is a word of the language opens a dateline's credit as well ("Will Carter/November 18, 2016"):
        // there the line's shape, not its words, says it is a name, and the model weighs function_first.
        boolean functionFirst = functionFirst(name) != null;
        List<String> tokens = Words.tokens(name);
        for (int k = functionFirst ? 1 : 0; k < tokens.size(); k++) {
            String token = tokens.get(k);
            if (Language.isFunctionWord(token) || Language.interfaceWords(lang).contains(token) || DATE_WORDS.matcher(token).find()
                    || DateParser.isCalendarWord(token)) {
                return null;
            }
        }
        return name;
    }

    /**
     * A name of two to four capitalised words that {@link TextHeader#bareNameOf} turns down only because its first word is
     * a function word ("Will Carter", "May Ng", "The Guardian"): a given name can be a word of the language, and the model
     * weighs {@code function_first}. Null for any other text.
     */
    static String functionFirst(String name) {
        if (name == null) {
            return null;
        }
        String[] words = WHITE_SPACE.split(name);
        if (words.length < 2 || words.length > 4 || !Character.isUpperCase(words[0].codePointAt(0))
                || !Language.isFunctionWord(words[0].toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (int k = 1; k < words.length; k++) {
            if (!Character.isUpperCase(words[k].codePointAt(0)) || Language.isFunctionWord(words[k].toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return name.equals(TextHeader.nameOf(name)) ? name : null;
    }

    /**
     * The name that closes a short line after a separator or a figure, the field before it a section, an outlet or a date
     * ("Politik · Anna Berg, Tom Lind", "Health Desk 9/21/2016 Maria Lopez"): a bare name of two to
     * four words or a list of them (Bylines.commaList), with no role, function, interface or calendar word and no time
     * zone ("5:30 PM EST"). Null when the line holds no such field, or nothing before it.
     */
    static String closingField(DumpLine line, List<DumpLine> lines, int at, String lang) {
        if (line.words > MAX_CLOSING_FIELD_LINE_WORDS || line.words < 3) {
            return null;
        }
        String t = line.text.strip();
        int cut = t.length() - 1;
        while (cut >= 0 && "|•·/".indexOf(t.charAt(cut)) < 0 && !Character.isDigit(t.charAt(cut))) {
            cut--;
        }
        // After figures only when the line writes a date: "from our 2024 Global Survey" closes a headline on a year.
        if (cut <= 0 || cut == t.length() - 1 || Character.isDigit(t.charAt(cut)) && line.dates().isEmpty()) {
            return null;
        }
        String rest = FIELD_GLUE.matcher(t.substring(cut + 1)).replaceFirst("").strip();
        if (rest.isEmpty() || !Character.isUpperCase(rest.codePointAt(0))) {
            return null;
        }
        String list = rest.indexOf(',') > 0 ? Bylines.commaList(rest, lines, at) : null;
        String name = list != null ? list : TextHeader.bareName(rest, Words.tokens(rest).size());
        if (name == null || !name.equals(rest)) {
            return null;
        }
        for (String word : WHITE_SPACE.split(rest.replace(",", " "))) {
            if (word.length() <= 3 && word.equals(word.toUpperCase(Locale.ROOT)) && Character.isLetter(word.codePointAt(0)) && !word.endsWith(".")) {
                return null; // a time zone or half of the day ("PM EST"), not a name
            }
        }
        for (String token : Words.tokens(rest)) {
            if (Language.roleWords().contains(token) || !Bylines.plainWord(token, lang)) {
                return null;
            }
        }
        return name;
    }

    /**
     * Whether a name is written in capitals throughout: it has a letter with a case and none in lower case. A name in a
     * script without case ("高木浩光") has no capitals to be written in, and was read as all capitals before.
     */
    static boolean writtenInCapitals(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
    }

    private static double[] bylineFeatures(Layout a, int i, int kind, String name, String credited, int[] blockLines, int before, int shape,
            boolean listed, boolean closing) {
        List<DumpLine> lines = a.lines;
        DumpLine line = lines.get(i);
        List<String> nameTokens = Words.tokens(name);
        String key = Words.comparable(name);
        String keyWord = firstWord(key);
        int elsewhere = 0;
        boolean inBody = false;
        for (int j = 0; j < lines.size(); j++) {
            if (j != i && mayHold(lines.get(j), keyWord) && containsWords(lines.get(j).comparable(), key)) {
                elsewhere++;
                inBody |= j >= a.start && j <= a.end && a.kept[j];
            }
        }
        Set<String> title = a.titleAt >= 0 ? new HashSet<>(lines.get(a.titleAt).tokens) : Set.of();
        int inTitle = 0;
        int common = 0;
        int capitalised = 0;
        for (String word : WHITE_SPACE.split(name)) {
            if (Character.isUpperCase(word.codePointAt(0))) {
                // Particles ("de la", "van") and "and" are a name's small words, not a label's.
                String w = word.toLowerCase(Locale.ROOT);
                capitalised++;
                common += Language.isFunctionWord(w) || Language.interfaceWords(a.lang).contains(w) ? 1 : 0;
            }
        }
        if (i == a.titleAt && (credited.equals(name) || closing)) {
            // The line taken for the headline holds the credit and nothing more: a credit misread as the headline, no
            // subject the headline names.
            inTitle = 0;
        } else if (shape == Bylines.SPACELESS_ALONE) {
            // A script without spaces writes no word apart: the headline holds the name or not
            // ("プロジェクター" in "...モバイルプロジェクターで...").
            inTitle = a.titleAt >= 0 && lines.get(a.titleAt).text.contains(name) ? nameTokens.size() : 0;
        } else {
            for (String w : nameTokens) {
                inTitle += title.contains(w) ? 1 : 0;
            }
        }
        String after = credited.length() > name.length() && credited.startsWith(name) ? credited.substring(name.length()).strip() : "";
        boolean dateNear = false;
        for (int j = Math.max(0, i - 2); j <= Math.min(lines.size() - 1, i + 2); j++) {
            dateNear |= lines.get(j).words <= 20 && lines.get(j).date().isPresent();
        }
        return new double[] {
                kind <= 1 ? 1 : 0,
                kind == 2 ? 1 : 0,
                kind == 3 ? 1 : 0,
                credited.equals(name) ? 1 : 0,
                Math.min(nameTokens.size(), MAX_NAME_WORDS),
                Math.log1p(line.words),
                !after.isEmpty() && "|,•·@".indexOf(after.charAt(0)) >= 0 ? 1 : 0,
                dateNear ? 1 : 0,
                nameTokens.isEmpty() ? 0 : (double) inTitle / nameTokens.size(),
                inBody ? 1 : 0,
                Math.log1p(elsewhere),
                kind == 3 && writtenInCapitals(name) ? 1 : 0,
                Math.log1p(blockLines[line.block]),
                line.text.contains(name + "/") || line.text.contains("/" + name) ? 1 : 0,
                capitalised == 0 ? 0 : (double) common / capitalised,
                line.dates().isEmpty() ? 0 : 1,
                Math.log1p(before),
                shape == Bylines.HANDLE ? 1 : 0,
                shape == Bylines.UNCAPITALISED ? 1 : 0,
                shape == Bylines.LONE_WORD ? 1 : 0,
                shape == Bylines.SPACELESS_ALONE ? 1 : 0,
                shape == Bylines.BRACKETED ? 1 : 0,
                listed ? 1 : 0,
                functionFirst(name) != null ? 1 : 0,
                closing ? 1 : 0,
                0, // lower_elsewhere: set by markLowerElsewhere once every candidate is read
                0 // log_credits_near: set by markCreditsNear once every candidate is read
        };
    }

    /**
     * Sets {@code lower_elsewhere} on every candidate: the share of its name's words that a line other than its own writes
     * in lower case, as a word of the language ("report" under "Report Save"). A person's name keeps its capitals wherever
     * the page writes it. Only the candidates' words are looked for, in the lines' tokens, then in the text as written.
     */
    static void markLowerElsewhere(List<DumpLine> lines, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Integer> firstLine = new HashMap<>(); // each word's first line written small, -1 once a second line has it
        Set<String> wanted = new HashSet<>();
        for (Candidate c : candidates) {
            wanted.addAll(Words.tokens(c.value));
        }
        for (int i = 0; i < lines.size(); i++) {
            DumpLine line = lines.get(i);
            if (line.isCode()) {
                continue;
            }
            for (String token : line.tokens) {
                if (wanted.contains(token) && !Integer.valueOf(-1).equals(firstLine.get(token)) && writtenSmall(line.text, token)) {
                    Integer at = firstLine.putIfAbsent(token, i);
                    if (at != null && at != i) {
                        firstLine.put(token, -1);
                    }
                }
            }
        }
        int feature = BYLINE_FEATURES.indexOf("lower_elsewhere");
        for (Candidate c : candidates) {
            int words = 0;
            int small = 0;
            for (String w : Words.tokens(c.value)) {
                if (Character.isLetter(w.codePointAt(0))) {
                    words++;
                    Integer at = firstLine.get(w);
                    small += at != null && at != c.line ? 1 : 0;
                }
            }
            c.features[feature] = words == 0 ? 0 : (double) small / words;
        }
    }

    /** How many lines away another labelled credit makes a candidate one of a list of them ({@code log_credits_near}). */
    private static final int CREDITS_NEAR = 6;
    private static final int LABEL = BYLINE_FEATURES.indexOf("label");
    private static final int CREDITS_NEAR_FEATURE = BYLINE_FEATURES.indexOf("log_credits_near");

    /**
     * Sets {@code log_credits_near} on every candidate: ln(1 + the labelled credits ("By ...", "Author: ...") of another name
     * within {@value #CREDITS_NEAR} lines). Candidates are in line order, so each looks only at its neighbours in the list.
     */
    static void markCreditsNear(List<Candidate> candidates) {
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            int near = 0;
            for (int step = -1; step <= 1; step += 2) {
                for (int j = k + step; j >= 0 && j < candidates.size() && Math.abs(candidates.get(j).line - c.line) <= CREDITS_NEAR; j += step) {
                    Candidate o = candidates.get(j);
                    near += o.features[LABEL] == 1 && o.line != c.line && !o.value.equals(c.value) ? 1 : 0;
                }
            }
            c.features[CREDITS_NEAR_FEATURE] = Math.log1p(near);
        }
    }

    /** Whether {@code text} writes the lower-case word {@code word} as a whole word, in lower case. */
    static boolean writtenSmall(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return Character.isLowerCase(word.codePointAt(0));
            }
        }
        return false;
    }

    /**
     * The names a credit opens with: one name, or a list of names of two to four words separated
     * by commas when the list closes with "and" ("Jane Doe, John Roe and Ann Poe, Outlet"), as a
     * role or an outlet after a single name's comma ("Jane Doe, Transport Reporter") is no second
     * author.
     */
    static String namesOf(String credited) {
        String names = listOfNames(credited);
        return names == null ? null : withCoauthors(names, credited.strip());
    }

    /**
     * The two to four capitalised words that open a credit when other words follow them ("Michael Larabel in Linux on
     * 1 June", "Jane Doe for the Outlet"): after a credit word, a name comes first, and what follows it may be anything.
     */
    private static String leadingName(String credited) {
        String[] words = WHITE_SPACE.split(credited.strip());
        for (int n = Math.min(4, words.length - 1); n >= 2; n--) {
            String head = String.join(" ", Arrays.copyOf(words, n));
            if (head.equals(TextHeader.nameOf(head)) && Character.isUpperCase(words[n - 1].codePointAt(0))) {
                return head;
            }
        }
        return null;
    }

    /**
     * {@code names} with the co-authors a credit adds in parentheses after them ("Martin Untersinger (avec Damien Leloup et
     * Morgane Tual)"): they are part of the credit, as printed. Only when the parentheses hold nothing but names.
     */
    private static String withCoauthors(String names, String credited) {
        Matcher m = credited.startsWith(names) ? COAUTHORS.matcher(credited).region(names.length(), credited.length()) : null;
        if (m == null || !m.lookingAt()) {
            return names;
        }
        for (String part : LIST_SEPARATOR.split(m.group(2).strip())) {
            if (!part.equals(TextHeader.nameOf(part))) {
                return names;
            }
        }
        return names + " (" + m.group(1) + " " + m.group(2).strip() + ")";
    }

    /** {@link #namesOf} without the co-authors in parentheses. */
    private static String listOfNames(String credited) {
        String first = TextHeader.nameOf(credited);
        if (first == null) {
            String lead = leadingName(credited);
            if (lead != null) {
                return lead;
            }
            // A credit box's text in a script without capitals still carries its label ("投稿者 Masafumi Negishi", "著者 お米ゴハン").
            Matcher label = TextHeader.BYLINE.matcher(credited.strip());
            if (label.matches() && !label.group(1).isBlank() && label.group(1).length() < credited.strip().length()) {
                return listOfNames(label.group(1));
            }
            Matcher spaceless = SPACELESS_NAME.matcher(credited.strip());
            if (!spaceless.find()) {
                return null;
            }
            // "お米ゴハン イラスト": a role after the space, not a given name.
            String[] parts = spaceless.group().split("[ 　]");
            return parts.length == 2 && Language.roleWords().contains(parts[1]) ? parts[0] : spaceless.group();
        }
        String[] parts = COMMA.split(credited.strip());
        if (first == null || parts.length < 2 || !first.equals(parts[0])) {
            return first;
        }
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            String name = TextHeader.nameOf(part);
            // Each is a person's name of two to four words ("Privacy" or a role's long title is not).
            int words = WHITE_SPACE.split(LIST_WORD.matcher(part).replaceFirst("")).length;
            if (name == null || !name.equals(part) || words < 2 || words > 4 && !CLOSING.matcher(" " + part).find()) {
                break;
            }
            names.add(part);
            if (names.size() > 1 && CLOSING.matcher(" " + part).find()) {
                return String.join(", ", names);
            }
        }
        return first;
    }

    /**
     * Every date the dump writes outside scripts and paragraphs, in line order. {@code bylines} tell which lines
     * credit an author in so many words.
     */
    static List<Candidate> dates(Layout a, List<Candidate> bylines) {
        List<DumpLine> lines = a.lines;
        List<Integer> credits = new ArrayList<>();
        for (Candidate b : bylines) {
            if (b.features[BYLINE_FEATURES.indexOf("bare_name")] == 0) {
                credits.add(b.line);
            }
        }
        List<Integer> at = new ArrayList<>();
        List<DateParser.Found> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DumpLine line = lines.get(i);
            if (line.isCode() || line.words > MAX_DATELINE_WORDS) {
                continue; // a script's dates are in addresses and data; a paragraph's are what it tells of
            }
            for (DateParser.Found f : line.dates()) {
                at.add(i);
                found.add(f);
            }
        }
        List<String> days = new ArrayList<>();
        found.forEach(f -> days.add(f.value().substring(0, 10)));
        int top = headTop(a);
        int firstFromTitle = -1;
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            int i = at.get(k);
            DumpLine line = lines.get(i);
            DateParser.Found f = found.get(k);
            String day = days.get(k);
            int same = 0;
            int earlier = 0;
            Set<Integer> sameLines = new HashSet<>();
            for (int o = 0; o < found.size(); o++) {
                if (at.get(o) == i) {
                    continue;
                }
                int cmp = days.get(o).compareTo(day);
                earlier += cmp < 0 ? 1 : 0;
                if (cmp == 0 && sameLines.add(at.get(o))) {
                    same++;
                }
            }
            if (firstFromTitle < 0 && i >= top) {
                firstFromTitle = k;
            }
            boolean bylineNear = credits.stream().anyMatch(c -> Math.abs(c - i) <= 2);
            String lower = line.text.toLowerCase(Locale.ROOT);
            double[] own = {
                    f.form() == DateParser.Form.ISO ? 1 : 0,
                    f.form() == DateParser.Form.MONTH_NAME ? 1 : 0,
                    f.form() == DateParser.Form.YEAR_FIRST ? 1 : 0,
                    f.form() == DateParser.Form.NUMERIC ? 1 : 0,
                    TIME.matcher(line.text).find() ? 1 : 0,
                    Math.log1p(line.words),
                    line.words <= 12 ? 1 : 0,
                    PUBLISHED.matcher(lower).find() ? 1 : 0,
                    UPDATED.matcher(lower).find() ? 1 : 0,
                    bylineNear ? 1 : 0,
                    Math.log1p(same),
                    found.size() > 1 ? (double) earlier / (found.size() - 1) : 0,
                    firstFromTitle == k ? 1 : 0,
                    line.text.contains("©") || lower.contains("copyright") ? 1 : 0
            };
            out.add(new Candidate(f.value(), i, concat(own, position(a, i))));
        }
        return out;
    }

    /** Where the article's head begins: its headline's first showing, or six lines above its text when no headline was found. */
    private static int headTop(Layout a) {
        return a.titleAt >= 0 ? a.firstTitle : Math.max(0, a.start - 6);
    }

    /** The features of {@link #POSITION} for line {@code i}. */
    private static double[] position(Layout a, int i) {
        DumpLine line = a.lines.get(i);
        boolean ownBlock = line.blankBefore && (i + 1 >= a.lines.size() || a.lines.get(i + 1).blankBefore);
        return new double[] {
                a.titleAt >= 0 && i > a.firstTitle && i < a.start ? 1 : 0,
                a.titleAt >= 0 && i < a.firstTitle ? 1 : 0,
                i >= a.start && i <= a.end ? 1 : 0,
                i > a.end ? 1 : 0,
                Math.log1p(Math.abs(i - a.start)),
                Math.log1p(a.titleAt >= 0 ? Math.abs(i - a.titleAt) : 1000),
                a.kept[i] ? 1 : 0,
                line.probability,
                ownBlock ? 1 : 0,
                line.isListItem() ? 1 : 0,
                Words.interfaceDensity(line.tokens, a.lang)
        };
    }

    /** Whether {@code words} stands in {@code text} as whole words (both folded by {@link Words#comparable}). */
    static boolean containsWords(String text, String words) {
        if (words.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            int end = at + words.length();
            if ((at == 0 || text.charAt(at - 1) == ' ') && (end == text.length() || text.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** The first word of a {@link Words#comparable} text: what {@link #mayHold} looks for. */
    static String firstWord(String comparable) {
        int space = comparable.indexOf(' ');
        return space < 0 ? comparable : comparable.substring(0, space);
    }

    /**
     * Whether the line's {@link DumpLine#comparable} text may equal or hold a comparable text whose first word is
     * {@code firstWord}: the line's key must hold that word, as its comparable text is its key with runs of punctuation
     * and spaces folded to one space. Lines that fail are never folded (most, as a name stands in few lines).
     */
    static boolean mayHold(DumpLine line, String firstWord) {
        return line.key().contains(firstWord);
    }

    /** Rows for {@code gazette extract --explain}: each candidate with its probability and deciding features. */
    static List<String> explain(String what, List<Candidate> candidates, LineModel model, Candidate chosen) {
        List<String> out = new ArrayList<>();
        out.add(what + " candidates (threshold " + model.threshold() + "; > = chosen):");
        for (Candidate c : candidates) {
            out.add(String.format(Locale.ROOT, "  %s line %4d p=%.2f %s%n       %s", c == chosen ? ">" : " ", c.line + 1,
                    model.probability(c.features), c.value, model.explain(c.features, 4)));
        }
        return out;
    }

    private static Pattern wordsPattern(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort((x, y) -> x.length() != y.length() ? y.length() - x.length() : x.compareTo(y));
        List<String> quoted = new ArrayList<>();
        sorted.forEach(w -> quoted.add(Pattern.quote(w.toLowerCase(Locale.ROOT))));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}])");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return Collections.unmodifiableList(out);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
