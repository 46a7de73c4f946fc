package dev.gazette.serve;

import dev.gazette.model.Problem;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one (re)build did, for the server (which folder to serve, what changed) and the console.
 *
 * @param root           the complete site folder to serve from now on
 * @param changedFiles   site paths ({@code articles/x/index.html}) whose bytes differ from the
 *                       previous build, sorted; every file on the first build
 * @param sourcesChanged how many changed input files this build took into account
 * @param articles       how many articles the site has
 * @param filesWritten   how many files the build wrote (a full build writes every file)
 * @param millis         wall-clock time per stage, in order
 * @param warnings       warnings about the input (undated sources, unknown keys)
 * @param full           whether every page was rendered again
 */
public record Rebuild(Path root, List<String> changedFiles, int sourcesChanged, int articles, int filesWritten,
                      Map<String, Long> millis, List<Problem> warnings, boolean full) {

    public Rebuild {
        changedFiles = List.copyOf(changedFiles);
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        warnings = List.copyOf(warnings);
    }

    public long totalMillis() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }
}
