package dev.gazette.incremental;

import dev.gazette.model.Problem;

import java.util.List;

/**
 * What the last finished build through a build cache reported, saved with it, so that a build
 * that finds none of its inputs changed since can report the same without reading, linking or
 * rendering anything.
 *
 * @param inputs       the fingerprint of what the build was asked for beyond its environment
 *                     (the folders as given, the base URL, whether drafts and future-dated articles are published)
 * @param now          the moment it counted as "now" (ms since the epoch): a later build whose clock is earlier may
 *                     hold back an article it published
 * @param nextHeldBack the earliest date of an article it held back for being in the future (ms since the epoch;
 *                     {@link Long#MAX_VALUE} when none was): from then on the same sources publish more
 * @param articles     the articles it published
 * @param heldBack     the sources of the articles it held back
 * @param problems     the warnings it reported
 */
public record LastBuild(Fingerprint inputs, long now, long nextHeldBack, int articles, List<String> heldBack,
                        List<Problem> problems) {
    public LastBuild {
        heldBack = List.copyOf(heldBack);
        problems = List.copyOf(problems);
    }

    /** Whether a build at {@code now} publishes what this one did from the same sources: its clock is in between. */
    public boolean publishesTheSameAt(long now) {
        return now >= this.now && now < nextHeldBack;
    }

    /** Equal but for the moment each counted as "now". */
    boolean sameButNow(LastBuild other) {
        return other != null && inputs.equals(other.inputs) && nextHeldBack == other.nextHeldBack
                && articles == other.articles && heldBack.equals(other.heldBack) && problems.equals(other.problems);
    }
}
