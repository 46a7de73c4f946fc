package dev.gazette.pipeline;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects problems from parallel stages and hands them back in a stable order. */
public final class Diagnostics implements ProblemSink {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    private final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();

    @Override
    public void report(Problem problem) {
        problems.add(problem);
    }

    public void reportAll(List<Problem> list) {
        problems.addAll(list);
    }

    public List<Problem> sorted() {
        return problems.stream().sorted(ORDER).distinct().toList();
    }

    public List<Problem> errors() {
        return sorted().stream().filter(Problem::isError).toList();
    }

    /** Stops the build, reporting every error so far, when there is any. */
    public void failOnErrors() {
        List<Problem> errors = errors();
        if (!errors.isEmpty()) {
            throw new GazetteException(errors);
        }
    }

    public List<Problem> warnings() {
        return sorted().stream().filter(p -> !p.isError()).toList();
    }
}
