package dev.gazette.fuzz;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.List;

/**
 * Random choices for the content generators, each drawn from QuickTheories' randomness source
 * so that a failing example shrinks: every number shrinks toward its lower bound, every pick
 * toward the first (simplest) item of its list, every chance toward "no".
 */
final class Draw {
    private final RandomnessSource source;

    Draw(RandomnessSource source) {
        this.source = source;
    }

    /** A number in {@code [low, high]}. */
    int between(int low, int high) {
        return (int) source.next(Constraint.between(low, high));
    }

    /** True with about {@code percent} % probability. */
    boolean chance(int percent) {
        return between(0, 99) >= 100 - percent;
    }

    <T> T pick(List<T> items) {
        return items.get(between(0, items.size() - 1));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[between(0, items.length - 1)];
    }
}
