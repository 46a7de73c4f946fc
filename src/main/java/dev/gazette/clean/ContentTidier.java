package dev.gazette.clean;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what is left of page furniture inside the chosen article container: repeated
 * headlines, bylines and datelines, share rows, link lists, image-heavy or form-heavy blocks,
 * advertisement labels and photo credits. Keeps the article's own structure.
 */
final class ContentTidier {
    /** Class/id words of small blocks that sit inside articles without being part of the text. */
    private static final Pattern FURNITURE = Pattern.compile(
            "byline|author|dateline|timestamp|posted|pubdate|publish|\\bmeta\\b|-meta|meta-|share|sharing|social"
                    + "|related|newsletter|subscri|signup|sign-up|promo|advert|\\bads?\\b|sponsor|\\btags?\\b|breadcrumb"
                    + "|toolbar|print|caption|credit|copyright|disclaimer|read-?more|more-?stories|recirc|taboola"
                    + "|outbrain|comments?-|donate|paywall|inline-?cta",
            Pattern.CASE_INSENSITIVE);
    /** A block that is only an ad label, in the languages the cleaner knows (lang/*.json ad_label). */
    private static final Pattern AD_LABEL = Pattern.compile("[\\s\\p{Pd}]*(?:" + Language.alternation(Language.adLabels()) + ")[\\s\\p{Pd}]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BYLINE = Pattern.compile("^(?:" + Language.bylineAlternation() + ")\\s+\\p{Lu}", Pattern.CASE_INSENSITIVE);
    private static final int SMALL = 300;

    void tidy(Element container, String title) {
        TextStats stats = TextStats.measure(container);
        removeTitle(container, title, stats);
        cleanConditionally(container, stats);
        removeFurniture(container, stats);
        removeEmpty(container, stats);
    }

    private static void removeTitle(Element container, String title, TextStats stats) {
        if (title == null) {
            return;
        }
        String wanted = Words.comparable(title);
        for (Element h : container.select("h1, h2, h3, p")) {
            // Only blocks about as long as the title can repeat it; this keeps large pages fast.
            if (Math.abs(stats.of(h).chars - title.length()) <= 20 && Words.comparable(h.text()).equals(wanted)) {
                stats.remove(h);
            }
        }
        for (Element h : container.select("h1, h2")) {
            if (ContentFinder.classWeight(h) < 0) {
                stats.remove(h);
            }
        }
    }

    /**
     * Judges every list, table and container from the inside out, and drops those that look like
     * link lists, galleries, forms or furniture rather than article text.
     */
    private static void cleanConditionally(Element container, TextStats stats) {
        List<Element> blocks = new ArrayList<>(container.select("table, ul, ol, div, section, form, fieldset, aside"));
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element el = blocks.get(i);
            if (el.parent() == null || isDetached(el, container)) {
                continue;
            }
            if (shouldRemove(el, stats)) {
                stats.remove(el);
            }
        }
    }

    private static boolean shouldRemove(Element el, TextStats stats) {
        double weight = ContentFinder.classWeight(el);
        TextStats.Counts c = stats.of(el);
        if (weight < 0 && c.chars < 2 * SMALL) {
            return true;
        }
        if (c.commas >= 10) {
            return false;
        }
        String tag = el.normalName();
        boolean list = tag.equals("ul") || tag.equals("ol") || c.items > 0 && c.chars > 0 && itemChars(el, stats) > 0.9 * c.chars;
        double ld = c.linkDensity();
        double headingDensity = c.chars == 0 ? 0 : (double) c.headingChars / c.chars;
        boolean inFigure = inFigure(el);
        if (c.images > 1 && (double) c.paragraphs / c.images < 0.5 && !inFigure) {
            return true;
        }
        if (!list && c.items - 100 > c.paragraphs) {
            return true;
        }
        if (c.inputs > c.paragraphs / 3) {
            return true;
        }
        if (!list && headingDensity < 0.9 && c.chars < 25 && (c.images == 0 || c.images > 2) && ld > 0 && !inFigure) {
            return true;
        }
        if (list) {
            // A list of links is navigation or "more stories", not article text.
            return ld > 0.6 || weight < 0;
        }
        return (weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5);
    }

    private static double itemChars(Element el, TextStats stats) {
        double n = 0;
        for (Element li : el.select("li")) {
            if (li.parent() != null && !li.parent().normalName().equals("li")) {
                n += stats.of(li).chars;
            }
        }
        return n;
    }

    /** Small blocks that label, credit, share or sell rather than tell. */
    private static void removeFurniture(Element container, TextStats stats) {
        // Removed together at the end: one at a time, each removal makes the next text walk
        // re-index the siblings, and 50,000 photo credits took 14 s. Elements come in document
        // order, so no judged element ever has a doomed descendant counted in it.
        Set<Element> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element el : container.select("*")) {
            if (el == container || el.parent() == null || isDetached(el, container) || inside(el, doomed, container)) {
                continue;
            }
            TextStats.Counts c = stats.of(el);
            String tag = el.normalName();
            boolean inFigure = tag.equals("figcaption") || inFigure(el);
            String hint = el.className() + " " + el.id();
            if (!inFigure && c.chars < SMALL && FURNITURE.matcher(hint).find() && !ContentFinder.MAYBE.matcher(el.id()).find()) {
                stats.forget(el);
                doomed.add(el);
                continue;
            }
            if (!isTextBlock(tag) || c.chars >= 200) {
                continue;
            }
            String text = el.text().strip();
            if (AD_LABEL.matcher(text).matches()
                    || c.chars < 200 && c.linkDensity() > 0.75 && !tag.equals("li")
                    || c.chars < 120 && (Captions.opensWithLabel(text) || isDateline(text) || isByline(text))) {
                stats.forget(el);
                doomed.add(el);
            }
        }
        Nodes.removeAll(doomed);
    }

    /** Whether {@code el} or an element above it, up to {@code container}, is in {@code doomed}. */
    private static boolean inside(Element el, Set<Element> doomed, Element container) {
        for (Element p = el; p != null && p != container; p = p.parent()) {
            if (doomed.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTextBlock(String tag) {
        return switch (tag) {
            case "p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "time", "address", "small" -> true;
            default -> false;
        };
    }

    /** "Published 12:01, Tue, Nov 19, 2019", "Updated March 3, 2024": a date and little else. */
    static boolean isDateline(String text) {
        if (DateParser.find(text).isEmpty() || text.endsWith(".") && !text.matches(".*\\b\\p{Lu}\\p{L}{0,3}\\.$")) {
            return false;
        }
        return Words.tokens(text).size() <= 12;
    }

    private static boolean isByline(String text) {
        return BYLINE.matcher(text).find() && Words.tokens(text).size() <= 8 && !text.endsWith(".");
    }

    private static void removeEmpty(Element container, TextStats stats) {
        List<Element> empty = new ArrayList<>();
        for (Element el : container.select("p, div, section, span, li, ul, ol, h2, h3, h4, h5, h6, blockquote, figure")) {
            TextStats.Counts c = stats.of(el);
            if (el != container && c.chars == 0 && c.images == 0 && el.selectFirst("picture, video, audio, iframe, embed, object, table, hr") == null) {
                empty.add(el);
            }
        }
        Nodes.removeAll(empty);
    }

    private static boolean inFigure(Element el) {
        for (Element p = el; p != null; p = p.parent()) {
            if (p.normalName().equals("figure")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDetached(Element el, Element container) {
        Element p = el;
        while (p.parent() != null) {
            p = p.parent();
        }
        return p != container;
    }
}
