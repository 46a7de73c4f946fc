package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Origin;
import dev.gazette.model.Tag;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A large synthetic digest for measuring search: made-up words drawn from a Zipf distribution
 * (as words in real text are), headlines of 6-11 words, bodies of 400-900 words, 2-4 of 300
 * tags, 20 publications. Same size and seed, same digest.
 */
final class GeneratedDigest {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "da", "go",
            "ban", "tor", "lin", "mer", "sca", "pri", "qua", "zel", "fro", "dun", "hal", "wes", "cor", "ish"};

    /** Uniform draws to Zipf-distributed word ranks: one array look-up per word instead of a search. */
    private static final int DRAWS = 1 << 20;

    final List<String> words;
    private final int[] ranks = new int[DRAWS];
    private final Random random;

    GeneratedDigest(int vocabulary, long seed) {
        random = new Random(seed);
        words = new ArrayList<>(vocabulary);
        Set<String> seen = new HashSet<>();
        while (words.size() < vocabulary) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        double total = 0;
        for (int r = 0; r < vocabulary; r++) {
            total += 1.0 / (r + 1);
        }
        double sum = 0;
        int rank = 0;
        for (int d = 0; d < DRAWS; d++) {
            while (rank < vocabulary - 1 && (sum + 1.0 / (rank + 1)) / total * DRAWS < d + 0.5) {
                sum += 1.0 / (rank + 1);
                rank++;
            }
            ranks[d] = rank;
        }
    }

    String word() {
        return words.get(ranks[random.nextInt(DRAWS)]);
    }

    private String sentence(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String w = word();
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < length ? " " : ".");
        }
        return s.toString();
    }

    Digest digest(int articles) {
        List<Tag> tags = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            String name = words.get(100 + t * 7);
            tags.add(new Tag("tag-" + t, Character.toUpperCase(name.charAt(0)) + name.substring(1), null, List.of()));
        }
        Map<String, List<Article>> byTag = new LinkedHashMap<>();
        tags.forEach(t -> byTag.put(t.slug(), new ArrayList<>()));
        List<Article> list = new ArrayList<>();
        ZonedDateTime newest = ZonedDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < articles; i++) {
            String title = sentence(6 + random.nextInt(6));
            title = title.substring(0, title.length() - 1);
            StringBuilder text = new StringBuilder();
            int words = 400 + random.nextInt(500);
            int count = 0;
            while (count < words) {
                int n = 8 + random.nextInt(14);
                text.append(sentence(n)).append(count % 120 < n ? "\n\n" : " ");
                count += n;
            }
            List<String> mine = new ArrayList<>();
            for (int t = 0, k = 2 + random.nextInt(3); t < k; t++) {
                String slug = tags.get((int) Math.min(299, Math.abs(random.nextGaussian()) * 60)).slug();
                if (!mine.contains(slug)) {
                    mine.add(slug);
                }
            }
            String body = text.toString().strip();
            String summary = body.substring(0, Math.min(body.length(), 200));
            Article a = new Article("gen/" + i + ".md", "a" + i, title, summary, "<p>" + body + "</p>", body,
                    null, "Publication " + (i % 20), "https://news.example/" + i, newest.minusMinutes(37L * i), "en",
                    null, mine, null, false, false, count, "gen-" + i, "gen/" + i + ".md", Origin.OUTLET);
            list.add(a);
            mine.forEach(slug -> byTag.get(slug).add(a));
        }
        List<Digest.TagGroup> groups = new ArrayList<>();
        tags.forEach(t -> groups.add(new Digest.TagGroup(t, byTag.get(t.slug()))));
        return new Digest(list, groups, List.of(), List.of(), List.of(), Map.of());
    }
}
