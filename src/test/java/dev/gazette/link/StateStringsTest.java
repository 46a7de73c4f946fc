package dev.gazette.link;

import dev.gazette.model.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A link state's strings: written once each, read back equal and shared by all their uses. */
class StateStringsTest {

    @Test
    void repeatedStringsAreWrittenOnceAndReadBackShared() throws IOException {
        List<String> slugs = List.of("kestrel-sighted", "heron", "kestrel-sighted", "a long ünïcode name ✓", "heron");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateStrings.Out out = new StateStrings.Out(new DataOutputStream(bytes));
        out.strings(slugs);
        out.string(null);
        out.tags(List.of(new Tag("birds", "Birds", null, List.of("heron", "avian"))));
        out.string("heron");
        // An equal tag again, twice: by its number.
        out.tags(List.of(new Tag("birds", "Birds", null, List.of("heron", "avian")),
                new Tag("birds", "Birds", null, List.of("heron", "avian"))));
        // Each distinct string's bytes once, every use a number of four bytes; a tag first met is
        // marked (-1) before its parts.
        int distinct = "kestrel-sighted".length() + "heron".length() + "a long ünïcode name ✓".getBytes("UTF-8").length
                + "birds".length() + "Birds".length() + "avian".length();
        int numbers = 1 + slugs.size() + 1 + 1 + 1 + 3 + 1 + 2 + 1 + 1 + 2;
        assertThat(bytes.size()).isEqualTo(distinct + 4 * numbers);

        StateStrings.In in = new StateStrings.In(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        List<String> read = in.strings();
        assertThat(read).isEqualTo(slugs);
        assertThat(read.get(2)).isSameAs(read.get(0));
        assertThat(in.string()).isNull();
        List<Tag> tags = in.tags();
        assertThat(tags).containsExactly(new Tag("birds", "Birds", null, List.of("heron", "avian")));
        assertThat(tags.get(0).aliases().get(0)).isSameAs(read.get(1));
        assertThat(in.string()).isSameAs(read.get(1));
        List<Tag> again = in.tags();
        assertThat(again).hasSize(2);
        assertThat(again.get(0)).isSameAs(tags.get(0));
        assertThat(again.get(1)).isSameAs(tags.get(0));
    }

    /** More distinct strings than the writer's table is made for: each still written once, by its number after. */
    @Test
    void manyDistinctStringsKeepTheirNumbersWhileTheTableGrows() throws IOException {
        int n = 300_000;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateStrings.Out out = new StateStrings.Out(new DataOutputStream(bytes));
        for (int i = 0; i < n; i++) {
            out.string("s" + i);
        }
        int first = bytes.size();
        for (int i = n - 1; i >= 0; i -= 7) {
            out.string("s" + i);
        }
        assertThat(bytes.size() - first).as("every string again by its number").isEqualTo(4 * ((n + 6) / 7));

        StateStrings.In in = new StateStrings.In(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 0; i < n; i++) {
            assertThat(in.string()).isEqualTo("s" + i);
        }
        for (int i = n - 1; i >= 0; i -= 7) {
            assertThat(in.string()).isEqualTo("s" + i);
        }
    }

    @Test
    void aTagNumberNotWrittenYetIsDamage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(1);
        data.writeInt(0);
        StateStrings.In in = new StateStrings.In(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThatThrownBy(in::tags).isInstanceOf(IOException.class).hasMessageContaining("tag 0 of 0");
    }

    @Test
    void aNumberNotWrittenYetIsDamage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(3);
        StateStrings.In in = new StateStrings.In(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThatThrownBy(in::string).isInstanceOf(IOException.class).hasMessageContaining("string 3 of 0");

        byte[] huge = new byte[4];
        Arrays.fill(huge, (byte) 0x80);
        StateStrings.In damaged = new StateStrings.In(new DataInputStream(new ByteArrayInputStream(huge)));
        assertThatThrownBy(damaged::string).isInstanceOf(IOException.class).hasMessageContaining("bytes");
    }
}
