package dev.gazette.link;

import dev.gazette.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AutoTaggerTest {
    private final AutoTagger tagger = new AutoTagger(List.of(
            new Tag("openai", "OpenAI", null, List.of("OpenAI", "ChatGPT")),
            new Tag("ai", "Artificial Intelligence", null, List.of("AI")),
            new Tag("china", "China", null, List.of("China", "Chinese")),
            new Tag("apple", "Apple", null, List.of("Apple")),
            new Tag("sam-altman", "Sam Altman", null, List.of("Sam Altman", "Altman"))));

    @Test
    void matchesWholeWordsAndPossessives() {
        List<AutoTagger.Scored> scores = tagger.score("OpenAI’s plan",
                "Regulators in three countries looked closely at OpenAI's filing and at ChatGPT.\n\nNothing about Chinaware.");
        assertThat(scores).extracting(s -> s.tag().slug()).containsExactly("openai");
        // title 3 + lead mentions 2 + 2
        assertThat(scores.get(0).score()).isEqualTo(7);
    }

    @Test
    void acronymsOnlyInCapitalsAndNamesKeepTheirCapital() {
        assertThat(tagger.score("", "The ai of the story, said Mr Kai.")).isEmpty();
        assertThat(tagger.score("", "An apple a day, and apple pie.")).isEmpty();
        assertThat(tagger.score("", "AI rules. Apple shares rose; APPLE is loud."))
                .extracting(s -> s.tag().slug()).containsExactlyInAnyOrder("ai", "apple");
    }

    @Test
    void aLongerAliasWinsOverTheShorterOneInside() {
        List<AutoTagger.Scored> scores = tagger.score("", "Sam Altman spoke.\n\nLater Altman left.");
        assertThat(scores).hasSize(1);
        assertThat(scores.get(0).score()).isEqualTo(3); // lead 2 + body 1, not counted twice
    }

    @Test
    void keepsOnlyTagsStrongEnoughAndAtMostFive() {
        assertThat(tagger.tags("Chinese markets", "A passing note on AI.")).containsExactly("china");
        assertThat(tagger.tags("", "A passing note on AI.")).isEmpty();
    }

    /** Every character a name's pattern can begin a mention with is among the ones {@link AutoTagger#starts} lets through. */
    @Test
    void aMentionBeginsOnlyWithACharacterItsStartsAllow() {
        List<String> aliases = List.of("OpenAI", "EU", "trade", "kilo", "sigma", "istanbul", "İzmir", "ſtar", "éclair",
                "Élysée", "9to5", "#hashtag", "K-pop", "x", "ǆungla", "\uD801\uDC28esert", "ß-test");
        int allowed = 0;
        for (String alias : aliases) {
            AutoTagger.Starts starts = AutoTagger.starts(List.of(new Tag("t", alias, null, List.of())));
            Pattern pattern = Pattern.compile(AutoTagger.aliasPattern(alias));
            String rest = alias.substring(Character.charCount(alias.codePointAt(0)));
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                if (pattern.matcher(c + rest).lookingAt()) {
                    assertThat(starts.may(c)).as("%s begun with U+%04X", alias, (int) c).isTrue();
                }
                allowed += c < 128 && starts.may(c) ? 1 : 0;
            }
        }
        // The filter lets few ASCII characters through: it is not a test of a filter that lets everything pass.
        assertThat(allowed).isLessThan(3 * aliases.size());
    }

    /**
     * Words are filtered by the hash of their ASCII folding before they are looked up: the
     * mentions found must be the ones found by looking every word up, with names and texts
     * mixing cases, non-ASCII letters whose lower case is not ASCII's (dotted I, Kelvin sign,
     * sharp s), digits and punctuation.
     */
    @Test
    void filteringWordsByHashFindsTheMentionsLookingEveryWordUpFinds() {
        String[] pieces = {"a", "A", "b", "ai", "AI", "Ai", "k", "K", "\u212A", "\u0130", "i", "\u00df", "SS", "ss",
                "\u00e9", "\u00c9", "7", "x9", "Dr", "dr"};
        Random random = new Random(11);
        int found = 0;
        for (int round = 0; round < 300; round++) {
            List<Tag> vocabulary = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(12); t++) {
                List<String> names = new ArrayList<>();
                for (int a = 0; a < 1 + random.nextInt(3); a++) {
                    names.add(randomWords(random, pieces, 1 + random.nextInt(3)));
                }
                vocabulary.add(new Tag("t" + t, names.get(0), null, names));
            }
            String title = randomWords(random, pieces, random.nextInt(6));
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < 1 + random.nextInt(4); p++) {
                text.append(randomWords(random, pieces, random.nextInt(40))).append(random.nextBoolean() ? ".\n\n" : "; ");
            }
            List<AutoTagger.Scored> filtered = new AutoTagger(vocabulary, true).score(title, text.toString());
            List<AutoTagger.Scored> every = new AutoTagger(vocabulary, false).score(title, text.toString());
            assertThat(filtered).as(vocabulary + " in " + text).isEqualTo(every);
            found += filtered.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("rounds with mentions").isGreaterThan(80);
    }

    /**
     * A thread keeps its arrays of words from article to article: tagged after others, longer and
     * shorter, an article gets the tags it gets as the first article of a new thread.
     */
    @Test
    void anArticleIsTaggedAsTheFirstOfAThreadIs() throws Exception {
        String[] pieces = {"Apple", "apple", "Orange", "Kiwi", "kiwi", "Über", "über", "UN", "and", "the", "a"};
        List<Tag> vocabulary = List.of(new Tag("apple", "Apple", null, List.of()), new Tag("orange", "Orange", null, List.of()),
                new Tag("kiwi", "Kiwi Fruit", null, List.of("Kiwi")), new Tag("uber", "Über", null, List.of()),
                new Tag("un", "UN", null, List.of()));
        Random random = new Random(5);
        for (boolean filter : new boolean[] {true, false}) {
            AutoTagger tagger = new AutoTagger(vocabulary, filter);
            for (int round = 0; round < 60; round++) {
                String title = randomWords(random, pieces, random.nextInt(4));
                String text = randomWords(random, pieces, random.nextInt(round % 3 == 0 ? 400 : 20)) + ".\n\n"
                        + randomWords(random, pieces, random.nextInt(30));
                List<List<AutoTagger.Scored>> first = new ArrayList<>();
                Thread fresh = new Thread(() -> first.add(tagger.score(title, text)));
                fresh.start();
                fresh.join();
                assertThat(tagger.score(title, text)).as(title + " / " + text).isEqualTo(first.get(0));
            }
        }
    }

    private static String randomWords(Random random, String[] pieces, int count) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                out.append(random.nextInt(5) == 0 ? "-" : " ");
            }
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                out.append(pieces[random.nextInt(pieces.length)]);
            }
        }
        return out.toString();
    }
}
