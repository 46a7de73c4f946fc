package dev.gazette.incremental;

import java.util.function.Function;

/**
 * A value for each class, made once, as {@link ClassValue} keeps one, but found in a small table
 * by the class's identity. Fingerprinting asks for the kind of every value it walks, millions
 * of times a build, among a few dozen classes; under the client compiler the launcher runs,
 * a {@code ClassValue} lookup that misses its home slot (the JDK's own class values share the
 * collection classes' slots) went the slow way for a few per cent of a one-edit build's CPU.
 * Read without a lock: the table is replaced, never changed, when a class is added.
 */
final class TypeTable<T> {
    private record Slot<T>(Class<?> type, T value) {
    }

    private final Function<Class<?>, T> make;
    private volatile Slot<T>[] slots;

    @SuppressWarnings("unchecked")
    TypeTable(Function<Class<?>, T> make) {
        this.make = make;
        this.slots = new Slot[64];
    }

    T get(Class<?> type) {
        Slot<T>[] table = slots;
        int mask = table.length - 1;
        for (int i = System.identityHashCode(type) & mask; ; i = (i + 1) & mask) {
            Slot<T> slot = table[i];
            if (slot == null) {
                return add(type);
            }
            if (slot.type() == type) {
                return slot.value();
            }
        }
    }

    /** Makes the value of a class not in the table, and a table with it (made twice by a race: the same value). */
    @SuppressWarnings("unchecked")
    private synchronized T add(Class<?> type) {
        T value = make.apply(type);
        Slot<T>[] old = slots;
        int count = 1;
        for (Slot<T> s : old) {
            if (s != null) {
                if (s.type() == type) {
                    return s.value();
                }
                count++;
            }
        }
        // At most half full, so that a probe ends soon at an empty slot.
        int size = old.length;
        while (count * 2 > size) {
            size *= 2;
        }
        Slot<T>[] table = new Slot[size];
        for (Slot<T> s : old) {
            if (s != null) {
                put(table, s);
            }
        }
        put(table, new Slot<>(type, value));
        slots = table;
        return value;
    }

    private static <T> void put(Slot<T>[] table, Slot<T> slot) {
        int mask = table.length - 1;
        int i = System.identityHashCode(slot.type()) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = slot;
    }
}
