package dev.gazette.clean;

/**
 * Thrown for a source nested deeper than the cleaner walks (a thousand quote levels): a
 * problem with the input, reported at its line, not a crash.
 */
public final class TooDeepException extends RuntimeException {
    private final int line;

    /** @param line 1-based line within the body, 0 when unknown */
    public TooDeepException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
