package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Puts a sanitized body's structure where HTML's content models want it, so that the page it
 * reaches passes a validator whatever the source did: pages are cut out of layouts, and their
 * parts come without the elements around them that made them valid.
 */
final class BodyStructure {
    private BodyStructure() {
    }

    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator FIGCAPTION = QueryParser.parse("figcaption");
    private static final Evaluator DL = QueryParser.parse("dl");
    private static final Evaluator TERM_OR_DESCRIPTION = QueryParser.parse("dt, dd");
    private static final Evaluator FIGURE = QueryParser.parse("figure");
    private static final Evaluator LI = QueryParser.parse("li");
    private static final Evaluator LIST = QueryParser.parse("ul, ol");
    private static final Evaluator TABLE = QueryParser.parse("table");
    private static final Set<String> ROW_GROUPS = Set.of("thead", "tbody", "tfoot");
    private static final Pattern POSITIVE = Pattern.compile("0*[1-9]\\d{0,3}");
    private static final Set<String> LISTS = Set.of("ul", "ol", "menu");
    private static final Evaluator IMG = QueryParser.parse("img");
    /** Elements a paragraph cannot hold. */
    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure",
            "figcaption", "table", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section");

    /**
     * The page's headline is its {@code <h1>}: the body's headings are numbered from {@code <h2>}
     * down without skipping a level (an {@code <h3>} right under the headline becomes an
     * {@code <h2>}), keeping which are above, beside or under which.
     * Runs before the safelist, which has no {@code <h1>}.
     */
    static void outline(Element body) {
        Outline outline = new Outline();
        for (Element h : body.select(HEADINGS)) {
            int level = h.normalName().charAt(1) - '0';
            int page = outline.level(level);
            if (page != level) {
                h.tagName("h" + page);
            }
        }
    }

    /** The levels of a body's headings on the page, told one heading at a time in the body's order. */
    static final class Outline {
        private final Deque<int[]> open = new ArrayDeque<>(); // {level in the source, level on the page}, innermost first

        /** The page's level for the next heading, of {@code level} in the source. */
        int level(int level) {
            while (!open.isEmpty() && open.peek()[0] > level) {
                open.pop();
            }
            int page;
            if (!open.isEmpty() && open.peek()[0] == level) {
                page = open.pop()[1];
            } else {
                page = open.isEmpty() ? 2 : Math.min(6, open.peek()[1] + 1);
            }
            open.push(new int[] {level, page});
            return page;
        }
    }

    /** After the safelist, which unwraps the layout around a body's parts: figures' captions and description lists. */
    static void repair(Element body) {
        // Most bodies hold none of some of these kinds: a walk for each kind held, not for every kind.
        Set<String> held = new HashSet<>();
        for (Element e : body.getAllElements()) {
            held.add(e.normalName());
        }
        if (held.contains("figcaption")) {
            captions(body);
        }
        if (held.contains("dl") || held.contains("dt") || held.contains("dd")) {
            descriptionLists(body);
        }
        if (held.contains("li") || held.contains("ul") || held.contains("ol")) {
            listItems(body);
        }
        if (held.contains("table")) {
            tables(body);
        }
    }

