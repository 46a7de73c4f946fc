package dev.gazette.clean;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Generated texts for the prefilter tests: each of one to nine pieces picked from a list of the pieces that make a
 * pattern hardest to stand in for, and the reflection those tests use to reach private patterns and tests.
 */
final class PieceTexts {
    private PieceTexts() {
    }

    /** Runs {@code check} on 20,000 texts made of {@code pieces}. */
    static void forTexts(List<String> pieces, Consumer<String> check) {
        qt().withExamples(20_000).forAll(lists().of(integers().between(0, pieces.size() - 1)).ofSizeBetween(1, 9))
                .checkAssert(picks -> {
                    StringBuilder text = new StringBuilder();
                    picks.forEach(i -> text.append(pieces.get(i)));
                    check.accept(text.toString());
                });
    }

    /** A private static field's value. */
    static Object staticField(Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    /** A private static method's result; a reflection failure fails the test. */
    static Object callStatic(Class<?> owner, String name, Class<?>[] types, Object... args) {
        try {
            Method m = owner.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
