package dev.gazette.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

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
    void aStoredTextIsFetchedOnceWhenFirstReadNotWhenMade() {
        AtomicInteger fetched = new AtomicInteger();
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        LongText text = LongText.ofStored(() -> {
            fetched.incrementAndGet();
            return bytes;
        });
        assertThat(fetched).as("not fetched when made").hasValue(0);
        assertThat(text.utf8()).as("its bytes as fetched, not decoded").isSameAs(bytes);
        assertThat(text.value()).isEqualTo(TEXT);
        assertThat(text).isEqualTo(LongText.of(TEXT));
        assertThat(fetched).as("fetched once").hasValue(1);

        LongText read = LongText.ofStored(() -> {
            fetched.incrementAndGet();
            return bytes;
        });
        assertThat(read.value()).as("read first as a string").isEqualTo(TEXT);
        assertThat(read.utf8()).isEqualTo(bytes);
        assertThat(fetched).hasValue(2);
        assertThatThrownBy(() -> LongText.ofStored(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTextOfNothingIsRefused() {
        assertThatThrownBy(() -> LongText.of(null)).isInstanceOf(NullPointerException.class);
    }
}
