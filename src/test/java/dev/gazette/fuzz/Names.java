package dev.gazette.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of publications, people, places and tags in every script a digest meets, and the
 * relations between names that trip up linking: one name a prefix of another, two names
 * sharing a word, the same name repeated.
 */
final class Names {
    /** Words to build names from; plain Latin first, as the simplest shrink target. */
    static final List<String> WORDS = List.of(
            "Western", "Courier", "Port", "Ellery", "Post", "Kestrel", "Line",
            // Latin with diacritics and case-mapping traps (Turkish dotted/dotless i, German sharp s)
            "Müller", "Straße", "İstanbul", "Işık", "Ærø", "Łódź", "Ørsted", "Zoë", "Crème", "ǅemal",
            // combining marks instead of precomposed letters
            "Cafe\u0301", "Zoe\u0308", "Ame\u0301lie",
            // other scripts, right-to-left included
            "Αθήνα", "Σίσυφος", "Москва", "Київ", "القاهرة", "ירושלים", "東京", "北京日報", "서울신문",
            "กรุงเทพ", "दिल्ली", "ኢትዮጵያ", "Ῥόδος",
            // invisible characters inside a word
            "Nord\u200Dwind", "Port\u200BEllery", "Soft\u00ADhyphen", "Zero\u200Cjoin", "\u200FRTL\u200Emark",
            "Word\u2060joiner", "\uFEFFBom",
            // compatibility forms, supplementary planes, emoji
            "ﬁnance", "\u212Aelvin", "𝔊𝔞𝔷𝔢𝔱𝔱𝔢", "🚀", "👩\u200D🚀", "🇩🇪", "❤\uFE0F", "𠀋𠀌");

    private Names() {
    }

    static String word(Draw draw) {
        return draw.pick(WORDS);
    }

    /** One name: one to three words, joined the ways names are written. */
    static String name(Draw draw) {
        int words = draw.between(1, 3);
        StringBuilder name = new StringBuilder(word(draw));
        for (int i = 1; i < words; i++) {
            name.append(draw.pick(" ", " ", "-", "\u00A0", "’s ", " & ")).append(word(draw));
        }
        return name.toString();
    }

    /**
     * The names one content folder uses: a few base names plus names that overlap them (a
     * prefix of one, one extended by a word, the last word of one starting another).
     */
    static List<String> pool(Draw draw) {
        List<String> pool = new ArrayList<>();
        int bases = draw.between(1, 5);
        for (int i = 0; i < bases; i++) {
            pool.add(name(draw));
        }
        int derived = draw.between(0, 4);
        for (int i = 0; i < derived; i++) {
            String base = draw.pick(pool);
            String[] parts = base.split(" ");
            pool.add(switch (draw.between(0, 2)) {
                case 0 -> parts[0];
                case 1 -> base + " " + word(draw);
                default -> parts[parts.length - 1] + " " + word(draw);
            });
        }
        return pool;
    }
}
