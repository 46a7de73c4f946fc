package dev.gazette.incremental;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys (call fingerprints) of the step calls an incremental step's update made for each
 * element of its input, by the element's position ({@link dev.gazette.model.Steps#runAt}). Saved
 * with the state, in its bytes, so the two always belong to the same input: the next build's
 * update, when it argues that an element's call has the input it had then, takes the call's key
 * by position instead of fingerprinting the input again (a body, a tagged article...).
 */
final class PositionedCalls {
    /** The keys recorded with the state read back, by step name then position; empty when none. */
    private final Map<String, Fingerprint[]> last;
    /** The keys of this update's calls, by step name then position in the new input. */
    private final Map<String, Fingerprint[]> now = new ConcurrentHashMap<>();
    private final int size;

    PositionedCalls(Map<String, Fingerprint[]> last, int size) {
        this.last = last;
        this.size = size;
    }

    /** The key of {@code step}'s call for the element at {@code position} of the last input; null when none was recorded. */
    Fingerprint last(String step, int position) {
        Fingerprint[] keys = last.get(step);
        return keys == null || position >= keys.length ? null : keys[position];
    }

    /** Notes the key of {@code step}'s call for the element at {@code position} of the new input. */
    void record(String step, int position, Fingerprint key) {
        if (position >= 0 && position < size) {
            // Each position is written by the one task that handles its element; the array is made once.
            now.computeIfAbsent(step, s -> new Fingerprint[size])[position] = key;
        }
    }

    /** Forgets what this update recorded: a state made afresh after an update gave up records its own. */
    void restart() {
        now.clear();
    }

    /** Writes this update's keys, after the state's own bytes. */
    void write(DataOutput out) throws IOException {
        Map<String, Fingerprint[]> sorted = new TreeMap<>(now);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Fingerprint[]> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (Fingerprint f : e.getValue()) {
                out.writeBoolean(f != null);
                if (f != null) {
                    out.writeLong(f.high());
                    out.writeLong(f.low());
                }
            }
        }
    }

    /** Reads the keys {@link #write} wrote. */
    static Map<String, Fingerprint[]> read(DataInput in) throws IOException {
        int steps = in.readInt();
        if (steps < 0) {
            throw new IOException(steps + " steps");
        }
        Map<String, Fingerprint[]> read = new HashMap<>();
        for (int s = 0; s < steps; s++) {
            String step = in.readUTF();
            int n = in.readInt();
            if (n < 0) {
                throw new IOException(n + " positions");
            }
            Fingerprint[] keys = new Fingerprint[n];
            for (int i = 0; i < n; i++) {
                if (in.readBoolean()) {
                    keys[i] = new Fingerprint(in.readLong(), in.readLong());
                }
            }
            read.put(step, keys);
        }
        return read;
    }
}
