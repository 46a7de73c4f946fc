package dev.gazette.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;

class XmlOutTest {
    /** Texts of every length around the threshold, of characters StAX escapes, drops or keeps, in one- and two-byte strings. */
    @Test
    void longTextIsWrittenAsStaxWritesIt() {
        Random random = new Random(20261130);
        String alphabet = "ab <>&\"'\t\n\r\u0000\u0001\u001f\u00a0\u2014\u201c\ud83d\ude00\ud800\ufffd\ufffe\uffff";
        for (int n = 0; n < 400; n++) {
            int length = n < 100 ? XmlOut.LONG_TEXT - 50 + n : random.nextInt(10_000);
            StringBuilder text = new StringBuilder();
            boolean ascii = random.nextBoolean();
            for (int k = 0; k < length; k++) {
                char c = alphabet.charAt(random.nextInt(ascii ? 9 : alphabet.length()));
                text.append(random.nextInt(3) == 0 ? c : (char) ('a' + random.nextInt(26)));
            }
            String s = text.toString();
            byte[] ours = XmlOut.fragment(x -> x.start(0, "p").text(s).end(-1));
            byte[] stax = XmlOut.fragment(x -> {
                x.start(0, "p");
                x.raw().writeCharacters(XmlOut.xmlSafe(s));
                x.end(-1);
            });
            assertThat(new String(ours, UTF_8)).isEqualTo(new String(stax, UTF_8));
            byte[] document = XmlOut.document(x -> x.start(0, "p").attribute("a", "b").text(s).text(s).end(-1));
            byte[] staxDocument = XmlOut.document(x -> {
                x.start(0, "p").attribute("a", "b");
                x.raw().writeCharacters(XmlOut.xmlSafe(s));
                x.raw().writeCharacters(XmlOut.xmlSafe(s));
                x.end(-1);
            });
            assertThat(document).isEqualTo(staxDocument);
        }
    }
}