    /**
     * A table's spans leave no column and no row without a cell that begins in it, and overlap no
     * cell (a page's table, cut down, keeps a header cell spanning columns no other cell starts in):
     * a row with no cell goes, and a table whose spans still do not fit loses its spans.
     */
    private static void tables(Element body) {
        for (Element table : body.select(TABLE)) {
            // The table's own rows and cells, by its row groups (a table inside a cell is walked as its own).
            List<Element> cells = new ArrayList<>();
            for (Element group : table.children()) {
                if (!ROW_GROUPS.contains(group.normalName())) {
                    continue;
                }
                for (Element row : List.copyOf(group.children())) {
                    int before = cells.size();
                    for (Element cell : row.children()) {
                        if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                            cells.add(cell);
                            for (String span : new String[] {"colspan", "rowspan"}) {
                                if (cell.hasAttr(span) && !POSITIVE.matcher(cell.attr(span)).matches()) {
                                    cell.removeAttr(span); // a span is a whole number from 1
                                }
                            }
                        }
                    }
                    if (row.normalName().equals("tr") && cells.size() == before) {
                        row.remove();
                    }
                }
            }
            boolean spans = cells.stream().anyMatch(c -> c.hasAttr("colspan") || c.hasAttr("rowspan"));
            if (spans && !everyColumnAndRowBegun(table)) {
                cells.forEach(c -> c.removeAttr("colspan").removeAttr("rowspan"));
            }
        }
    }

    /**
     * HTML's table model, in short: whether no cell overlaps another, no span runs past its row
     * group, and every column and every row of each row group has a cell beginning in it.
     */
    private static boolean everyColumnAndRowBegun(Element table) {
        Set<Integer> columnsBegun = new HashSet<>();
        int width = 0;
        for (Element group : table.children()) {
            if (!ROW_GROUPS.contains(group.normalName())) {
                continue;
            }
            List<Element> rows = group.children().stream().filter(e -> e.normalName().equals("tr")).toList();
            Map<Integer, Integer> coveredUntil = new HashMap<>(); // column -> the last row a cell above covers
            for (int y = 0; y < rows.size(); y++) {
                int x = 0;
                boolean begun = false;
                for (Element cell : rows.get(y).children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                        continue;
                    }
                    while (coveredUntil.getOrDefault(x, -1) >= y) {
                        x++;
                    }
                    int across = span(cell.attr("colspan"));
                    int down = span(cell.attr("rowspan"));
                    if (y + down > rows.size()) {
                        return false; // spans past its row group's last row
                    }
                    int lastRow = y + down - 1;
                    columnsBegun.add(x);
                    begun = true;
                    for (int k = x; k < x + across; k++) {
                        if (coveredUntil.getOrDefault(k, -1) >= y) {
                            return false; // overlaps a cell from a row above
                        }
                        coveredUntil.put(k, lastRow);
                    }
                    x += across;
                    width = Math.max(width, x);
                }
                if (!begun) {
                    return false;
                }
            }
        }
        return columnsBegun.size() == width;
    }

    /** A span ({@link #POSITIVE} by now), 1 when there is none. */
    private static int span(String value) {
        return value.isEmpty() ? 1 : Math.min(1000, Integer.parseInt(value));
    }

    /**
     * A list item is in a list, and a list holds only items: items whose list was layout (a
     * {@code <div>} of them) are put in one, and what a list holds between its items (a paragraph,
     * a picture, the text of an unwrapped {@code <div>}) becomes an item.
     */
    private static void listItems(Element body) {
        for (Element li : body.select(LI)) {
            Element parent = li.parent();
            if (parent == null || LISTS.contains(parent.normalName())) {
                continue;
            }
            Element list = new Element("ul");
            li.before(list);
            // The item and the items right after it, white space between them included.
            for (Node n = li; n != null && (n instanceof Element e && e.normalName().equals("li")
                    || n instanceof TextNode t && t.isBlank()); n = list.nextSibling()) {
                list.appendChild(n);
            }
        }
        for (Element list : body.select(LIST)) {
            Element item = null;
            for (Node n = list.firstChild(); n != null; ) {
                Node next = n.nextSibling();
                if (n instanceof Element e && e.normalName().equals("li")) {
                    item = null;
                } else if (item != null) {
                    item.appendChild(n);
                } else if (!(n instanceof TextNode t && t.isBlank())) {
                    item = new Element("li");
                    n.before(item);
                    item.appendChild(n);
                }
                n = next;
            }
        }
    }

    /**
     * A figure's caption is its first or last child, and only a figure has one: a caption left
     * outside its figure joins the figure just before it (or else gets a figure of its own), and
     * what follows a figure's caption, a credit most often, goes into it.
     */
    private static void captions(Element body) {
        for (Element caption : body.select(FIGCAPTION)) {
            Element parent = caption.parent();
            if (parent != null && parent.normalName().equals("figure")) {
                continue;
            }
            Element before = caption.previousElementSibling();
            if (before != null && before.normalName().equals("figure") && onlySpaceBetween(before, caption)
                    && before.selectFirst(FIGCAPTION) == null) {
                before.appendChild(caption);
            } else {
                caption.wrap("<figure></figure>"); // a figure may be its caption alone
            }
        }
        for (Element figure : body.select(FIGURE)) {
            List<Element> captions = figure.children().stream().filter(e -> e.normalName().equals("figcaption")).toList();
            if (captions.isEmpty()) {
                continue;
            }
            Element first = captions.get(0);
            if (!onlySpace(first, Node::previousSibling) && !onlySpace(first, Node::nextSibling)) {
                // Everything after the caption, other captions' words included, is the caption's.
                for (Node next = first.nextSibling(); next != null; next = first.nextSibling()) {
                    if (next instanceof Element e && e.normalName().equals("figcaption")) {
                        first.appendText(" ");
                        e.unwrap();
                    } else {
                        first.appendChild(next);
                    }
                }
            } else {
                captions.stream().skip(1).forEach(Element::unwrap);
            }
        }
    }

    /**
     * A description list is groups of terms, each followed by its descriptions. One that is not
     * (descriptions without a term, as wikis indent with, or nothing left in it) becomes
     * paragraphs, and so do terms and descriptions outside a list; an empty term or description goes.
     */
    private static void descriptionLists(Element body) {
        for (Element item : body.select(TERM_OR_DESCRIPTION)) {
            if (item.parent() != null && !item.parent().normalName().equals("dl")) {
                item.tagName(phrasingOnly(item) ? "p" : "div"); // a term or description out of its list
            }
        }
        for (Element dl : body.select(DL)) {
            if (dl.parent() != null && !isGroups(dl)) { // (a list in a list's empty term is gone with it)
                for (Element child : dl.children()) {
                    if (!child.hasText() && child.selectFirst(IMG) == null) {
                        child.remove();
                    } else if (child.normalName().equals("dt") || child.normalName().equals("dd")) {
                        if (phrasingOnly(child)) {
                            child.tagName("p");
                        } else {
                            child.unwrap();
                        }
                    }
                }
                dl.unwrap();
            }
        }
    }

    /**
     * Whether the list's element children are one or more terms followed by one or more
     * descriptions, over and over, and no term holds a heading.
     */
    private static boolean isGroups(Element dl) {
        String previous = null;
        for (Element child : dl.children()) {
            String name = child.normalName();
            if (!name.equals("dt") && !name.equals("dd") || name.equals("dd") && previous == null
                    || name.equals("dt") && child.selectFirst(HEADINGS) != null) { // a term holds no heading
                return false;
            }
            previous = name;
        }
        return "dd".equals(previous);
    }

    private static boolean phrasingOnly(Element e) {
        boolean[] block = {false};
        NodeTraversor.filter((node, depth) -> {
            if (node != e && node instanceof Element d && BLOCKS.contains(d.normalName())) {
                block[0] = true;
                return NodeFilter.FilterResult.STOP; // the first block tells: the rest of the subtree need not be walked
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, e);
        return !block[0];
    }

    private static boolean onlySpaceBetween(Element before, Element after) {
        for (Node n = before.nextSibling(); n != null && n != after; n = n.nextSibling()) {
            if (!(n instanceof TextNode t) || !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Whether only white space lies beside {@code e} in the direction {@code step} goes. */
    private static boolean onlySpace(Element e, UnaryOperator<Node> step) {
        for (Node n = step.apply(e); n != null; n = step.apply(n)) {
            if (!(n instanceof TextNode t) || !t.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
