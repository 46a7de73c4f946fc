package dev.gazette.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates read records' attributes through {@link RecordAttributes} as through Pebble's own resolver alone. */
class RecordAttributesTest {

    public record Plain(String title, String url, int count, boolean weekly, List<String> names) {
    }

    /** Names Pebble tries before the attribute's own, and names that differ only in case. */
    public record Prefixed(String image, String hasImage, String isLead, String lead, String getName, String name,
                           String URL) {
        public String getExtra() {
            return "getter";
        }

        public String extra() {
            return "plain";
        }
    }

    /** A record Pebble reads as a list first. */
    public record Listed(String size) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("a").iterator();
        }
    }

    /** Not a record: left to Pebble. */
    public static final class Holder extends AbstractList<String> {
        @Override
        public String get(int index) {
            return "item" + index;
        }

        @Override
        public int size() {
            return 2;
        }
    }

    private static final List<String> TEMPLATES = List.of(
            "{{ p.title }} {{ p.url }} {{ p.count }} {{ p.weekly }} {{ p.names }} {{ p.names[1] }} {{ p.TITLE }}",
            "{{ p.title() }} {{ p.count() }}",
            "{{ q.image }} {{ q.lead }} {{ q.name }} {{ q.url }} {{ q.Url }} {{ q.extra }} {{ q.hasImage }} {{ q.isLead }}",
            "{{ q.getName }} {{ q.URL }} {{ q.extra() }}",
            "{{ l.size }} {% for x in l %}{{ x }}{% endfor %}",
            "{{ h.size }} {{ h[1] }} {{ h.empty }}",
            "{{ p.missing }}",
            "{{ p.class }}",
            "{{ q.hashCode }} {{ p.toString == p.toString() }}",
            "{{ m.p.title }} {{ m['p'].url }} {{ p['title'] }}");

    @Test
    void everyTemplateRendersOrFailsAsWithPebblesResolverAlone() {
        Map<String, Object> context = Map.of(
                "p", new Plain("T<", "/u", 3, true, List.of("a", "b")),
                "q", new Prefixed("img", "has", "isl", "lead", "gn", "n", "UP"),
                "l", new Listed("s"),
                "h", new Holder(),
                "m", Map.of("p", new Plain("mt", "/m", 1, false, List.of())));
        PebbleEngine pebbles = engine(false);
        PebbleEngine ours = engine(true);
        List<String> rendered = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (int round = 0; round < 2; round++) {   // the second round reads the memo
                String expected = render(pebbles, template, context);
                assertThat(render(ours, template, context)).as(template).isEqualTo(expected);
                rendered.add(expected);
            }
        }
        // The cases the test is for: a "has" accessor before the attribute's own, a getter before the plain method, a component named getName read for name,
        // a case-blind match, and a refused method failing as it does with Pebble alone.
        assertThat(rendered.get(4)).isEqualTo("has isl gn UP UP getter has isl");
        assertThat(rendered.get(14)).startsWith("error: ");
    }

    private static PebbleEngine engine(boolean withRecords) {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true)
                .autoEscaping(true);
        if (withRecords) {
            builder.extension(new RecordAttributes.Extension());
        }
        return builder.build();
    }

    private static String render(PebbleEngine engine, String template, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context);
        } catch (Exception e) {
            return "error: " + e.getClass().getName() + " " + e.getMessage();
        }
        return out.toString();
    }
}
