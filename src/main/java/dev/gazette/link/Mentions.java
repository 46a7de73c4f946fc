package dev.gazette.link;

import dev.gazette.text.Slices;

import java.util.Arrays;

/**
 * Where in an article a name is mentioned, and how much each place counts: a name in the
 * headline or the opening paragraph says more about what the article is about than one in
 * passing further down.
 */
enum Mentions {
    TITLE(3), LEAD(2), BODY(1);

    final int weight;

    Mentions(int weight) {
        this.weight = weight;
    }

    /**
     * The title, the first paragraph and the rest of an article's plain text. The rest is made
     * only when asked for: the entity finder reads it paragraph by paragraph, which the bounds give.
     */
    static final class Parts {
        /** Paragraphs shorter than this are headings or captions, not the lead. */
        private static final int MIN_LEAD = 60;

        private final String title;
        private final String body;
        private final int[] bounds;
        private final int lead;
        private String rest;

        private Parts(String title, String body, int[] bounds, int lead) {
            this.title = title;
            this.body = body;
            this.bounds = bounds;
            this.lead = lead;
        }

        static Parts of(String title, String text) {
            String body = text == null ? "" : text.strip();
            int[] bounds = paragraphs(body);
            int count = bounds.length / 2;
            int lead = 0;
            while (lead < count - 1 && bounds[2 * lead + 1] - bounds[2 * lead] < MIN_LEAD) {
                lead++;
            }
            return new Parts(title == null ? "" : title, body, bounds, lead);
        }

        /** The text a part lies in: the title, or the body that {@link #ranges} cut. */
        String source(Mentions where) {
            return where == TITLE ? title : body;
        }

        /**
         * Where the part's paragraphs lie in {@link #source}, in pairs, in order: its words are
         * those of {@link #part}, which joins these paragraphs with breaks, without the copy.
         */
        int[] ranges(Mentions where) {
            return switch (where) {
                case TITLE -> new int[] {0, title.length()};
                case LEAD -> new int[] {bounds[2 * lead], bounds[2 * lead + 1]};
                case BODY -> {
                    int[] out = new int[bounds.length - 2];
                    for (int i = 0, k = 0; i < bounds.length / 2; i++) {
                        if (i != lead) {
                            out[k++] = bounds[2 * i];
                            out[k++] = bounds[2 * i + 1];
                        }
                    }
                    yield out;
                }
            };
        }

        /**
         * Where the paragraphs of a part lie in {@link #source}, in pairs, in order: the ones
         * splitting {@link #part} at {@code \n\s*\n} gives, but that the rest's one empty
         * paragraph when the body has no other than the lead is left out.
         */
        int[] paragraphRanges(Mentions where) {
            return where == TITLE ? paragraphs(title) : ranges(where);
        }

        String part(Mentions where) {
            return switch (where) {
                case TITLE -> title;
                case LEAD -> paragraph(lead);
                case BODY -> rest();
            };
        }

        private String paragraph(int i) {
            return body.substring(bounds[2 * i], bounds[2 * i + 1]);
        }

        private String rest() {
            if (rest == null) {
                int count = bounds.length / 2;
                StringBuilder out = Slices.builderFor(body, body.length() + 2 * count);
                for (int i = 0; i < count; i++) {
                    if (i != lead) {
                        out.append(body, bounds[2 * i], bounds[2 * i + 1]).append("\n\n");
                    }
                }
                rest = out.toString();
            }
            return rest;
        }

        /**
         * Where the paragraphs of {@code text} start and end, in pairs: the parts that splitting
         * it at {@code \n\s*\n} gives, found with indexOf (the regular expression was tried at
         * every line break of every article twice a build).
         */
        static int[] paragraphs(String text) {
            int[] bounds = new int[16];
            int count = 0;
            int start = 0;
            int from = 0;
            int nl;
            while ((nl = text.indexOf('\n', from)) >= 0) {
                // The pattern's \s* is greedy, so a break runs to the last line break of the white space after nl.
                int end = nl + 1;
                int last = -1;
                while (end < text.length() && isSpace(text.charAt(end))) {
                    if (text.charAt(end) == '\n') {
                        last = end;
                    }
                    end++;
                }
                if (last < 0) {
                    from = nl + 1;
                    continue;
                }
                if (count + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                }
                bounds[count++] = start;
                bounds[count++] = nl;
                start = last + 1;
                from = start;
            }
            if (count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length + 2);
            }
            bounds[count++] = start;
            bounds[count++] = text.length();
            // split drops trailing empty paragraphs (but keeps the one paragraph of an empty text)
            while (count > 2 && bounds[count - 1] == bounds[count - 2]) {
                count -= 2;
            }
            return Arrays.copyOf(bounds, count);
        }

        /** A character of the pattern's {@code \s}. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }
    }
}
