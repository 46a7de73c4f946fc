package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one home of language knowledge: word lists from lang/*.json, stems from Lucene. */
class LanguageTest {
    @Test
    void bylineWordsOfEveryLanguageComeFromOneListLongestFirst() {
        assertThat(Language.bylineWords()).contains("by", "written by", "von", "par", "por", "di", "door")
                .doesNotHaveDuplicates();
        assertThat(Language.bylineWords().get(0).length()).isGreaterThanOrEqualTo(Language.bylineWords().get(Language.bylineWords().size() - 1).length());
        assertThat("Reporting by Jane Doe").containsPattern("(?i)^(?:" + Language.bylineAlternation() + ")\\s+\\p{Lu}");
    }

    @Test
    void everyKnownLanguageHasFunctionWordsAndUnknownOnesHaveNone() {
        for (String code : Language.codes()) {
            assertThat(Language.functionWords(code)).as(code).hasSizeGreaterThan(20);
            assertThat(Language.readerAddress(code)).as(code).isNotEmpty();
        }
        assertThat(Language.functionWords("de-AT")).contains("und");
        assertThat(Language.functionWords("xx")).isEmpty();
        assertThat(Language.readerAddress("xx")).isEqualTo(Language.readerAddress("en"));
    }

    @Test
    void monthsAndWeekdaysOfEveryLanguageComeFromItsData() {
        assertThat(Language.monthNumbers()).containsEntry("january", 1).containsEntry("mai", 5).containsEntry("dezembro", 12)
                .containsEntry("sept", 9);
        assertThat(Set.copyOf(Language.monthNumbers().values())).hasSize(12);
        assertThat(Language.calendarWords()).contains("monday", "mardi", "mittwoch", "sábado", "zondag", "kasım", "lapkričio");
        assertThat(Language.dateOnWords()).contains("on", "am", "le", "el", "il", "em", "op");
        assertThat(DateParser.isCalendarWord("Oktober")).isTrue();
        assertThat(DateParser.isCalendarWord("harbour")).isFalse();
    }

    @Test
    void theDumpHeadersWordListsAreTheDataOfEveryLanguage() {
        assertThat(Language.nameParticles()).contains("van", "de", "von", "bin");
        assertThat(TextHeader.nameOf("Karl zu Guttenberg")).isEqualTo("Karl zu Guttenberg");
        assertThat(Language.controlVerbs()).contains("share", "teilen", "partager", "compartir", "condividi", "delen");
        assertThat(TextHeader.CONTROL_VERBS).isSameAs(Language.controlVerbs());
        assertThat(Captions.CAPTION.matcher("Der Hafen im Winter. Foto: Anna Berg/dpa").find()).isTrue();
        assertThat(Captions.CAPTION.matcher("Le port en hiver. Crédit : Jean Dupont").find()).isTrue();
        assertThat(Captions.CAPTION.matcher("The ferry sails at noon").find()).isFalse();
        assertThat(Captions.opensWithLabel("Foto: REUTERS, NTB")).isTrue();
        assertThat(Captions.opensWithLabel("(Photo: Jane Doe/Agency)")).isTrue();
        assertThat(Captions.opensWithLabel("Photography tips: light in winter")).isFalse();
    }

    @Test
    void stemsAreLuceneStemsOfTheLanguage() {
        assertThat(Language.stem("regulators", "en")).isEqualTo(Language.stem("regulator", "en"));
        assertThat(Language.stem("trading", "en")).isEqualTo(Language.stem("trade", "en"));
        assertThat(Language.stem("häuser", "de")).isEqualTo(Language.stem("haus", "de"));
    }

    @Test
    void interfaceWordsOfTheLanguageStandBesideEnglishOnes() {
        for (String code : Language.codes()) {
            assertThat(Language.interfaceWords(code)).as(code).contains("advertisement", "newsletter").hasSizeGreaterThan(40);
        }
        assertThat(Language.interfaceWords("de")).contains("anzeige", "teilen");
        assertThat(Language.interfaceWords("en")).doesNotContain("anzeige");
        assertThat(Language.interfaceWords("xx")).isEqualTo(Language.interfaceWords("en"));
        assertThat(Words.interfaceDensity(Words.tokens("Share on Facebook"), "en")).isGreaterThan(0.6);
        assertThat(Words.interfaceDensity(Words.tokens("The council voted to keep the harbour open"), "en")).isZero();
    }

