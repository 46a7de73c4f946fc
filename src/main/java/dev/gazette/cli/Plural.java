package dev.gazette.cli;

/** Counts in words that agree with them: "1 article", "2 articles", "0 problems". */
final class Plural {
    private Plural() {
    }

    /** For nouns that take an "s": {@code of(1, "article")} is "1 article". */
    static String of(long count, String one) {
        return of(count, one, one + "s");
    }

    static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
