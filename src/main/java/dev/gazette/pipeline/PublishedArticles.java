package dev.gazette.pipeline;

import dev.gazette.enrich.Publishing;
import dev.gazette.model.Article;
import dev.gazette.model.UpdatableStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which articles a build publishes and which it holds back ({@link Publishing}), in the order
 * read, as an {@link UpdatableStep}: a preview save decides again only for the articles it
 * changed, instead of turning every article's date into an instant. The decisions made at one
 * moment hold at a later one until the earliest date of an article held back for being in the
 * future (an article dated in the past stays there); a state from a later moment, or with other
 * options, is not updated but made afresh.
 *
 * @param publishing the options and the moment the decisions were made for
 * @param publishes  whether each article of the input, in its order, is published
 * @param published  the articles published, in the input's order
 * @param heldBack   the others, in the input's order
 * @param next       the earliest date of the articles held back for being in the future; null when none is
 */
record PublishedArticles(Publishing publishing, boolean[] publishes, List<Article> published, List<Article> heldBack,
                         Instant next) {

    /** The step for a build that publishes as {@code publishing} says. */
    static UpdatableStep<Article, PublishedArticles> step(Publishing publishing) {
        return new UpdatableStep<>("pipeline.published", (articles, steps) -> of(articles, publishing),
                (state, now, change, limit, steps) -> update(state, now, change, limit, publishing), null);
    }

    /** The decisions for every article of {@code articles}. */
    static PublishedArticles of(List<Article> articles, Publishing publishing) {
        // Loops over every article as lambdas (here and in made): run once a build, a loop's body stays
        // in the interpreter to its end, a lambda's is compiled after a few hundred calls.
        boolean[] publishes = new boolean[articles.size()];
        IntStream.range(0, publishes.length).forEach(i -> publishes[i] = publishing.publishes(articles.get(i)));
        return made(articles, publishes, publishing);
    }

    /**
     * {@code state} brought to {@code now} and {@code publishing}'s moment: the articles the same as
     * at their position before keep their decision. Null (made afresh) when the options differ, the
     * moment is earlier than the state's or not before its {@link #next}, the list's length changed,
     * or more than {@code limit} articles changed.
     */
    static PublishedArticles update(PublishedArticles state, List<Article> now, UpdatableStep.Change<Article> change,
                                    int limit, Publishing publishing) {
        Publishing before = state.publishing();
        if (before.drafts() != publishing.drafts() || before.future() != publishing.future()
                || publishing.now().isBefore(before.now())
                || state.next() != null && !publishing.now().isBefore(state.next())
                || change.sizeBefore() != now.size() || state.publishes().length != now.size()) {
            return null;
        }
        boolean[] publishes = new boolean[now.size()];
        int changed = 0;
        for (int i = 0; i < publishes.length; i++) {
            if (change.sameAt(i)) {
                publishes[i] = state.publishes()[i];
            } else if (++changed > limit) {
                return null;
            } else {
                publishes[i] = publishing.publishes(now.get(i));
            }
        }
        return made(now, publishes, publishing);
    }

    private static PublishedArticles made(List<Article> articles, boolean[] publishes, Publishing publishing) {
        List<Article> published = new ArrayList<>(articles.size());
        List<Article> heldBack = new ArrayList<>();
        IntStream.range(0, publishes.length).forEach(i -> (publishes[i] ? published : heldBack).add(articles.get(i)));
        Instant next = heldBack.stream().filter(publishing::isFuture).map(a -> a.date().toInstant())
                .min(Instant::compareTo).orElse(null);
        return new PublishedArticles(publishing, publishes, Collections.unmodifiableList(published),
                Collections.unmodifiableList(heldBack), next);
    }
}