    @Test
    void functionWordsOfAnyLanguageAndTheLanguageGuess() {
        assertThat(Language.isFunctionWord("the")).isTrue();
        assertThat(Language.isFunctionWord("und")).isTrue();
        assertThat(Language.isFunctionWord("harbour")).isFalse();
        assertThat(Words.guessLanguage(Words.tokens("Der Hafen wird im Winter geschlossen und die Fähre fährt nicht"))).isEqualTo("de");
        assertThat(Words.guessLanguage(Words.tokens("The harbour is closed in the winter and the ferry does not run"))).isEqualTo("en");
        assertThat(Words.guessLanguage(Words.tokens("42 17 2025"))).isNull();
        // As many Czech function words as English ones: the text tells neither, and a page's declaration stands.
        assertThat(Words.guessLanguage(Words.tokens("Keynote by José Valim, sync to video"))).isNull();
        assertThat(Language.declaredOrWritten("en", Words.tokens("Keynote by José Valim, sync to video"))).isEqualTo("en");
    }

    /** A sentence of each language told by its function words, with its neighbours' apart (Danish and Norwegian, Czech and Slovak). */
    @Test
    void eachLanguageWithFunctionWordsIsToldFromASentence() {
        Map<String, String> sentences = Map.ofEntries(
                Map.entry("sv", "Den nya färjan går även på vintern och det är inte alla som har väntat på det"),
                Map.entry("da", "Den nye færge sejler også om vinteren, og det er ikke alle der har ventet på det"),
                Map.entry("no", "Den nye ferja går også om vinteren, og det er ikke alle som har ventet på å se det"),
                Map.entry("fi", "Uusi lautta liikennöi myös talvella, ja se on jotain mitä kaikki eivät ole odottaneet"),
                Map.entry("pl", "Nowy prom będzie kursował także zimą, ale nie wszyscy na to czekali, jak mówi port"),
                Map.entry("cs", "Nový trajekt bude jezdit také v zimě, ale ne všichni na to čekali, jak říká přístav"),
                Map.entry("sk", "Nový trajekt bude premávať aj v zime, ale nie všetci sa na to tešili, ako hovorí prístav"),
                Map.entry("tr", "Yeni feribot kışın da çalışacak ve bu karar için liman çok daha fazla yolcu bekliyor"),
                Map.entry("id", "Kapal feri baru ini akan beroperasi juga pada musim dingin untuk para penumpang dari pulau"),
                Map.entry("ro", "Noul feribot va circula și în timpul iernii, iar portul spune că acest lucru este bun pentru insulă"),
                Map.entry("hu", "Az új komp télen is közlekedik, és a kikötő szerint ez nagyon jó hír a sziget lakóinak"),
                Map.entry("lv", "Jaunais prāmis kursēs arī ziemā, un osta saka, ka tas ir labs jaunums salas iedzīvotājiem"),
                Map.entry("lt", "Naujasis keltas plauks ir žiemą, o uostas sako, kad tai yra gera žinia salos gyventojams"),
                Map.entry("ru", "Новый паром будет ходить и зимой, и в порту говорят, что это очень хорошая новость для жителей острова"),
                Map.entry("uk", "Новий пором ходитиме і взимку, а в порту кажуть, що це дуже добра новина для жителів острова"),
                Map.entry("el", "Το νέο πλοίο θα ταξιδεύει και τον χειμώνα, και το λιμάνι λέει ότι αυτό είναι καλό νέο για το νησί"),
                Map.entry("ar", "ستعمل العبارة الجديدة في الشتاء أيضا، ويقول الميناء إن هذا خبر جيد لسكان الجزيرة"),
                Map.entry("fa", "کشتی جدید در زمستان هم کار می‌کند و بندر می‌گوید که این خبر خوبی برای مردم جزیره است"),
                Map.entry("he", "המעבורת החדשה תפעל גם בחורף, והנמל אומר כי זה חדשות טובות לכל תושבי האי"),
                Map.entry("hi", "नई नौका सर्दियों में भी चलेगी और बंदरगाह का कहना है कि यह द्वीप के लोगों के लिए अच्छी खबर है"),
                Map.entry("bg", "Новият ферибот ще пътува и през зимата, а от пристанището казват, че това е добра новина за хората на острова"),
                Map.entry("sr", "Нови трајект ће пловити и током зиме, а у луци кажу да је то добра вест за становнике острва"),
                Map.entry("hr", "Novi trajekt će ploviti i tijekom zime, a u luci kažu da je to dobra vijest za stanovnike otoka"),
                Map.entry("sl", "Novi trajekt bo vozil tudi pozimi, v pristanišču pa pravijo, da je to dobra novica za prebivalce otoka"),
                Map.entry("et", "Uus parvlaev sõidab ka talvel ja sadam ütleb, et see on hea uudis saare elanikele"),
                Map.entry("ca", "El nou transbordador també farà el trajecte a l'hivern, i el port diu que és una bona notícia per als veïns de l'illa"),
                Map.entry("vi", "Chiếc phà mới sẽ chạy cả vào mùa đông, và cảng cho biết đây là tin tốt cho người dân trên đảo"));
        sentences.forEach((code, text) -> {
            assertThat(Words.guessLanguage(Words.tokens(text))).as(code).isEqualTo(code);
            assertThat(Words.languageOf(Words.tokens(text))).as("by script, then words: " + code).isEqualTo(code);
        });
        assertThat(Language.functionWords("nb-NO")).isEqualTo(Language.functionWords("no")).contains("ikke");
        // Two languages sharing the most hits tell none, whatever comes after them.
        assertThat(Language.most(new int[] {5, 5, 3}, k -> true)).isEqualTo(-1);
        assertThat(Language.most(new int[] {3, 5, 4}, k -> k != 1)).isEqualTo(2);
        // Serbian in Latin letters, told from Croatian by a word where their standards differ.
        assertThat(Words.languageOf(Words.tokens("Novi trajekt će ploviti i tokom zime, a u luci kažu da je to takođe dobra vest"))).isEqualTo("sr");
        // A page's controls are told in its own language, and in English, which pages in every language borrow. Vietnamese
        // has no list: the syllables of its labels are prose's too (lang/vi.json).
        for (String code : Language.codes().stream().filter(c -> !c.equals("en") && !c.equals("vi")).toList()) {
            assertThat(Language.interfaceWords(code)).as(code).containsAll(Language.interfaceWords("en")).hasSizeGreaterThan(Language.interfaceWords("en").size() + 20);
        }
        assertThat(Words.interfaceDensity(Words.tokens("Zaloguj się | Szukaj | Komentarze"), "pl")).isGreaterThan(0.5);
    }

