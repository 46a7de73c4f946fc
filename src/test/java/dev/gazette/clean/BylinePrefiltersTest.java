package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap tests that let the byline candidates and the header's rules pass over most lines without a regular
 * expression or a folded copy must answer as the patterns do: each is checked against its pattern on texts made of
 * the pieces where case folding, surrogates, white space and separators make it hardest (private members are read by
 * reflection, as they are no API).
 */
class BylinePrefiltersTest {
    private static final List<String> PIECES = List.of(" ", "  ", "\t", "\u00A0", "\u2003", "\u3000", ",", ".", "|", "•", "·", "@",
            "/", "(", ":", "：", " - ", " — ", "-", "'", "’", "\"", "“", "”", "&", "Jane", "Doe", "JANE", "doe", "de", "van", "and",
            "on", "On", "ON", "one", "updated", "Posted", "published", "follow", "Follow", "up", "fu", "Jan", "jan", "Sept.", "May",
            "5", "2019", "12:05", "By", "by", "BY", "Byby", "bY", "Par", "par", "Von", "Written", "written by", "Author", "Autor",
            "İ", "İlker", "ı", "K", "ſ", "Σ", "\uD835\uDC00", "\uD801\uDC00", "é", "\u0301", "著者", "기자", "BlumeStaff", "Howard",
            "McDonald", "Senior", "Editor", "x", "©", "le", "Le", "am", "op", "el", "Aktualisiert", "Mis à jour", "mis", "À", "mardi",
            "mai", "Mai", "5.", "Folgen", "Veröffentlicht", "Éd", "éd", "Datum", "data", "Foto", "Crédit", "photo", "...", "…", "ab.",
            "Cd", "\u200C", "\u093F", "प्रकाशित", "तिथि", "به", "Опубликовано");

    private static void forTexts(Consumer<String> check) {
        PieceTexts.forTexts(PIECES, check);
    }

    private static Object field(Class<?> owner, String name) throws ReflectiveOperationException {
        return PieceTexts.staticField(owner, name);
    }

    private static Object call(Class<?> owner, String name, Class<?>[] types, Object... args) {
        return PieceTexts.callStatic(owner, name, types, args);
    }

    @Test
    void aCaptionIsFoundWhereThePatternFindsOne() {
        forTexts(text -> assertThat(Captions.holdsCaption(text)).as(text).isEqualTo(Captions.CAPTION.matcher(text).find()));
        assertThat(Captions.holdsCaption("Der Hafen im Winter. Foto: Anna Berg/dpa")).isTrue();
        assertThat(Captions.holdsCaption("The ferry sails at noon.Photo by Jane Doe")).isTrue();
    }

    @Test
    void aNameIsCutWhereThePatternCutsIt() throws ReflectiveOperationException {
        Pattern end = (Pattern) field(TextHeader.class, "NAME_END");
        Pattern name = (Pattern) field(TextHeader.class, "NAME");
        forTexts(text -> {
            // As the name was read before its end was looked for only where it may be.
            Matcher m = end.matcher(text);
            String run = (m.find() ? text.substring(0, m.start()) : text).strip();
            run = Words.foldRuns(run, Words::isAsciiSpace);
            boolean opens = !text.isBlank() && (Character.getType(text.strip().codePointAt(0)) == Character.UPPERCASE_LETTER
                    || text.strip().charAt(0) >= 'a' && text.strip().charAt(0) <= 'z' || text.strip().charAt(0) == '&');
            String expected = !opens || run.isEmpty() || run.length() > 80 || !name.matcher(run).matches() || run.split(" ").length > 8
                    ? null : run;
            assertThat(TextHeader.nameOf(text)).as(text).isEqualTo(expected);
        });
        assertThat(TextHeader.nameOf("Jane Doe  2019")).isEqualTo("Jane Doe");
        assertThat(TextHeader.nameOf("Jane Doe on May 5")).isEqualTo("Jane Doe");
        assertThat(TextHeader.nameOf("Jane Doe: reporter")).isNull();
    }

    @Test
    void creditsAreReadWhereverThePatternsFindThem() throws ReflectiveOperationException {
        Pattern glued = (Pattern) field(HeaderCandidates.class, "GLUED");
        Pattern doubled = (Pattern) field(Bylines.class, "DOUBLED");
        Pattern label = TextHeader.AUTHOR_LABEL;
        Pattern creditInside = (Pattern) field(Bylines.class, "CREDIT_INSIDE");
        @SuppressWarnings("unchecked")
        Set<String> creditWords = (Set<String>) field(Bylines.class, "CREDIT_FIRST_WORDS");
        int longest = (int) field(Bylines.class, "LONGEST_CREDIT_WORD");
        Class<?>[] string = {String.class};
        forTexts(text -> {
            assertThat(!glued.matcher(text).find() || (boolean) call(HeaderCandidates.class, "mayBeGlued", string, text)).as(text).isTrue();
            assertThat(!doubled.matcher(text).lookingAt() || (boolean) call(Bylines.class, "opensLikeCredit", new Class<?>[] {char.class},
                    text.charAt(0))).as(text).isTrue();
            assertThat(!label.matcher(text).matches() || TextHeader.mayBeLabelled(text)).as(text).isTrue();
            // A credit word between spaces, as the line was read word by word before.
            boolean inside = false;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (Words.isAsciiSpace(text.charAt(i))) {
                    inside |= i > start && i - start <= longest && creditWords.contains(text.substring(start, i).toLowerCase(Locale.ROOT));
                    start = i + 1;
                }
            }
            assertThat(call(Bylines.class, "mayCreditInside", string, text)).as(text).isEqualTo(inside);
            // The pattern finds a credit only where the prefilter lets it look.
            assertThat(!creditInside.matcher(text).find() || inside).as(text).isTrue();
            assertThat(Bylines.creditInside(text) != null).as(text).isEqualTo(creditInside.matcher(text).find());
        });
        assertThat(Bylines.undoubled("Byby JANE DOE")).isEqualTo("by JANE DOE");
        assertThat(HeaderCandidates.credit("Paul WisemanFatima Hussein")).isEqualTo("Paul Wiseman | Fatima Hussein");
        assertThat(HeaderCandidates.credit("Sam Stein  Senior Politics Editor")).isEqualTo("Sam Stein | Senior Politics Editor");
    }

    @Test
    void aLineIsFoldedOnlyWhenItMayHoldTheWords() {
        forTexts(text -> {
            DumpLine line = DumpLine.parse("x\n\n" + text.strip() + "\n").stream().filter(l -> !l.text.equals("x")).findFirst().orElse(null);
            if (line == null) {
                return;
            }
            assertThat(line.comparable()).as(text).isEqualTo(Words.comparable(line.text));
            for (String words : List.of("jane doe", "doe", "i̇lker", "k", "σ", "jane", "by")) {
                boolean holds = line.comparable().equals(words) || HeaderCandidates.containsWords(line.comparable(), words);
                assertThat(!holds || HeaderCandidates.mayHold(line, HeaderCandidates.firstWord(words))).as(text + " / " + words).isTrue();
            }
        });
    }
}
