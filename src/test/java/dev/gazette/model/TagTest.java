package dev.gazette.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagTest {
    /** The same components as a record that keeps the generated methods. */
    private record Generated(String slug, String name, String description, List<String> aliases) {
    }

    @Test
    void equalsAndHashCodeAreTheRecordsOwn() {
        List<Tag> tags = List.of(new Tag("ai", "AI", null, List.of()), new Tag("ai", "AI", "Machines.", List.of("A.I.")),
                new Tag("ai", "Ai", null, List.of()), new Tag("eu", "EU", null, List.of("European Union", "EU")),
                new Tag("", "", "", List.of("")));
        for (Tag a : tags) {
            assertThat(a.hashCode()).isEqualTo(new Generated(a.slug(), a.name(), a.description(), a.aliases()).hashCode());
            for (Tag b : tags) {
                assertThat(a.equals(b)).isEqualTo(new Generated(a.slug(), a.name(), a.description(), a.aliases())
                        .equals(new Generated(b.slug(), b.name(), b.description(), b.aliases())));
            }
            assertThat(a).isEqualTo(new Tag(a.slug(), a.name(), a.description(), a.aliases())).isNotEqualTo(null).isNotEqualTo("ai");
        }
    }
}
