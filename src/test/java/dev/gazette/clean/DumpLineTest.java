package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(DumpLine.wrapWidth(dump.split("\n"))).isZero();
    }

    @Test
    void listItemsOfAWrappedDumpKeepLinesOfTheirOwn() {
        String dump = wrap(PARAGRAPHS.get(0) + " " + PARAGRAPHS.get(1), 60) + "\n   1. The first stop is the harbour.\n   2. The second is the pier.\n\n"
                + wrap(PARAGRAPHS.get(2), 60);

        List<String> lines = DumpLine.parse(dump).stream().map(l -> l.text).toList();

        assertThat(lines).contains("The first stop is the harbour.", "The second is the pier.").hasSize(4);
    }

    @Test
    void endsSentencesInScriptsBeyondLatinAndCjk() {
        assertThat(DumpLine.parse("यह एक वाक्य है।").get(0).endsSentence).as("Devanagari danda").isTrue();
        assertThat(DumpLine.parse("ဒါဟာ ဝါကျ ဖြစ်ပါတယ်။").get(0).endsSentence).as("Myanmar section mark").isTrue();
        assertThat(DumpLine.parse("هل هذا سؤال؟").get(0).endsSentence).as("Arabic question mark").isTrue();
        assertThat(DumpLine.parse("یہ ایک جملہ ہے۔").get(0).endsSentence).as("Urdu full stop").isTrue();
        assertThat(DumpLine.parse("यह एक वाक्य है").get(0).endsSentence).isFalse();
    }

    @Test
    void countsWordsOfScriptsWrittenWithoutSpacesByCharacters() {
        String thai = "คณะกรรมการประกาศว่าเทศกาลโคมไฟจะกลับมาจัดที่ท่าเรือเก่าในเดือนเมษายน";
        String lao = "ຄະນະກໍາມະການປະກາດວ່າງານບຸນຈະກັບມາຈັດຢູ່ທ່າເຮືອເກົ່າໃນເດືອນເມສາ";

        assertThat(DumpLine.parse(thai).get(0).words).isGreaterThan(10);
        assertThat(DumpLine.parse(lao).get(0).words).isGreaterThan(10);
    }
}
