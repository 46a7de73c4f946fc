package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** How a text dump is cut into logical lines: hard wraps rejoined, scripts without spaces counted. */
class DumpLineTest {
    private static final List<String> PARAGRAPHS = List.of(
            "The ferry between the two islands will run all winter for the first time. The council said on Friday that a second boat had been leased from a mainland operator.",
            "Islanders had asked for a winter service for years. Until now the last crossing left in October, and anyone who missed it had to wait for the spring.",
            "The operator will keep the timetable of the summer months. Tickets go on sale next week, and season passes will cost the same as last year.",
            "A spokesman for the operator said the crew would be hired on the islands. Training starts in November on the mainland, and the first winter crossing is planned for December.");

    /** Greedy wrapping at a fixed column, as lynx -dump and mail tools write paragraphs. */
    private static String wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return "   " + String.join("\n   ", lines);
    }

    @Test
    void rejoinsParagraphsHardWrappedAtAFixedWidthEvenAfterAFullStop() {
        String dump = String.join("\n\n", PARAGRAPHS.stream().map(p -> wrap(p, 60)).toList());
        assertThat(dump).as("a wrapped line ends a sentence").containsPattern("\\.\n +\\p{Lu}");

        List<String> lines = DumpLine.parse(dump).stream().map(l -> l.text).toList();

        assertThat(lines).containsExactlyElementsOf(PARAGRAPHS);
    }

    @Test
    void leavesShortLinesOfADumpThatIsNotWrappedApart() {
        String dump = String.join("\n", "Home", "News", "Sport", "Weather", "Sign in", "Contact", "About us", "Jobs",
                "Archive", "Search", PARAGRAPHS.get(0));

        assertThat(DumpLine.parse(dump)).hasSize(11);
        assertThat(DumpLine.wrap(dump.split("\n"))).isEqualTo(DumpLine.Wrap.NONE);
    }

    @Test
    void listItemsOfAWrappedDumpKeepLinesOfTheirOwn() {
        String dump = wrap(PARAGRAPHS.get(0) + " " + PARAGRAPHS.get(1), 60) + "\n   1. The first stop is the harbour.\n   2. The second is the pier.\n\n"
                + wrap(PARAGRAPHS.get(2), 60);

        List<String> lines = DumpLine.parse(dump).stream().map(l -> l.text).toList();

        assertThat(lines).contains("The first stop is the harbour.", "The second is the pier.").hasSize(4);
    }

    @Test
    void countsDisplayColumnsAsATerminalDoes() {
        assertThat(DumpLine.columns("harbour")).isEqualTo(7);
        assertThat(DumpLine.columns("경기도 용인")).as("Hangul is wide").isEqualTo(11);
        assertThat(DumpLine.columns("東京、２０１９")).as("Han, CJK punctuation and full-width digits").isEqualTo(14);
        assertThat(DumpLine.columns("café")).as("a combining accent takes no column").isEqualTo(4);
    }

    /** Sentences in several scripts: Latin, Cyrillic, Greek, Arabic, Korean and Thai with spaces; Chinese and Japanese without. */
    private static final String[][] SENTENCES = {
            {"The ferry will run all winter for the first time.", "Islanders had asked for a winter service for years.",
                    "Tickets go on sale next week at the harbour office."},
            {"Паром впервые будет ходить всю зиму.", "Жители островов много лет просили о зимнем сообщении.",
                    "Билеты поступят в продажу на следующей неделе."},
            {"Το πλοίο θα εκτελεί δρομολόγια όλο τον χειμώνα.", "Οι κάτοικοι ζητούσαν χειμερινή σύνδεση εδώ και χρόνια."},
            {"ستعمل العبارة طوال فصل الشتاء لأول مرة.", "طالب سكان الجزر بخدمة شتوية منذ سنوات."},
            {"여객선이 처음으로 겨울 내내 운항한다.", "섬 주민들은 수년 동안 겨울 운항을 요구해 왔다.", "승선권은 다음 주부터 판매된다."},
            {"เรือข้ามฟาก จะเปิดให้บริการ ตลอดฤดูหนาว เป็นครั้งแรก", "ชาวเกาะ เรียกร้อง บริการในฤดูหนาว มาหลายปี",
                    "ตั๋วจะวางขาย ที่ท่าเรือ ในสัปดาห์หน้า"},
            // Chinese and Japanese, without spaces, are the last two: see everyHardWrappedParagraphIsReadBackWholeInAnyScript.
            {"渡轮将首次在整个冬季运行。", "岛民多年来一直要求开通冬季航班。", "船票将于下周在港口售票处发售。"},
            {"フェリーは初めて冬の間も運航する。", "島民は長年、冬の運航を求めてきた。", "乗船券は来週から港の窓口で販売される。"}};

    private static int longestFirstWord(String[] pool, int script) {
        if (script >= SENTENCES.length - 2) {
            return 2;
        }
        return Arrays.stream(pool).mapToInt(sentence -> DumpLine.columns(sentence.split(" ")[0])).max().orElse(0);
    }

    /** Wraps like a text browser: at spaces by display columns, and between any two characters of spaceless scripts. */
    private static List<String> wrapColumns(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            boolean spaceless = word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            String sep = line.length() > 0 ? " " : "";
            if (DumpLine.columns(line + sep + word) <= width) {
                line.append(sep).append(word);
                continue;
            }
            if (spaceless) {
                line.append(sep);
                for (int i = 0; i < word.length(); i++) {
                    if (DumpLine.columns(line.toString() + word.charAt(i)) > width) {
                        lines.add(line.toString().strip());
                        line.setLength(0);
                    }
                    line.append(word.charAt(i));
                }
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Generated dumps of paragraphs in any of these scripts, hard-wrapped at a width of 50 to 90
     * columns (enough lines for the wrap to show: at least five full ones), with or without blank
     * lines between paragraphs: every paragraph is read back as
     * one line, word for word (Chinese and Japanese joined without spaces).
     */
    @Test
    void everyHardWrappedParagraphIsReadBackWholeInAnyScript() {
        qt().withExamples(400).forAll(integers().between(0, SENTENCES.length - 1), integers().between(50, 90),
                lists().of(integers().between(5, 9)).ofSizeBetween(4, 7), booleans().all()).checkAssert((script, width, sizes, blank) -> {
            String[] pool = SENTENCES[script];
            List<String> paragraphs = new ArrayList<>();
            List<String> physical = new ArrayList<>();
            int fullLines = 0;
            for (int p = 0; p < sizes.size(); p++) {
                List<String> sentences = new ArrayList<>();
                for (int k = 0; k < sizes.get(p); k++) {
                    sentences.add(pool[(p + k) % pool.length]);
                }
                // Chinese and Japanese put no space between sentences either.
                String paragraph = String.join(script >= SENTENCES.length - 2 ? "" : " ", sentences);
                paragraphs.add(paragraph);
                List<String> wrapped = wrapColumns(paragraph, width);
                // A paragraph's last line, indented, must leave room for the next paragraph's first word
                // (one character in Chinese and Japanese), or no reader could tell it from a wrap.
                if (DumpLine.columns(wrapped.get(wrapped.size() - 1)) + 3 + 1 + longestFirstWord(pool, script) > width - 6) {
                    return;
                }
                fullLines += wrapped.size() - 1;
                wrapped.forEach(l -> physical.add("   " + l));
                if (blank) {
                    physical.add("");
                }
            }
            if (fullLines < 5 || physical.stream().filter(l -> !l.isBlank()).count() < 10) {
                return; // too few lines for any width to show (DumpLine.wrap reads ten at least)
            }
            List<String> read = DumpLine.parse(String.join("\n", physical)).stream().map(l -> l.text).toList();
            assertThat(read).as(String.join("\n", physical)).containsExactlyElementsOf(paragraphs);
        });
    }

    @Test
    void endsSentencesInScriptsBeyondLatinAndCjk() {
        assertThat(DumpLine.parse("यह एक वाक्य है।").get(0).endsSentence).as("Devanagari danda").isTrue();
        assertThat(DumpLine.parse("ဒါဟာ ဝါကျ ဖြစ်ပါတယ်။").get(0).endsSentence).as("Myanmar section mark").isTrue();
        assertThat(DumpLine.parse("هل هذا سؤال؟").get(0).endsSentence).as("Arabic question mark").isTrue();
        assertThat(DumpLine.parse("یہ ایک جملہ ہے۔").get(0).endsSentence).as("Urdu full stop").isTrue();
        assertThat(DumpLine.parse("यह एक वाक्य है").get(0).endsSentence).isFalse();
    }

    /** The sentence-end test is read from the line's end; it must say what the regex it replaced said. */
    @Test
    void endsSentenceAsTheRegexOfMarksAndClosingQuotesSays() {
        Pattern regex = Pattern.compile("[.!?。！？…:;।॥။།؟۔][\"'”’»)\\]]*$|[\"”»]$");
        String alphabet = "a .!?。…:;।؟|\"'”’»)]([\u0085";
        qt().withExamples(2000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(1, 8)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder("word");
            picks.forEach(i -> text.append(alphabet.charAt(i)));
            DumpLine line = DumpLine.parse(text.toString()).get(0);
            assertThat(line.endsSentence).as(line.text).isEqualTo(regex.matcher(line.text).find());
        });
    }

    @Test
    void countsWordsOfScriptsWrittenWithoutSpacesByCharacters() {
        String thai = "คณะกรรมการประกาศว่าเทศกาลโคมไฟจะกลับมาจัดที่ท่าเรือเก่าในเดือนเมษายน";
        String lao = "ຄະນະກໍາມະການປະກາດວ່າງານບຸນຈະກັບມາຈັດຢູ່ທ່າເຮືອເກົ່າໃນເດືອນເມສາ";

        assertThat(DumpLine.parse(thai).get(0).words).isGreaterThan(10);
        assertThat(DumpLine.parse(lao).get(0).words).isGreaterThan(10);
    }

    /** The reflow of carried-on sentences remembers the first line it joined; a width's wrap is no line of its own. */
    @Test
    void remembersTheFirstLineTheReflowJoinedButNotAWrap() {
        List<DumpLine> reflowed = DumpLine.parse("Ferry to run all winter between the two islands\nby Jane Doe\n\n" + PARAGRAPHS.get(0));
        assertThat(reflowed.get(0).text).isEqualTo("Ferry to run all winter between the two islands by Jane Doe");
        assertThat(reflowed.get(0).firstPhysical).isEqualTo("Ferry to run all winter between the two islands");
        assertThat(reflowed.get(0).firstPart().text).isEqualTo("Ferry to run all winter between the two islands");
        assertThat(reflowed.get(1).firstPhysical).isNull();
        List<DumpLine> wrapped = DumpLine.parse(String.join("\n\n", PARAGRAPHS.stream().map(p -> wrap(p, 60)).toList()));
        assertThat(wrapped).allSatisfy(l -> assertThat(l.firstPhysical).isNull());
    }
}