    /**
     * Names that words of the later languages' lists are too (Catalan "li", "ho", "els"; Vietnamese "cho", "theo"; Estonian
     * "ning", "seda"; Serbian "marta"; Slovenian "maja", "bi"; a Slovenian initial "s"): each list flags them, so a credit
     * holding one is not turned down.
     */
    @Test
    void wordsThatAreNamesElsewhereTurnNoNameDown() {
        for (String name : List.of("Li", "Cho", "Ho", "Theo", "Els", "Quan", "Trong", "Ning", "Seda", "Aga", "Jaan", "Marta", "Maja",
                "Samo", "Kao", "Ali", "Gen", "Bi", "Ki", "S", "V", "U", "Ян")) {
            assertThat(Bylines.plainWord(name, "en")).as(name).isTrue();
        }
        assertThat(Language.functionWords("ca")).contains("li", "els");
        assertThat(Language.functionWords("vi")).contains("cho", "theo");
    }

    /** A function word that is also a name elsewhere tells its language but does not turn a name down. */
    @Test
    void aFunctionWordThatIsAlsoANameStillTellsItsLanguage() {
        assertThat(Language.functionWords("id")).contains("yang", "dan");
        assertThat(Language.isFunctionWord("yang")).isFalse();
        assertThat(Language.isFunctionWord("dan")).isTrue(); // Dutch lists it as its own
        assertThat(Language.isFunctionWord("ole")).isFalse();
        assertThat(HeaderCandidates.functionFirst("Yang Li")).isNull();
    }

