package dev.gazette.enrich;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublishingAndDatesTest {
    @Test
    void sourceDateEpochFixesTheBuildsNow() {
        assertThat(Publishing.clock("1740787200")).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        Instant before = Instant.now();
        assertThat(Publishing.clock("yesterday")).isAfterOrEqualTo(before);
        assertThat(Publishing.clock(null)).isAfterOrEqualTo(before);
    }

    @Test
    void aNumericDateIsAmbiguousOnlyWhenBothNumbersCouldBeTheMonth() {
        assertThat(AmbiguousDates.warning("03/04/2025", LocalDate.of(2025, 3, 4))).hasValue(
                "'03/04/2025' can be read two ways: taken as 4 March 2025; write 2025-03-04 to keep that, or 2025-04-03 for 3 April 2025");
        assertThat(AmbiguousDates.warning("03.04.2025", LocalDate.of(2025, 4, 3))).get().asString()
                .contains("taken as 3 April 2025", "2025-03-04 for 4 March 2025");
        assertThat(AmbiguousDates.warning("13/04/2025", LocalDate.of(2025, 4, 13))).isEmpty();
        assertThat(AmbiguousDates.warning("04/04/2025", LocalDate.of(2025, 4, 4))).isEmpty();
        assertThat(AmbiguousDates.warning("2025-03-04", LocalDate.of(2025, 3, 4))).isEmpty();
        assertThat(AmbiguousDates.warning("March 4, 2025", LocalDate.of(2025, 3, 4))).isEmpty();
    }
}
