package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Tree edits that stay linear on pages with tens of thousands of siblings. */
final class Nodes {
    private Nodes() {
    }

    /**
     * Removes every node of {@code doomed} from the tree. jsoup's {@code Node.remove()} searches its
     * parent's child list, so removing k of a parent's n children one at a time costs k times n: a
     * page of 100,000 empty siblings (or one nested 100,000 deep, which the parser flattens into
     * siblings) took half a minute. Here each parent's child list is rebuilt once instead.
     */
    static void removeAll(Collection<? extends Node> doomed) {
        Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(doomed);
        Set<Element> parents = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : doomed) {
            if (node.parent() instanceof Element parent) {
                parents.add(parent);
            }
        }
        for (Element parent : parents) {
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
    }
}
