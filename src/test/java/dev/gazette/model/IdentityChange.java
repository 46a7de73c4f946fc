package dev.gazette.model;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change between two lists as tests tell it to an {@link UpdatableStep}: an element is the
 * same when it is the very object (as the incremental layer finds unchanged articles).
 */
public final class IdentityChange<E> implements UpdatableStep.Change<E> {
    private final List<E> before;
    private final List<E> now;
    private final Map<E, Integer> positions = new IdentityHashMap<>();

    public IdentityChange(List<E> before, List<E> now) {
        this.before = before;
        this.now = now;
        for (int i = 0; i < before.size(); i++) {
            positions.putIfAbsent(before.get(i), i);
        }
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
    public int before(E element) {
        return positions.getOrDefault(element, -1);
    }
}
