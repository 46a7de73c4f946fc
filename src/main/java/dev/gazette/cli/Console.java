package dev.gazette.cli;

import dev.gazette.model.Problem;

import java.util.Map;

/**
 * What the terminal the command runs in can show. A progress line only on an interactive
 * terminal (a console that is not {@code TERM=dumb}); colour only there too, and never when
 * {@code NO_COLOR} is set (no-color.org). Redirected output is always plain.
 */
record Console(boolean interactive, boolean color) {
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    /** The console this process runs in. */
    static Console detect() {
        return of(System.getenv(), System.console() != null);
    }

    static Console of(Map<String, String> env, boolean hasConsole) {
        String term = env.getOrDefault("TERM", "");
        boolean interactive = hasConsole && !term.isEmpty() && !term.equals("dumb");
        String noColor = env.get("NO_COLOR");
        return new Console(interactive, interactive && (noColor == null || noColor.isEmpty()));
    }

    /** The problem as {@link Problem#toString()} writes it, with "warning:" or an error's message coloured when colour is on. */
    String format(Problem problem) {
        if (!color) {
            return problem.toString();
        }
        String where = problem.line() > 0 ? problem.file() + ":" + problem.line() : problem.file();
        return where + ": " + (problem.isError() ? RED + problem.message() + RESET : YELLOW + "warning:" + RESET + " " + problem.message());
    }
}
