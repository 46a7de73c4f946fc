package dev.gazette.incremental;

import dev.gazette.model.UpdatableStep;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step calls of the last build and of the one in progress, for a memory that outlives
 * builds (the preview): a call is found again by comparing its input part by part with the
 * recorded one ({@link SameValues}: identity first, then values), never by fingerprint. Unchanged
 * articles, cards and bodies come out of a rebuild as the very objects of the last one, so most
 * inputs are recognised by the identity of their parts at the cost of one hash lookup.
 *
 * <p>A call not met by a successful build is forgotten when it ends; a failed build forgets nothing.
 */
final class RecentCalls {
    /** An input, hashed once, equal to another when they are {@link SameValues#same}. */
    private static final class Call {
        final Object input;
        final int hash;
        final SameValues.Proven proven;

        Call(Object input, SameValues.Proven proven) {
            this.input = input;
            this.hash = SameValues.hash(input);
            this.proven = proven;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Call c && c.hash == hash && SameValues.same(input, c.input, proven);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** What a call made, and the last build that met the call. */
    private static final class Made {
        final Object value;
        volatile int build;

        Made(Object value, int build) {
            this.value = value;
            this.build = build;
        }
    }

    /** Each step's calls, by step name: a map per step keeps each map small and its keys of one type. */
    private final Map<String, Map<Call, Made>> calls = new ConcurrentHashMap<>();
    private final SameValues.Proven proven = new SameValues.Proven();
    /** Each incremental step's last input and state, by step name. */
    private final Map<String, Kept> states = new ConcurrentHashMap<>();
    /** The most changed elements an incremental step updates one by one (see {@link UpdatableStep.Update}). */
    private final int updateUpTo;
    private volatile int build;

    /** An incremental step's last input and the state made from it. */
    private record Kept(Object input, Object state) {
    }

    /** @param updateUpTo the most changed elements an incremental step updates one by one */
    RecentCalls(int updateUpTo) {
        this.updateUpTo = updateUpTo;
    }

    /**
     * The state of {@code step} for {@code input}, brought up to date from the last one when there
     * is one; its per-element steps run through {@code steps}, which keep no positions (this memory
     * compares inputs part by part, not by fingerprint).
     */
    @SuppressWarnings("unchecked")
    <E, S> S update(UpdatableStep<E, S> step, List<E> input, Steps steps) {
        Kept kept = states.remove(step.name());
        S state = null;
        if (kept != null) {
            state = step.update().apply((S) kept.state(), input, new Since<>((List<E>) kept.input(), input, proven),
                    updateUpTo, steps);
        }
        if (state == null) {
            state = step.fresh().apply(input, steps);
        }
        // Kept only once it is whole: a step that failed half-way leaves nothing to update.
        states.put(step.name(), new Kept(input, state));
        return state;
    }

    /** How a list changed since the last build's, element by element compared part by part ({@link SameValues}). */
    private static final class Since<E> implements UpdatableStep.Change<E> {
        private final List<E> before;
        private final List<E> now;
        private final SameValues.Proven proven;
        private Map<Call, Integer> positions;

        Since(List<E> before, List<E> now, SameValues.Proven proven) {
            this.before = before;
            this.now = now;
            this.proven = proven;
        }

        @Override
        public int sizeBefore() {
            return before.size();
        }

        @Override
        public boolean sameAt(int position) {
            return position < before.size() && SameValues.same(now.get(position), before.get(position), proven);
        }

        @Override
        public synchronized int before(E element) {
            if (positions == null) {
                positions = new HashMap<>();
                for (int i = 0; i < before.size(); i++) {
                    positions.putIfAbsent(new Call(before.get(i), proven), i);
                }
            }
            return positions.getOrDefault(new Call(element, proven), -1);
        }
    }

    /** What {@code step} made from an input the same as {@code input}, or its output now. */
    @SuppressWarnings("unchecked")
    <I, O> O run(Step<I, O> step, I input) {
        Map<Call, Made> byInput = calls.computeIfAbsent(step.name(), k -> new ConcurrentHashMap<>());
        Call call = new Call(input, proven);
        Made made = byInput.get(call);
        if (made != null) {
            made.build = build;
            return (O) made.value;
        }
        O out = step.apply(input);
        if (out != null) {
            byInput.put(call, new Made(out, build));
        }
        return out;
    }

    /** Ends a successful build: forgets the calls it did not meet. */
    void finish() {
        int now = build;
        calls.values().forEach(byInput -> byInput.values().removeIf(m -> m.build != now));
        next();
    }

    /** Ends a failed build: what it computed is right and kept, and so is what it did not meet. */
    void abandon() {
        next();
    }

    /** Forgets everything: for a build in another environment. */
    void clear() {
        calls.clear();
        states.clear();
        next();
    }

    private void next() {
        proven.clear();
        build++;
    }
}
