package dev.gazette.link;

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

    /** The title, the first paragraph and the rest of an article's plain text. */
    record Parts(String title, String lead, String rest) {
        /** Paragraphs shorter than this are headings or captions, not the lead. */
        private static final int MIN_LEAD = 60;

        static Parts of(String title, String text) {
            String body = text == null ? "" : text.strip();
            int[] bounds = paragraphs(body);
            int count = bounds.length / 2;
            int lead = 0;
            while (lead < count - 1 && bounds[2 * lead + 1] - bounds[2 * lead] < MIN_LEAD) {
                lead++;
            }
            StringBuilder rest = new StringBuilder(body.length() + 2 * count);
            for (int i = 0; i < count; i++) {
                if (i != lead) {
                    rest.append(body, bounds[2 * i], bounds[2 * i + 1]).append("\n\n");
                }
            }
            return new Parts(title == null ? "" : title, body.substring(bounds[2 * lead], bounds[2 * lead + 1]), rest.toString());
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
                    bounds = java.util.Arrays.copyOf(bounds, 2 * bounds.length);
                }
                bounds[count++] = start;
                bounds[count++] = nl;
                start = last + 1;
                from = start;
            }
            if (count + 2 > bounds.length) {
                bounds = java.util.Arrays.copyOf(bounds, bounds.length + 2);
            }
            bounds[count++] = start;
            bounds[count++] = text.length();
            // split drops trailing empty paragraphs (but keeps the one paragraph of an empty text)
            while (count > 2 && bounds[count - 1] == bounds[count - 2]) {
                count -= 2;
            }
            return java.util.Arrays.copyOf(bounds, count);
        }

        /** A character of the pattern's {@code \s}. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }

        String part(Mentions where) {
            return switch (where) {
                case TITLE -> title;
                case LEAD -> lead;
                case BODY -> rest;
            };
        }
    }
}
