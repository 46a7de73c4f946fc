package dev.gazette.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathTest {

    @Test
    void decodesOrdinarySitePaths() {
        assertThat(RequestPath.decode("").sitePath()).isEmpty();
        assertThat(RequestPath.decode("articles/x/").sitePath()).isEqualTo("articles/x/");
        assertThat(RequestPath.decode("assets/style.css").sitePath()).isEqualTo("assets/style.css");
        assertThat(RequestPath.decode("tags/caf%C3%A9/").sitePath()).isEqualTo("tags/café/");
        assertThat(RequestPath.decode("a+b%20c").sitePath()).isEqualTo("a+b c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc/passwd", "articles/../../x", "%2e%2e/x", "%2E%2E/x", ".%2e/x",
            "..%2fetc%2fpasswd", "articles/..%2F..%2Fx", "articles/%2e/x", "./x", "a//b", "/etc/passwd",
            "%2fetc/passwd", "a%5c..%5cb", "a\\b", "a%00.html", "index.html%00", "a%0ab"})
    void refusesAnythingThatCouldLeaveTheSiteFolder(String raw) {
        assertThat(RequestPath.decode(raw).refusal()).isEqualTo(RequestPath.Refusal.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "%zz/x", "%c3%28", "%ff"})
    void refusesMalformedEncoding(String raw) {
        assertThat(RequestPath.decode(raw).refusal()).isEqualTo(RequestPath.Refusal.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {".gazette", ".git/config", "articles/.hidden/x", "%2egit/HEAD"})
    void hidesDotFiles(String raw) {
        assertThat(RequestPath.decode(raw).refusal()).isEqualTo(RequestPath.Refusal.HIDDEN);
    }
}