    /** Texts whose function words tell nothing are told by their letters' script. */
    @Test
    void aTextWithoutKnownFunctionWordsIsToldByItsScript() {
        assertThat(Words.languageOf(Words.tokens("港の新しいフェリーは冬も運航する"))).isEqualTo("ja");
        assertThat(Words.guessLanguage(Words.tokens("港の新しいフェリーは冬も運航する"))).isNull(); // the cleaner's features read no script
        assertThat(Words.languageOf(Words.tokens("港口的新渡轮冬季也将运营"))).isEqualTo("zh");
        assertThat(Words.languageOf(Words.tokens("항구의 새 여객선은 겨울에도 운항한다"))).isEqualTo("ko");
        assertThat(Words.languageOf(Words.tokens("Новый паром будет ходить и зимой"))).isEqualTo("ru");
        assertThat(Words.languageOf(Words.tokens("Новий пором ходитиме і взимку, є розклад"))).isEqualTo("uk");
        assertThat(Words.languageOf(Words.tokens("Το νέο πλοίο θα ταξιδεύει και τον χειμώνα"))).isEqualTo("el");
        assertThat(Words.languageOf(Words.tokens("العبارة الجديدة ستعمل في الشتاء"))).isEqualTo("ar");
        assertThat(Words.languageOf(Words.tokens("ဆိပ်ကမ်း၏ ကူးတို့သင်္ဘောသစ်သည် ဆောင်းရာသီတွင်လည်း ပြေးဆွဲမည်"))).isEqualTo("my");
        assertThat(Words.languageOf(Words.tokens("کشتی جدید در زمستان هم کار می‌کند و گشت"))).isEqualTo("fa");
        // Measured in words, a Chinese character or kana half a word: a page in Japanese quoting English is Japanese, and
        // a page in English quoting a Japanese title English.
        assertThat(Words.languageOf(Words.tokens("2019年のスマホ・DNSフィルタリング・スマホ政策について、IIJmio meeting の資料を公開しました。"
                + "in the meeting of the year"))).isEqualTo("ja");
        assertThat(Words.languageOf(Words.tokens("The ferry, which the harbour board calls 新しいフェリー, sails in the winter and the spring"
                + " for the first time"))).isEqualTo("en");
        // Latin letters whose function words are unknown here (Swahili), or no script with half the words: no guess.
        assertThat(Words.languageOf(Words.tokens("Kivuko kipya kitasafiri hata wakati wa baridi"))).isNull();
        assertThat(Words.languageOf(Words.tokens("Ferry 渡轮 Паром Fähre"))).isNull();
    }

    @Test
    void aPagesDeclaredLanguageGivesWayToItsTextOnlyWhereTheTextCouldTellIt() {
        List<String> english = Words.tokens("The harbour is closed in the winter and the ferry does not run");
        List<String> japanese = Words.tokens("港の新しいフェリーは冬も運航する");
        List<String> swahili = Words.tokens("Kivuko kipya kitasafiri hata wakati wa baridi na bandari iko wazi");
        assertThat(Language.declaredOrWritten("de", english)).isEqualTo("en");
        assertThat(Language.declaredOrWritten("en", japanese)).isEqualTo("ja");
        assertThat(Language.declaredOrWritten("en-GB", english)).isEqualTo("en-GB");
        assertThat(Language.declaredOrWritten("sw", english)).isEqualTo("sw"); // no Swahili function words here to weigh
        assertThat(Language.declaredOrWritten("en", swahili)).isEqualTo("en"); // the text tells nothing
        assertThat(Language.declaredOrWritten("nb", english)).isEqualTo("en");
        assertThat(Language.declaredOrWritten(null, japanese)).isEqualTo("ja");
    }
}
