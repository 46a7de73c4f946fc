package dev.gazette.model;

import java.util.function.Function;

/**
 * One named, pure step of a stage: its output is a function of its input alone (the input is a
 * record or another immutable value). Declared as constants by the stages, so a step can hold no
 * state, and run through {@link Steps}, which may reuse what the step made from an equal input.
 *
 * @param name     unique among steps; names the step's outputs in a build cache
 * @param function the step itself
 */
public record Step<I, O>(String name, Function<I, O> function) {
    public O apply(I input) {
        return function.apply(input);
    }
}
