package dev.gazette.model;

/**
 * Where an article was first published, as far as anyone said: what its page credits. Gazette
 * never guesses a piece was written for the digest; only the curator can say so.
 */
public enum Origin {
    /** Written for this digest: the front matter says {@code source: self}. */
    DIGEST,
    /** The curator named the outlet in front matter ({@code source:}). */
    OUTLET,
    /**
     * The curator did not name the outlet, but the page did: the site name found on it, or only
     * the host of its URL ({@link Article#publication()} is then null).
     */
    PAGE,
    /** Neither the curator nor the page says where the piece comes from. */
    UNRECORDED;

    /** Whether the article names the outlet it came from (or is the digest's own). */
    public boolean hasOutlet(String publication) {
        return this == DIGEST || publication != null;
    }
}
