package dev.gazette.bench;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import dev.gazette.model.Digest;
import dev.gazette.source.YamlMap;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the link stage (tags, related articles, stories, editions) on generated digests of
 * realistic shape: topics with their own vocabulary over a shared Zipf-distributed English
 * vocabulary, several outlets covering some events, dates over two years. Run with
 * {@code bench/link.sh [articles...]}; prints wall time per run, not asserted anywhere.
 */
public final class LinkBenchmark {
    private static final String[] COMMON = ("time year people way day man thing woman life child world school state "
            + "family student group country problem hand part place case week company system program question work "
            + "government number night point home water room mother area money story fact month lot right study book "
            + "eye job word business issue side kind head house service friend father power hour game line end member "
            + "law car city community name president team minute idea kid body information back parent face others "
            + "level office door health person art war history party result change morning reason research girl guy "
            + "moment air teacher force education said says told added reported according expected plans new first "
            + "last long great little own other old right big high different small large next early young important").split(" ");

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        SiteConfig site = SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        for (int size : sizes) {
            List<Article> articles = generate(size, 42);
            long best = Long.MAX_VALUE;
            Digest digest = null;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                digest = new Linker(site).link(articles, p -> { });
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf(Locale.ROOT, "%,d articles: link stage best of 3 = %d ms (%d stories, %d tags, %d editions, %d cores)%n",
                    size, best / 1_000_000, digest.stories().size(), digest.tags().size(), digest.editions().size(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** {@code size} articles on size/8 topics; about one event in four is covered by two or three outlets. */
    static List<Article> generate(int size, long seed) {
        Random random = new Random(seed);
        int topics = Math.max(4, size / 8);
        List<Article> out = new ArrayList<>(size);
        ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        int i = 0;
        while (i < size) {
            int topic = random.nextInt(topics);
            int outlets = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            ZonedDateTime date = start.plusHours(random.nextInt(2 * 365 * 24));
            long eventSeed = random.nextLong();
            for (int k = 0; k < outlets && i < size; k++, i++) {
                Random words = new Random(eventSeed);
                Random own = new Random(random.nextLong());
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 6; p++) {
                    for (int w = 0; w < 70; w++) {
                        double roll = own.nextDouble();
                        if (roll < 0.35) {
                            text.append("event").append(topic).append('x').append(words.nextInt(40));
                        } else if (roll < 0.55) {
                            text.append("topic").append(topic).append('w').append(own.nextInt(60));
                        } else {
                            text.append(COMMON[(int) Math.min(COMMON.length - 1, Math.abs(own.nextGaussian()) * COMMON.length / 3)]);
                        }
                        text.append(w % 14 == 13 ? ". " : " ");
                    }
                    text.append("\n\n");
                }
                String slug = "article-" + i;
                out.add(new Article(slug + ".md", slug, "Report " + i + " on topic " + topic, "Summary " + i,
                        "<p>" + text + "</p>", text.toString(), null, "Outlet " + k, null, date.plusHours(k * 5L), "en",
                        null, List.of("topic-" + topic % 50), null, false, false, 420, "urn:bench:" + i,
                        slug + ".md", Origin.OUTLET));
            }
        }
        return out;
    }
}
