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
 * @param root          the complete site folder to serve from now on
 * @param changedFiles  site paths ({@code articles/x/index.html}) whose bytes differ from the
 *                      previous build, or that are gone, sorted; every file on the first build
 * @param sourcesRead   how many sources were read, cleaned and enriched again
 * @param articles      how many articles the site has
 * @param pagesRendered how many pages went through the templates
 * @param filesWritten  how many files were written
 * @param millis        wall-clock time per stage, in order
 * @param warnings      warnings about the input (undated sources, unknown keys)
 */
public record Rebuild(Path root, List<String> changedFiles, int sourcesRead, int articles, int pagesRendered,
                      int filesWritten, Map<String, Long> millis, List<Problem> warnings) {

    public Rebuild {
        changedFiles = List.copyOf(changedFiles);
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        warnings = List.copyOf(warnings);
    }
}
