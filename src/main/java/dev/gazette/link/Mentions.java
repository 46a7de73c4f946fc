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
        private static final java.util.regex.Pattern PARAGRAPH_BREAK = java.util.regex.Pattern.compile("\n\\s*\n");

        static Parts of(String title, String text) {
            String[] paragraphs = PARAGRAPH_BREAK.split(text == null ? "" : text.strip());
            int lead = 0;
            while (lead < paragraphs.length - 1 && paragraphs[lead].length() < MIN_LEAD) {
                lead++;
            }
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < paragraphs.length; i++) {
                if (i != lead) {
                    rest.append(paragraphs[i]).append("\n\n");
                }
            }
            return new Parts(title == null ? "" : title, paragraphs[lead], rest.toString());
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
