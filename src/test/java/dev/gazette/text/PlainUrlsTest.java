package dev.gazette.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainUrlsTest {
    @Test
    void aPlainHostEndsAtItsPathOrTheEnd() {
        assertThat(PlainUrls.hostStart("https://a.example/x")).isEqualTo(8);
        assertThat(PlainUrls.hostStart("http://a.example")).isEqualTo(7);
        assertThat(PlainUrls.plainHostEnd("https://a.example/x", 8)).isEqualTo(17);
        assertThat(PlainUrls.plainHostEnd("http://Www.A-1.example", 7)).isEqualTo(22);
    }

    @Test
    void otherSchemesAndHostsAreNotPlain() {
        assertThat(PlainUrls.hostStart("ftp://a.example/")).isEqualTo(-1);
        assertThat(PlainUrls.hostStart("HTTPS://a.example/")).isEqualTo(-1);
        for (String url : new String[] {"https://", "https:///x", "https://a..b/", "https://.a/", "https://a./",
                "https://a-.b/", "https://-a.b/", "https://a.1/", "https://h:80/", "https://u@h.example/",
                "https://h.example?q", "https://h.example#f", "https://hé.example/"}) {
            assertThat(PlainUrls.plainHostEnd(url, 8)).as(url).isEqualTo(-1);
        }
    }

    @Test
    void unreservedCharactersAreTheFourMarksBesideLettersAndDigits() {
        assertThat("aZ09-._~".chars().allMatch(c -> PlainUrls.isUnreserved((char) c))).isTrue();
        assertThat("/?#:@%+ é!".chars().noneMatch(c -> PlainUrls.isUnreserved((char) c))).isTrue();
    }
}
