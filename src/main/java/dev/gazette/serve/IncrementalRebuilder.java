package dev.gazette.serve;

import dev.gazette.incremental.BuildMemory;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;

import java.nio.file.Path;
import java.util.Set;

/**
 * A {@link Rebuilder} that keeps a {@link BuildMemory} between rebuilds and updates one folder in
 * place: sources whose file did not change are not read again, every step whose input did not
 * change is not run again, a page is rendered again only when what it shows changed, and only
 * files whose bytes changed are written (each atomically; removed pages are deleted). Sources the
 * watcher did not report are not looked at, unless what it reports may be more than sources
 * edited, added or deleted (a folder, an overflow, a path outside the content folder).
 *
 * <p>Nothing is written unless the whole build succeeds, so a failed build leaves the served
 * folder as it was. The output is byte-identical to a full {@link Pipeline} build with the same
 * options.
 */
public final class IncrementalRebuilder implements Rebuilder {
    private final Pipeline.Options options;
    private final Path site;
    private final BuildMemory memory;
    private final int inPlaceUpTo;

    /** @param options what to build; {@code out} is the working folder, the site goes to {@code out/site} */
    public IncrementalRebuilder(Pipeline.Options options) {
        this(options, Pipeline.IN_PLACE_UP_TO, BuildMemory.UPDATE_UP_TO);
    }

    /**
     * @param inPlaceUpTo see {@link Pipeline#Pipeline(Diagnostics, int)}
     * @param updateUpTo  see {@link BuildMemory#BuildMemory(int)}; tests set both to reach each path
     */
    IncrementalRebuilder(Pipeline.Options options, int inPlaceUpTo, int updateUpTo) {
        this.memory = new BuildMemory(updateUpTo);
        this.options = new Pipeline.Options(options.content(), options.templates(), options.out().resolve("site"),
                options.baseUrl(), options.drafts(), options.future());
        this.site = this.options.out();
        this.inPlaceUpTo = inPlaceUpTo;
    }

    @Override
    public Rebuild rebuild(Set<Path> changed) {
        Diagnostics diagnostics = new Diagnostics();
        // The first build, and a watcher that lost events (it reports the watched folder), look at every source.
        Pipeline.Result result = new Pipeline(diagnostics, inPlaceUpTo).build(options, memory,
                changed.isEmpty() ? null : changed);
        return new Rebuild(site, result.changedFiles(), result.sourcesRead(), result.articles(), result.pagesMade(),
                result.changedFiles().size(), result.millis(), diagnostics.warnings());
    }
}
