package dev.gazette.model;

import java.util.List;

/**
 * A failure caused by the user's input or environment, never by a bug: the CLI prints its
 * problems as {@code path:line: message} and exits with status 1, without a stack trace.
 */
public final class GazetteException extends RuntimeException {
    private final List<Problem> problems;

    public GazetteException(List<Problem> problems) {
        super(problems.isEmpty() ? "build failed" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public GazetteException(String file, int line, String message) {
        this(List.of(Problem.error(file, line, message)));
    }

    public GazetteException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<Problem> problems() {
        return problems;
    }
}
