package dev.gazette.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongTextTest {
    private static final String TEXT = "Caf\u00e9 \u201cquoted\u201d \u2014 \ud83e\uddab and plain ASCII";

    @Test
    void aTextHeldEncodedIsTheTextMadeFromItsString() {
        LongText encoded = LongText.ofUtf8(TEXT.getBytes(StandardCharsets.UTF_8));
        LongText made = LongText.of(TEXT);
        assertThat(encoded).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(encoded.value()).isEqualTo(TEXT);
        assertThat(encoded.utf8()).isEqualTo(made.utf8()).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.toString()).isEqualTo(TEXT);
        assertThat(LongText.of("x")).isNotEqualTo(LongText.of("y"));
    }

    @Test
    void anEncodedTextIsDecodedWhenFirstReadNotWhenMade() {
        byte[] bytes = "before".getBytes(StandardCharsets.UTF_8);
        LongText text = LongText.ofUtf8(bytes);
        assertThat(text.utf8()).as("handed back as held, not decoded and encoded again").isSameAs(bytes);
        bytes[0] = 'B';   // the array is the text's own: only a text not decoded yet can see this
        assertThat(text.value()).isEqualTo("Before");
        assertThat(text.value()).isSameAs(text.value());
    }

    @Test
    void aTextOfNothingIsRefused() {
        assertThatThrownBy(() -> LongText.of(null)).isInstanceOf(NullPointerException.class);
    }
}
