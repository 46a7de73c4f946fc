package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The search index's documents as a built site has them: every article once, in chunks of ten, none past the last. */
class SearchDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path site = SampleSite.shared();

    @Test
    void everyArticleIsInOneChunkOfTheSearchDocumentsAndNoChunkIsEmptyOrMissing() throws Exception {
        int count = JSON.readTree(site.resolve("search/meta.json").toFile()).get("documentCount").asInt();
        Path docs = site.resolve("search/docs");
        List<String> urls = new ArrayList<>();
        int chunks = 0;
        for (; Files.exists(docs.resolve(chunks + ".json")); chunks++) {
            JsonNode chunk = JSON.readTree(docs.resolve(chunks + ".json").toFile());
            assertThat(chunk.size()).as("chunk %d", chunks).isBetween(1, 10);
            chunk.forEach(doc -> urls.add(doc.get(1).asText()));
        }
        try (Stream<Path> files = Files.list(docs)) {
            assertThat(files.count()).as("files in search/docs").isEqualTo(chunks);
        }
        Set<String> articles = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(site.resolve("articles"))) {
            dirs.forEach(d -> articles.add("/gazette/articles/" + d.getFileName() + "/"));
        }
        assertThat(articles).hasSizeGreaterThan(10);
        assertThat(chunks).isEqualTo((articles.size() + 9) / 10);
        assertThat(urls).hasSize(count).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(urls)).isEqualTo(articles);
    }
}
