package dev.gazette.model;

/** Where stages report problems; implementations must accept reports from several threads. */
@FunctionalInterface
public interface ProblemSink {
    void report(Problem problem);
}
