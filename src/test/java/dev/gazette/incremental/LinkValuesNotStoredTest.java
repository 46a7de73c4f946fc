package dev.gazette.incremental;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article's entities, automatic tags, hrefs and similarity terms are kept in the link state;
 * the build cache does not store them a second time as step outputs.
 */
class LinkValuesNotStoredTest {
    @TempDir
    Path tmp;

    @Test
    void theLinkStateAloneKeepsAnArticlesLinkValues() throws Exception {
        Path content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        Path templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        Path cache = Pipeline.cacheFolder(content);
        new Pipeline(new Diagnostics()).build(new Pipeline.Options(content, templates, tmp.resolve("site"),
                URI.create("https://example.org/digest/"), false), cache);

        try (BuildCache.Loaded loaded = BuildCache.load(cache)) {
            Set<String> stored = loaded.memory().outputs.values().stream().map(BuildMemory.Output::step)
                    .collect(Collectors.toSet());
            assertThat(stored).contains("pipeline.source")
                    .doesNotContain("link.entities", "link.tags", "link.hrefs", "link.terms");
            assertThat(loaded.memory().states).containsKey("link.digest");
        }
    }
}
