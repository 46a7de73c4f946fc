package dev.gazette.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLdCannotCloseItsScriptOrOpenAComment() throws Exception {
        ObjectNode node = JSON.createObjectNode();
        String nasty = "Fish & chips </script><script>alert(1)</script> <!-- \"quoted\" -->";
        node.put("headline", nasty);

        String script = PageMetadata.script(node);

        assertThat(script).doesNotContain("<", ">", "&").contains("\\u003C/script\\u003E", "\\u0026");
        JsonNode back = JSON.readTree(script);
        assertThat(back.path("headline").asText()).isEqualTo(nasty);
    }
}
