package dev.gazette.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class TextDecoderTest {
    @Test
    void validUtf8IsReadAsUtf8EvenWithAReplacementCharacterInIt() {
        byte[] bytes = "caf\u00E9 \uFFFD \u201Cq\u201D \uD83D\uDE00\r\nnext".getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, false);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo("caf\u00E9 \uFFFD \u201Cq\u201D \uD83D\uDE00\nnext");
    }

    @Test
    void malformedUtf8IsReadAsWindows1252() {
        for (byte[] bytes : new byte[][] {
                {'c', 'a', 'f', (byte) 0xE9}, // Latin-1 é
                {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate encoded
                {'a', (byte) 0xE2, (byte) 0x80}}) { // truncated
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes, false);
            assertThat(decoded.charset()).isEqualTo(Charset.forName("windows-1252"));
            assertThat(decoded.text()).isEqualTo(new String(bytes, Charset.forName("windows-1252")));
        }
    }

    /** Found by building real dumps and saved pages into a digest and running the Nu HTML Checker over it. */
    @Test
    void controlCharactersGoAndCharactersAreComposed() {
        String decoded = TextDecoder.decode("Caf\u0065\u0301 bell\u0007ed\u0010,\ttab\fpage\r\nend\u0085".getBytes(StandardCharsets.UTF_8), false).text();
        assertThat(decoded).isEqualTo("Caf\u00e9 belled,\ttab\npage\nend");
        assertThat(TextDecoder.hasControl(decoded)).isFalse();
        assertThat(TextDecoder.hasControl("a\u009fb")).isTrue();
    }

    /** A dumper that wraps its lines by length can break a character between a letter and its mark (a lynx dump in Japanese). */
    @Test
    void aMarkThatOpensALineJoinsTheLetterItWasBrokenFrom() {
        String decoded = TextDecoder.decode("\u30AB\n   \u3099\u30B7\u30E3\ncafe\r\n\u0301 noir\n\n\u0301x".getBytes(StandardCharsets.UTF_8), false).text();
        assertThat(decoded).isEqualTo("\u30AC\n   \u30B7\u30E3\ncaf\u00e9\n noir\n\n\u0301x");
    }

    /** Over generated texts of letters, marks and line breaks: every line keeps its number, and no line opens with a mark but after a blank one. */
    @Test
    void joiningMarksKeepsEveryLineAndLeavesNoLineOpeningWithAMark() {
        String alphabet = "ae\u0301\u0308\u3099\u30AB \t\n";
        qt().withExamples(2000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder();
            picks.forEach(i -> text.append(alphabet.charAt(i)));
            String joined = TextDecoder.marksJoinedToTheirLetters(text.toString());
            assertThat(joined.chars().filter(c -> c == '\n').count()).isEqualTo(text.chars().filter(c -> c == '\n').count());
            assertThat(joined.replaceAll("\\s", "")).isEqualTo(text.toString().replaceAll("\\s", ""));
            String[] lines = joined.split("\n", -1);
            for (int k = 1; k < lines.length; k++) {
                String opening = lines[k].stripLeading();
                if (!opening.isEmpty() && Character.getType(opening.charAt(0)) == Character.NON_SPACING_MARK) {
                    assertThat(lines[k - 1].strip()).as(joined).isEmpty();
                }
            }
        });
    }

    /**
     * The characters whose runs the decoder does not hand the normalizer: each composed as it stands, no mark (a mark's
     * combining class may reorder it), and, in the JDK's own Unicode data, after the first in no character's decomposition
     * (so no composition joins it to what comes before it), nor a Hangul vowel or final.
     */
    @Test
    void inertCharactersAreOnesNfcNeitherChangesNorJoins() {
        BitSet joinsBack = new BitSet();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).codePoints().skip(1).forEach(joinsBack::set);
            }
        }
        joinsBack.set(0x1160, 0x1200);
        int inert = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!TextDecoder.inert(c)) {
                continue;
            }
            inert++;
            String what = String.format("U+%04X", (int) c);
            assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFC)).as(what).isTrue();
            assertThat(Character.getType(c)).as(what).isNotIn((int) Character.NON_SPACING_MARK,
                    (int) Character.COMBINING_SPACING_MARK, (int) Character.ENCLOSING_MARK);
            assertThat(joinsBack.get(c)).as(what).isFalse();
        }
        assertThat(inert).isGreaterThan(40_000);
    }

    /** Over generated texts of composed and decomposed letters, marks, Hangul jamo, singletons and exclusions: the JDK's NFC, wherever the first character to compose is. */
    @Test
    void composedIsTheJdksNfc() {
        String[] alphabet = {"a", "e", "\u00e9", "\u0301", "\u0308", "\u0323", "\u1100", "\u1161", "\u11a8", "\uac00", "\u30ab",
                "\u3099", "\u2126", "\u0344", "\u0958", "\u0387", "\ud83d\ude00", "\u4e00", "\uf900", "\u0627", "\u0653",
                "\u0928", "\u093c", "\u0e01", "\u0e31", "\u1ea1", "\u2019", " ", "\n"};
        qt().withExamples(5000).forAll(lists().of(integers().between(0, alphabet.length - 1)).ofSizeBetween(0, 30)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder();
            picks.forEach(i -> text.append(alphabet[i]));
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            assertThat(TextDecoder.composed(text.toString())).isEqualTo(nfc);
            if (text.indexOf("\n") < 0) { // no line for a mark to open: the decoder's whole mending is NFC
                assertThat(TextDecoder.normalized(text.toString())).isEqualTo(nfc);
            }
        });
    }

    /**
     * A source in a legacy encoding that declares none (a dump saved by an editor in the system's code page, a page
     * without its meta charset) is read in the encoding its bytes tell, not as windows-1252 mojibake: one paragraph each,
     * written here, in the encodings of Chinese, Japanese, Korean, Cyrillic, Greek, Hebrew and Thai text, and (told by
     * ICU's detector) of Polish, Czech, Hungarian, Turkish and Arabic text.
     */
    @Test
    void aLegacyEncodingThatIsNotDeclaredIsToldFromTheBytes() {
        String[][] cases = {
                {"GB18030", "市政府周二宣布，新的轻轨线路将于明年春季开通，连接港口区和大学城。交通局长表示，该项目耗时四年，总投资约为三十亿元。"
                        + "沿线居民对此表示欢迎，但也有人担心施工期间的噪音问题。"},
                {"Big5", "市政府週二宣布，新的輕軌線路將於明年春季開通，連接港口區和大學城。交通局長表示，該項目耗時四年，總投資約為三十億元。"
                        + "沿線居民對此表示歡迎，但也有人擔心施工期間的噪音問題。"},
                {"Shift_JIS", "市は火曜日、港と大学を結ぶ新しい路面電車の路線が来年の春に開業すると発表した。交通局長によると、工事には四年かかり、"
                        + "総事業費は約三百億円になる見込みだという。沿線の住民は歓迎しているが、工事中の騒音を心配する声もある。"},
                {"EUC-JP", "市は火曜日、港と大学を結ぶ新しい路面電車の路線が来年の春に開業すると発表した。交通局長によると、工事には四年かかり、"
                        + "総事業費は約三百億円になる見込みだという。沿線の住民は歓迎しているが、工事中の騒音を心配する声もある。"},
                {"EUC-KR", "시는 화요일 항구와 대학가를 잇는 새 경전철 노선이 내년 봄에 개통된다고 발표했다. 교통국장은 이 사업에 4년이 걸렸으며 "
                        + "총사업비는 약 3천억 원이라고 밝혔다. 주민들은 환영했지만 공사 기간의 소음을 걱정하는 목소리도 있다."},
                {"windows-1251", "Во вторник городские власти объявили, что новая линия трамвая, соединяющая порт и университетский квартал, "
                        + "откроется следующей весной. По словам главы транспортного управления, строительство заняло четыре года. "
                        + "Жители района в целом довольны, но некоторые опасаются шума во время работ."},
                {"KOI8-R", "Во вторник городские власти объявили, что новая линия трамвая, соединяющая порт и университетский квартал, "
                        + "откроется следующей весной. По словам главы транспортного управления, строительство заняло четыре года. "
                        + "Жители района в целом довольны, но некоторые опасаются шума во время работ."},
                {"windows-1253", "Την Τρίτη ο δήμος ανακοίνωσε ότι η νέα γραμμή του τραμ, που θα συνδέει το λιμάνι με την πανεπιστημιούπολη, "
                        + "θα λειτουργήσει την επόμενη άνοιξη. Σύμφωνα με τον επικεφαλής της υπηρεσίας συγκοινωνιών, το έργο διήρκεσε "
                        + "τέσσερα χρόνια. Οι κάτοικοι της περιοχής το χαιρετίζουν, αλλά κάποιοι ανησυχούν για τον θόρυβο των εργασιών."},
                {"windows-1255", "ביום שלישי הודיעה העירייה כי קו הרכבת הקלה החדש, שיחבר את הנמל לקריית האוניברסיטה, ייפתח באביב הבא. "
                        + "לדברי ראש אגף התחבורה, העבודות נמשכו ארבע שנים. תושבי האזור מברכים על הפרויקט, אך חלקם חוששים מהרעש בזמן העבודות."},
                {"TIS-620", "เมื่อวันอังคาร เทศบาลประกาศว่ารถรางสายใหม่ที่เชื่อมท่าเรือกับย่านมหาวิทยาลัยจะเปิดให้บริการในฤดูใบไม้ผลิปีหน้า "
                        + "หัวหน้าฝ่ายคมนาคมกล่าวว่าโครงการนี้ใช้เวลาก่อสร้างสี่ปี ชาวบ้านในพื้นที่ต่างยินดี แต่บางคนกังวลเรื่องเสียงดังระหว่างการก่อสร้าง"},
                {"windows-1250", "We wtorek władze miasta ogłosiły, że nowa linia tramwajowa łącząca port z dzielnicą uniwersytecką "
                        + "zostanie otwarta przyszłej wiosny. Według szefa zarządu transportu budowa trwała cztery lata. Mieszkańcy "
                        + "cieszą się z inwestycji, choć część z nich obawia się hałasu podczas prac."},
                {"ISO-8859-2", "V úterý město oznámilo, že nová tramvajová trať spojující přístav s univerzitní čtvrtí bude zprovozněna "
                        + "příští jaro. Podle ředitele dopravního úřadu trvala stavba čtyři roky. Obyvatelé čtvrti stavbu vítají, "
                        + "ale někteří se obávají hluku během prací."},
                {"windows-1250", "Kedden a város bejelentette, hogy a kikötőt az egyetemi negyeddel összekötő új villamosvonal jövő "
                        + "tavasszal nyílik meg. A közlekedési hivatal vezetője szerint az építkezés négy évig tartott. A környék lakói "
                        + "örülnek a beruházásnak, de néhányan tartanak a munkálatok zajától."},
                {"windows-1254", "Belediye salı günü, limanı üniversite semtine bağlayacak yeni tramvay hattının önümüzdeki ilkbaharda "
                        + "açılacağını duyurdu. Ulaşım müdürüne göre inşaat dört yıl sürdü. Bölge sakinleri projeden memnun, ancak "
                        + "bazıları çalışmalar sırasında çıkacak gürültüden endişe ediyor."},
                {"windows-1256", "أعلنت البلدية يوم الثلاثاء أن خط الترام الجديد الذي سيربط الميناء بالحي الجامعي سيفتتح في الربيع المقبل. "
                        + "وقال مدير هيئة النقل إن الأشغال استغرقت أربع سنوات. ويرحب سكان المنطقة بالمشروع، لكن بعضهم يخشى الضجيج أثناء الأشغال."},
        };
        for (String[] c : cases) {
            byte[] bytes = c[1].getBytes(Charset.forName(c[0]));
            assertThat(TextDecoder.decode(bytes, false).text()).as(c[0]).isEqualTo(c[1]);
            assertThat(TextDecoder.decode(bytes, true).text()).as(c[0] + " in a page").isEqualTo(c[1]);
        }
    }

    /** Western text that is not UTF-8 and declares nothing stays windows-1252's, as browsers read it. */
    @Test
    void westernTextThatDeclaresNothingStaysWindows1252() {
        for (String text : new String[] {
                "Mardi, la municipalité a annoncé que la nouvelle ligne de tramway reliant le port au quartier universitaire "
                        + "ouvrira au printemps prochain. Selon le directeur des transports, les travaux ont duré quatre ans. "
                        + "Les riverains s’en réjouissent, même si certains redoutent le bruit du chantier… « C’est trop long », dit-on.",
                "Am Dienstag kündigte die Stadt an, dass die neue Straßenbahnlinie zwischen Hafen und Universitätsviertel im "
                        + "nächsten Frühjahr eröffnet wird. Laut dem Leiter des Verkehrsamts dauerten die Bauarbeiten vier Jahre. "
                        + "Die Anwohner freuen sich, doch manche fürchten den Baulärm – „zu laut“, sagen sie.",
                "El martes, el ayuntamiento anunció que la nueva línea de tranvía abrirá la próxima primavera. ¿Cuánto costó? "
                        + "Según el director de transportes, las obras duraron cuatro años y costaron 30 millones de €.",
                // Languages whose letters ICU's detector also weighs for the Central European and Turkish code pages.
                "Na terça-feira, a prefeitura anunciou que a nova linha de bonde que ligará o porto ao bairro universitário "
                        + "será inaugurada na próxima primavera. Segundo o diretor de transportes, as obras duraram quatro anos.",
                "Martedì il comune ha annunciato che la nuova linea del tram, che collegherà il porto al quartiere "
                        + "universitario, sarà inaugurata la prossima primavera. Secondo il direttore i lavori sono durati quattro anni.",
                "Tirsdag meddelte kommunen, at den nye sporvognslinje mellem havnen og universitetskvarteret åbner næste "
                        + "forår. Ifølge transportdirektøren varede byggeriet fire år. Beboerne glæder sig."}) {
            TextDecoder.Decoded decoded = TextDecoder.decode(text.getBytes(Charset.forName("windows-1252")), false);
            assertThat(decoded.charset()).as(text).isEqualTo(Charset.forName("windows-1252"));
            assertThat(decoded.text()).isEqualTo(text);
        }
    }

    /** Any bytes at all, in a dump or a page: decoded without an exception, into text with no control character left. */
    @Test
    void anyBytesDecodeToTextWithoutControls() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 600), booleans().all())
                .checkAssert((values, html) -> {
                    byte[] bytes = new byte[values.size()];
                    for (int k = 0; k < bytes.length; k++) {
                        bytes[k] = (byte) (int) values.get(k);
                    }
                    assertThat(TextDecoder.hasControl(TextDecoder.decode(bytes, html).text())).isFalse();
                });
    }

    /**
     * UTF-8 with a stray byte (one Latin-1 "é" let into a page, a copy-paste cut mid-character) is read as UTF-8 with a
     * replacement character there, as a browser shows it, not as windows-1252 mojibake of every other accent.
     */
    @Test
    void utf8WithAStrayByteIsReadAsUtf8() {
        for (String text : new String[] {
                "Mardi, la municipalité a annoncé que la nouvelle ligne de tramway reliant le port au quartier universitaire "
                        + "ouvrira au printemps prochain. Selon le directeur des transports, les travaux ont duré quatre ans. "
                        + "Les riverains s’en réjouissent, même si certains redoutent le bruit du chantier… « C’est trop long ».",
                "市政府周二宣布，新的轻轨线路将于明年春季开通，连接港口区和大学城。交通局长表示，该项目耗时四年，总投资约为三十亿元。"}) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int at = utf8.length / 2;
            while ((utf8[at] & 0xC0) == 0x80) {
                at++; // a character's first byte
            }
            byte[] damaged = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, damaged, 0, at);
            damaged[at] = (byte) 0xE9;
            System.arraycopy(utf8, at, damaged, at + 1, utf8.length - at);
            String prefix = new String(utf8, 0, at, StandardCharsets.UTF_8);
            TextDecoder.Decoded decoded = TextDecoder.decode(damaged, false);
            assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(decoded.text()).isEqualTo(prefix + "\uFFFD" + text.substring(prefix.length()));
        }
    }
}
