package dev.gazette.incremental;

import dev.gazette.model.LongText;
import dev.gazette.model.Step;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article's entities, automatic tags, hrefs and similarity terms are kept in the link state;
 * the build cache does not store them a second time as step outputs. Nor its linked body: a
 * memory for one build links a body when it is first read, which most pages of a build are not.
 */
class LinkValuesNotStoredTest {
    @TempDir
    Path tmp;

    /** Without a vocabulary (its {@code tags:} taken out of the sample's site.yml) the entities are read too. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theLinkStateAloneKeepsAnArticlesLinkValues(boolean withVocabulary) throws Exception {
        Path content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        if (!withVocabulary) {
            Path site = content.resolve("site.yml");
            Files.writeString(site, Files.readString(site).replaceAll("(?m)^tags:\\n(  .*\\n)*", ""));
            assertThat(Files.readString(site)).doesNotContain("tags:", "aliases");
        }
        Path templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        Path cache = Pipeline.cacheFolder(content);
        new Pipeline(new Diagnostics()).build(new Pipeline.Options(content, templates, tmp.resolve("site"),
                URI.create("https://example.org/digest/"), false), cache);

        try (BuildCache.Loaded loaded = BuildCache.load(cache)) {
            Set<String> stored = loaded.memory().outputs.values().stream().map(BuildMemory.Output::step)
                    .collect(Collectors.toSet());
            assertThat(stored).contains("pipeline.source")
                    .doesNotContain("link.entities", "link.tags", "link.hrefs", "link.terms", "link.text", "link.body");
            assertThat(loaded.memory().states).containsKey("link.digest");
        }
    }

    @Test
    void aLinkedBodyIsMadeWhenFirstReadAndKnownByItsCallBefore() {
        AtomicInteger linked = new AtomicInteger();
        Step<String, LongText> body = new Step<>("link.body", html -> {
            linked.incrementAndGet();
            return LongText.of(html.replace("Beavers", "<a href=\"/tags/beavers/\">Beavers</a>"));
        });
        BuildMemory memory = new BuildMemory(new Fingerprint(1, 2), BuildMemory.UPDATE_UP_TO);
        memory.start(new Fingerprint(1, 2));

        LongText text = memory.steps().run(body, "<p>Beavers build dams.</p>");
        LongText again = memory.steps().run(body, "<p>Beavers build dams.</p>");

        assertThat(linked).as("not linked until read").hasValue(0);
        assertThat(memory.fingerprints().known(text)).as("its call's fingerprint")
                .isNotNull().isEqualTo(memory.fingerprints().known(again));
        assertThat(text.value()).isEqualTo("<p><a href=\"/tags/beavers/\">Beavers</a> build dams.</p>");
        assertThat(text.utf8()).isEqualTo(text.value().getBytes(StandardCharsets.UTF_8));
        assertThat(linked).as("linked once, when read").hasValue(1);
        assertThat(memory.fingerprints().known(text)).as("read: still its call's").isEqualTo(memory.fingerprints().known(again));
        assertThat(memory.outputs).as("not stored").isEmpty();
    }
}
