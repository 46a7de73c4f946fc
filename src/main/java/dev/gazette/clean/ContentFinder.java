package dev.gazette.clean;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the element of a page that holds the article, by content scoring in the manner
 * Readability made known: every paragraph credits its ancestors with points for length and commas,
 * containers start from their tag and class/id hints, link-heavy containers are discounted, and
 * the winner's siblings that score nearly as well (one div per section) join it. When a pass finds
 * too little, the next one relaxes its assumptions (no removal of unlikely-looking containers,
 * then no class hints), as pages whose article sits in a "comment-body" div need.
 */
final class ContentFinder {
    /** Below this many characters an extraction is implausible and the next pass is tried. */
    static final int ENOUGH_TEXT = 500;

    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|ad-slot|adsense|advert|banner|breadcrumb|combx|comment|community|cookie|consent|cover-wrap"
                    + "|disqus|extra|footer|gdpr|header|legends|menu|modal|nav|newsletter|outbrain|pager|pagination|popup"
                    + "|promo|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscribe"
                    + "|supplemental|taboola|teaser|widget|signup|most-?read|trending|recommend|yom-remote",
            Pattern.CASE_INSENSITIVE);
    static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|post|shadow|story|entry|text",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead"
                    + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags"
                    + "|tool|widget|newsletter|subscribe|cookie|byline|author", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo");
    private static final int MIN_PARAGRAPH = 25;

    private record Pass(boolean stripUnlikely, boolean weightClasses) {
    }

    private static final List<Pass> PASSES = List.of(new Pass(true, true), new Pass(false, true), new Pass(false, false));

    /**
     * The article container (a detached copy), or null for a page with no text. {@code body}
     * is left untouched.
     */
    Element find(Element body) {
        Element best = null;
        int bestLength = -1;
        for (Pass pass : PASSES) {
            Element work = body.clone();
            Element found = grab(work, pass);
            int length = found == null ? 0 : TextStats.visibleLength(found.text());
            if (length >= ENOUGH_TEXT) {
                return found;
            }
            if (length > bestLength) {
                best = found;
                bestLength = length;
            }
        }
        return best;
    }

    private Element grab(Element body, Pass pass) {
        if (pass.stripUnlikely()) {
            removeUnlikely(body);
        }
        TextStats stats = TextStats.measure(body);
        // Insertion (document) order, not identity-hash order: ties in the ranking below must be
        // settled the same way on every run (jsoup elements hash and compare by identity).
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element p : paragraphs(body, stats)) {
            TextStats.Counts c = stats.of(p);
            double score = 1 + c.commas + Math.min(3, c.chars / 100);
            Element ancestor = p.parent();
            for (int level = 0; ancestor != null && level < 5; level++) {
                scores.computeIfAbsent(ancestor, k -> initialScore(k, pass));
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        if (scores.isEmpty()) {
            return body.children().isEmpty() && body.text().isBlank() ? null : wrap(body.childNodesCopy());
        }
        Map<Element, Double> adjusted = new LinkedHashMap<>();
        scores.forEach((el, s) -> adjusted.put(el, s * (1 - stats.of(el).linkDensity())));
        List<Element> ranked = new ArrayList<>(adjusted.keySet());
        ranked.sort(Comparator.comparingDouble((Element e) -> -adjusted.get(e)));
        Element top = ranked.get(0);
        if (top == body) {
            return wrap(body.childNodesCopy());
        }
        top = climb(top, ranked, adjusted, body);
        return withSiblings(top, adjusted, stats, body);
    }

    /**
     * Moves from the best-scoring container to an ancestor where that holds more of the article:
     * an ancestor shared by several near-best candidates, one whose own score is still rising, or
     * the parent of an only child.
     */
    private static Element climb(Element top, List<Element> ranked, Map<Element, Double> scores, Element body) {
        double topScore = scores.get(top);
        List<Element> close = new ArrayList<>();
        for (Element e : ranked.subList(1, Math.min(5, ranked.size()))) {
            if (scores.get(e) / topScore >= 0.75) {
                close.add(e);
            }
        }
        if (close.size() >= 3) {
            for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                int containing = 0;
                for (Element e : close) {
                    if (isAncestor(parent, e)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double s = scores.get(parent);
            if (s == null) {
                continue;
            }
            if (s < threshold) {
                break;
            }
            if (s > last) {
                top = parent;
            }
            last = s;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The top candidate with the siblings that look like more of the same article. */
    private static Element withSiblings(Element top, Map<Element, Double> scores, TextStats stats, Element body) {
        Element parent = top.parent();
        if (parent == null) {
            return wrap(List.of(top));
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        List<org.jsoup.nodes.Node> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            // A lead picture often sits beside the body rather than in it.
            boolean keep = sibling == top || sibling.normalName().equals("figure") && sibling.selectFirst("img") != null;
            if (!keep) {
                double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
                Double s = scores.get(sibling);
                if (s != null && s + bonus >= threshold) {
                    keep = true;
                } else if (sibling.normalName().equals("p") || sibling.normalName().equals("div") && isParagraph(sibling)) {
                    TextStats.Counts c = stats.of(sibling);
                    double ld = c.linkDensity();
                    String text = sibling.text();
                    keep = (c.chars > 80 && ld < 0.25) || (c.chars > 0 && c.chars <= 80 && ld == 0 && text.matches("(?s).*\\.( |$).*"));
                }
            }
            if (keep) {
                kept.add(sibling);
            }
        }
        return wrap(kept);
    }

    private static Element wrap(List<? extends org.jsoup.nodes.Node> nodes) {
        Element container = new Element("div");
        for (org.jsoup.nodes.Node n : nodes) {
            container.appendChild(n.clone());
        }
        return container;
    }

    /** Elements whose text counts as one paragraph for scoring. */
    private static List<Element> paragraphs(Element body, TextStats stats) {
        List<Element> out = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (isParagraph(el) && stats.of(el).chars >= MIN_PARAGRAPH) {
                out.add(el);
            }
        }
        return out;
    }

    /** A paragraph, or a container used as one. */
    private static boolean isParagraph(Element el) {
        return switch (el.normalName()) {
            case "p", "pre", "td", "h2", "h3", "h4", "h5", "h6" -> true;
            default -> isContainerUsedAsParagraph(el);
        };
    }

    /** A {@code <div>} or {@code <section>} with no block inside it: a paragraph as the page shows it. */
    static boolean isContainerUsedAsParagraph(Element el) {
        if (!el.normalName().equals("div") && !el.normalName().equals("section")) {
            return false;
        }
        // By index over the child nodes: children() makes a list, and this is asked of every container on the page.
        for (int i = 0; i < el.childNodeSize(); i++) {
            if (el.childNode(i) instanceof Element child && LooseText.BLOCKS.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static double initialScore(Element el, Pass pass) {
        double score = switch (el.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (el.normalName().equals("article") || el.hasAttr("itemprop") && el.attr("itemprop").contains("articleBody")) {
            score += 10;
        }
        return score + (pass.weightClasses() ? classWeight(el) : 0);
    }

    static double classWeight(Element el) {
        double weight = 0;
        for (String hint : new String[] {el.className(), el.id()}) {
            if (hint.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(hint).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(hint).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    private static boolean inCode(Element el) {
        for (Element p = el; p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("table") || tag.equals("code") || tag.equals("pre")) {
                return true;
            }
        }
        return false;
    }

    /** Removes containers whose class, id or role marks them as page furniture. */
    private static void removeUnlikely(Element body) {
        List<Element> doomed = new ArrayList<>();
        // A page repeats its class names on many elements: each is matched once.
        Map<String, Boolean> unlikely = new HashMap<>();
        for (Element el : body.getAllElements()) {
            String tag = el.normalName();
            if (tag.equals("body") || tag.equals("a") || tag.equals("article") || tag.equals("main") || inCode(el)) {
                continue;
            }
            String role = el.attr("role").toLowerCase(Locale.ROOT);
            if (UNLIKELY_ROLES.contains(role)) {
                doomed.add(el);
                continue;
            }
            String hint = el.className() + " " + el.id();
            if (unlikely.computeIfAbsent(hint, h -> UNLIKELY.matcher(h).find() && !MAYBE.matcher(h).find())) {
                doomed.add(el);
            }
        }
        Nodes.removeAll(doomed);
    }
}
