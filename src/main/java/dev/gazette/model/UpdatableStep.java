package dev.gazette.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A site-wide step over a list of elements (articles) whose result can be brought up to date
 * from a change in its input instead of being made again: the state it makes ({@code fresh}) is
 * kept by the incremental layer between builds (in memory by the preview, in the build cache by
 * {@code gazette build} when the step has a {@code codec}), and {@code update} brings it from the
 * last input to the new one, told by the layer which elements are the same as last time. Whatever
 * path is taken, the state must be the one {@code fresh} makes from the new input; tests drive
 * both. The state belongs to the step: the stage reads its result from it during the build and
 * keeps no reference to it. Both {@code fresh} and {@code update} run their per-element steps
 * through the {@link Steps} they are given, which belong to this one update: a layer that keeps
 * the state may record there, with the state, what each element's calls were
 * ({@link Steps#runAt}), and no other update's calls.
 *
 * @param name   unique among steps
 * @param fresh  makes the state from an input
 * @param update brings a state up to date
 * @param codec  writes and reads the state, for a build cache; null: a cache makes it fresh each build.
 *               A state read back is always passed through {@code update} (with nothing changed, if so),
 *               so a codec may leave out what the update takes from the input again
 */
public record UpdatableStep<E, S>(String name, Fresh<E, S> fresh, Update<E, S> update, Codec<S> codec) {

    /** Makes a state from an input. */
    @FunctionalInterface
    public interface Fresh<E, S> {
        /** @param steps runs the per-element steps of this update (see {@link UpdatableStep}) */
        S apply(List<E> input, Steps steps);
    }

    /** Brings a state made from the last input up to date with {@code now}. */
    @FunctionalInterface
    public interface Update<E, S> {
        /**
         * @param change which elements of {@code now} are the same as in the input the state was made from
         * @param limit  the most changed elements worth updating one by one; with more, or with a
         *               change the state cannot follow, return null and the state is made fresh
         * @param steps  runs the per-element steps of this update (see {@link UpdatableStep})
         * @return the updated state (possibly {@code state} itself, changed), or null
         */
        S apply(S state, List<E> now, Change<E> change, int limit, Steps steps);
    }

    /**
     * How the input changed since the state was made, as the incremental layer sees it: "same"
     * means surely equal (the layer compares identities or fingerprints, never the step).
     */
    public interface Change<E> {
        /** How many elements the input the state was made from had. */
        int sizeBefore();

        /** Whether the element at {@code position} of the new input is the same as the one at that position before. */
        boolean sameAt(int position);

        /** Whether {@code element} (of the new input) is the same as one of the input before, at any position. */
        default boolean seen(E element) {
            return before(element) >= 0;
        }

        /**
         * The position in the input before of an element the same as {@code element} (of the new
         * input), or -1 when there was none: where a state finds what it made from that element.
         */
        int before(E element);
    }

    /**
     * Writes a state and reads it back, for a state kept in a build cache. What it reads is
     * checked by the cache (a checksum) before it gets here; a state that cannot be read throws.
     */
    public interface Codec<S> {
        void write(S state, DataOutput out) throws IOException;

        S read(DataInput in) throws IOException;
    }

    /**
     * A codec's input when its bytes are in memory (a build cache's): a state read back may keep
     * the bytes of its parts, and write a part still holding the very values read as those bytes
     * instead of encoding it again.
     */
    public interface ByteInput extends DataInput {
        /** How many bytes were read so far. */
        int position();

        /** The bytes from position {@code from} (read already) to the current one: a view, not a copy. */
        ByteBuffer bytesSince(int from);
    }
}
