package dev.gazette.model;

import java.util.List;

/**
 * How a stage runs its {@link Step}s: {@link #DIRECT}ly, or through the incremental layer, which
 * looks a step's input up among what earlier builds computed. Since the input is the whole key,
 * no key can fall out of step with what the output was made from.
 */
@FunctionalInterface
public interface Steps {
    /** Runs every step. */
    Steps DIRECT = new Steps() {
        @Override
        public <I, O> O run(Step<I, O> step, I input) {
            return step.apply(input);
        }
    };

    /** The output of {@code step} for {@code input}: computed now, or reused. Called from several threads. */
    <I, O> O run(Step<I, O> step, I input);

    /**
     * As {@link #run}, for a step run by an {@link UpdatableStep}'s {@code fresh} or {@code update}
     * for the element at position {@code now} of its input, through the steps the update was given. {@code before} is the position in the
     * input the state was made from of an element whose call of {@code step} the caller argues had
     * an input equal to {@code input} (-1 when it cannot argue it): a layer that keeps the state
     * between builds may then take that call's output by position, without fingerprinting
     * {@code input}. A wrong argument gives a stale output, which the oracle tests catch.
     */
    default <I, O> O runAt(Step<I, O> step, I input, int now, int before) {
        return run(step, input);
    }

    /**
     * The state of {@code step} for {@code input}: made fresh, or brought up to date from the last
     * build's. Called once per step and build, from one thread.
     */
    default <E, S> S update(UpdatableStep<E, S> step, List<E> input) {
        return step.fresh().apply(input, this);
    }

    /**
     * Says that {@code step} will be {@linkplain #update updated} in this build, before its input
     * is made: a layer that keeps states on disk can read the last one back meanwhile.
     */
    default void readAhead(UpdatableStep<?, ?> step) {
    }
}
