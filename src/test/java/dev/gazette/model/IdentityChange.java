package dev.gazette.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A change between two lists as tests tell it to an {@link UpdatableStep}: an element is the
 * same when it is the very object (as the incremental layer finds unchanged articles).
 */
public final class IdentityChange<E> implements UpdatableStep.Change<E> {
    private final List<E> before;
    private final List<E> now;
    private final Set<E> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    public IdentityChange(List<E> before, List<E> now) {
        this.before = before;
        this.now = now;
        seen.addAll(before);
    }

    @Override
    public int sizeBefore() {
        return before.size();
    }

    @Override
    public boolean sameAt(int position) {
        return position < before.size() && before.get(position) == now.get(position);
    }

    @Override
    public boolean seen(E element) {
        return seen.contains(element);
    }
}
