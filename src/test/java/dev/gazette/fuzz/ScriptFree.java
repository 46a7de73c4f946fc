package dev.gazette.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A static check that no script can run from a page or fragment: no {@code <script>} but the
 * theme's JSON-LD (which must stay valid JSON), no element that runs or embeds code, no
 * {@code on*} event handler, and no {@code javascript:}, {@code vbscript:} or {@code data:}
 * URL in any attribute a browser follows. Whitespace and control characters inside a scheme are ignored, as
 * browsers ignore them.
 */
public final class ScriptFree {
    private static final Set<String> ACTIVE = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "form", "base", "svg", "math", "template", "portal");
    /** Attributes a browser follows or fetches as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction",
            "xlink:href", "poster", "cite", "background", "data", "codebase", "lowsrc", "dynsrc", "ping");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptFree() {
    }

    /** Every way {@code root} and its descendants could run script, one line each; empty when none. */
    public static List<String> problems(Element root) {
        return problems(root, el -> false);
    }

    /**
     * The same, with elements the theme itself writes ({@code trusted}: the search page's own
     * scripts and search form) let through; their attributes are still checked.
     */
    public static List<String> problems(Element root, Predicate<Element> trusted) {
        List<String> problems = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            String tag = el.normalName();
            if (trusted.test(el)) {
                // The theme's: checked below for handlers and script URLs like any other element.
            } else if (tag.equals("script") && el.attr("type").equals("application/ld+json") && el.attributesSize() == 1) {
                try {
                    JSON.readTree(el.data());
                } catch (IOException e) {
                    problems.add("JSON-LD that is not JSON: " + abbreviate(el.data()));
                }
            } else if (ACTIVE.contains(tag)) {
                problems.add("<" + tag + "> element: " + abbreviate(el.outerHtml()));
            }
            if (tag.equals("meta") && el.attr("http-equiv").equalsIgnoreCase("refresh")) {
                problems.add("meta refresh: " + abbreviate(el.outerHtml()));
            }
            for (Attribute attribute : el.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add("event handler " + name + " on <" + tag + ">");
                } else if (URL_ATTRIBUTES.contains(name) && runsScript(attribute.getValue())) {
                    problems.add(name + "=\"" + abbreviate(attribute.getValue()) + "\" on <" + tag + ">");
                } else if (name.equals("style") && attribute.getValue().toLowerCase(Locale.ROOT).contains("expression(")) {
                    problems.add("style expression on <" + tag + ">");
                }
            }
        }
        return problems;
    }

    /** Whether a URL-like value starts with a scheme that runs code or carries a document. */
    static boolean runsScript(String value) {
        StringBuilder scheme = new StringBuilder();
        for (int i = 0; i < value.length() && scheme.length() < 12; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || Character.isISOControl(c)) {
                continue;
            }
            scheme.append(Character.toLowerCase(c));
        }
        String s = scheme.toString();
        return s.startsWith("javascript:") || s.startsWith("vbscript:") || s.startsWith("data:");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
