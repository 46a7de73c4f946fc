package dev.gazette.model;

/**
 * Something wrong with one input, pinned to a file and line so a user can act on it.
 *
 * @param file   the path as the user knows it (relative to where they ran the command)
 * @param line   1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong, in words a curator understands
 * @param severity whether the build can go on
 */
public record Problem(String file, int line, String message, Severity severity) {

    public enum Severity { WARNING, ERROR }

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, message, Severity.ERROR);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line: message}, the format editors and CI logs link to. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return where + ": " + prefix + message;
    }
}
