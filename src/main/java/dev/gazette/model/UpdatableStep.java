package dev.gazette.model;

import java.util.function.Function;

/**
 * A site-wide step whose result can be brought up to date from a change in its input instead of
 * being made again: the state it makes ({@code fresh}) is kept by the incremental layer between
 * builds, and {@code update} brings it from the last input to the new one. Whatever path is
 * taken, the state must be the one {@code fresh} makes from the new input; tests drive both.
 * The state belongs to the step: the stage reads its result from it during the build and keeps
 * no reference to it.
 *
 * @param name   unique among steps
 * @param fresh  makes the state from an input
 * @param update brings a state up to date
 */
public record UpdatableStep<I, S>(String name, Function<I, S> fresh, Update<I, S> update) {

    /** Brings a state made from {@code before} up to date with {@code now}. */
    @FunctionalInterface
    public interface Update<I, S> {
        /**
         * @param limit the most changed elements worth updating one by one; with more, or with a
         *              change the state cannot follow, return null and the state is made fresh
         * @return the updated state (possibly {@code state} itself, changed), or null
         */
        S apply(I before, S state, I now, int limit);
    }
}
