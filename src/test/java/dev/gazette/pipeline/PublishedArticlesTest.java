package dev.gazette.pipeline;

import dev.gazette.enrich.Publishing;
import dev.gazette.model.Article;
import dev.gazette.model.IdentityChange;
import dev.gazette.model.Origin;
import dev.gazette.model.UpdatableStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published articles kept between builds: after any sequence of edits (dates moved into and
 * out of the future, drafts, articles added and removed) and moments (forward past held-back
 * dates, and backward), the state the update gives, when it gives one, is the one made afresh.
 */
class PublishedArticlesTest {
    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    private static Article article(int n, Instant date, boolean draft) {
        ZonedDateTime at = date == null ? null : date.atZone(ZoneOffset.UTC);
        return new Article("a" + n + ".md", "a" + n, "Title " + n, "Summary", "<p>Body.</p>", "Body.", null, "Pub",
                null, at, "en", null, List.of(), null, false, draft, 100, "a" + n, "a" + n + ".md", Origin.OUTLET);
    }

    /** Dates from two days before {@code start} to two days after it; some undated. */
    private static Article article(Random random, int n, Instant start) {
        Instant date = random.nextInt(10) == 0 ? null : start.plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400);
        return article(n, date, random.nextInt(8) == 0);
    }

    @Test
    void anUpdatedStateIsTheFreshOneAfterAnyEditsAndMoments() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            boolean drafts = random.nextBoolean();
            boolean future = random.nextInt(4) == 0;
            Instant now = START;
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                articles.add(article(random, i, now));
            }
            PublishedArticles state = PublishedArticles.of(articles, new Publishing(drafts, future, now));
            int updated = 0;
            for (int round = 0; round < 200; round++) {
                List<Article> next = new ArrayList<>(articles);
                int edits = random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(next.size());
                    switch (random.nextInt(6)) {
                        case 0 -> next.add(at, article(random, 1_000 + round * 10 + e, now));
                        case 1 -> next.remove(at);
                        default -> next.set(at, article(random, 2_000 + round * 10 + e, now));
                    }
                }
                // Mostly forward by minutes to hours (across held-back dates), now and then backward.
                now = now.plusSeconds(random.nextInt(10) == 0 ? -random.nextInt(7_200) : random.nextInt(20_000));
                Publishing publishing = new Publishing(drafts, future, now);
                PublishedArticles fresh = PublishedArticles.of(next, publishing);
                PublishedArticles update = PublishedArticles.update(state, next, new IdentityChange<>(articles, next),
                        random.nextInt(6), publishing);
                if (update != null) {
                    updated++;
                    assertThat(update.published()).as("seed %d round %d", seed, round)
                            .containsExactlyElementsOf(fresh.published());
                    assertThat(update.heldBack()).containsExactlyElementsOf(fresh.heldBack());
                    assertThat(update.publishes()).containsExactly(fresh.publishes());
                    assertThat(update.next()).isEqualTo(fresh.next());
                }
                state = update != null ? update : fresh;
                articles = next;
            }
            assertThat(updated).as("seed %d: the update path is taken", seed).isGreaterThan(20);
        }
    }

    @Test
    void aMomentBeforeTheStateOrAtItsNextHeldBackDateOrOtherOptionsAreMadeAfresh() {
        Instant tomorrow = START.plusSeconds(86_400);
        List<Article> articles = List.of(article(1, START.minusSeconds(60), false), article(2, tomorrow, false));
        PublishedArticles state = PublishedArticles.of(articles, new Publishing(false, false, START));
        assertThat(state.published()).containsExactly(articles.get(0));
        assertThat(state.next()).isEqualTo(tomorrow);
        UpdatableStep.Change<Article> same = new IdentityChange<>(articles, articles);
        assertThat(PublishedArticles.update(state, articles, same, 10, new Publishing(false, false,
                tomorrow.minusNanos(1)))).isNotNull();
        assertThat(PublishedArticles.update(state, articles, same, 10, new Publishing(false, false, tomorrow)))
                .as("the held-back article is due").isNull();
        assertThat(PublishedArticles.update(state, articles, same, 10, new Publishing(false, false,
                START.minusNanos(1)))).as("the clock went back").isNull();
        assertThat(PublishedArticles.update(state, articles, same, 10, new Publishing(false, true, START)))
                .as("other options").isNull();
    }
}
