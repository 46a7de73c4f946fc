package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Problem;
import dev.gazette.model.Tag;

import java.util.List;
import java.util.Map;

/**
 * What the link stage made from its input, kept by the incremental layer between builds (see
 * {@link Linker}): the next build starts from it and redoes an article's steps only when the
 * article or what its steps read of the others changed.
 *
 * @param entries       what each article of the input became, by its position in the input
 * @param order         the input's positions, newest first ({@link Linker#NEWEST_FIRST})
 * @param automaticTags the vocabulary automatic tags were chosen from
 * @param problems      the warnings the stage reported, in order
 * @param digest        the stage's output
 */
record LinkState(Entry[] entries, int[] order, List<Tag> automaticTags, List<Problem> problems, Digest digest) {

    /**
     * One article's way through the stage: every value an unchanged article can keep when what
     * it was made from is unchanged too.
     *
     * @param article  as it came in
     * @param entities its salient entities (null when the site has a vocabulary of its own)
     * @param autoTags the tags the vocabulary finds in its text
     * @param slugs    its tags' slugs, its own then automatic ones
     * @param tagged   the article with those tags
     * @param source   the normalised address of its original, or null
     * @param hrefs    the normalised addresses its body links to
     * @param own      its tags as linked in its body (none unless it links them)
     * @param cited    the addresses in its body that are another article's original, with that article
     * @param linked   the tagged article with its body's links made
     * @param doc      its terms, for the similarity index
     */
    record Entry(Article article, Map<String, EntityFinder.Entity> entities, List<String> autoTags, List<String> slugs,
                 Article tagged, String source, List<String> hrefs, List<Tag> own, Map<String, String> cited, Article linked,
                 SimilarityIndex.Doc doc) {
    }
}
