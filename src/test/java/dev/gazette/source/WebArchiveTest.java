package dev.gazette.source;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Web archives as browsers write them: the page's HTML out of its MIME part, with the address it was saved from. */
public class WebArchiveTest {
    public static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Le bac prolongé jusqu'aux îles du nord</title></head>
            <body><article><h1>Le bac prolongé jusqu'aux îles du nord</h1><p>Le conseil du port a voté mardi = une décision
            attendue depuis dix ans.</p><img src="https://news.example/img/quai.png" alt="Le quai"></article></body></html>
            """;

    /** A page saved as Chrome saves one as a single file: CR LF lines, the page quoted-printable, a picture in base64. */
    public static byte[] chromeArchive(String html, String address) {
        String boundary = "----MultipartBoundary--Yq8FzR2x----";
        String picture = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(new byte[300]);
        String archive = "From: <Saved by Blink>\r\n"
                + (address == null ? "" : "Snapshot-Content-Location: " + address + "\r\n")
                + "Subject: =?utf-8?Q?Le_bac_prolong=C3=A9?=\r\nDate: Tue, 4 Mar 2025 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + (address == null ? "" : "Content-Location: " + address + "\r\n") + "\r\n"
                + quotedPrintable(html.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--" + boundary + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Location: https://news.example/img/quai.png\r\n\r\n" + picture + "\r\n"
                + "--" + boundary + "--\r\n";
        return archive.getBytes(StandardCharsets.US_ASCII);
    }

    /** Quoted-printable (RFC 2045): a soft line break before 76 characters, "=" and every byte past ASCII as =XX. */
    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '\n') {
                out.append("\r\n");
                column = 0;
                continue;
            }
            String piece = c >= 33 && c <= 126 && c != '=' || c == ' ' ? String.valueOf((char) c) : String.format("=%02X", c);
            if (column + piece.length() > 73) {
                out.append("=\r\n");
                column = 0;
            }
            out.append(piece);
            column += piece.length();
        }
        return out.toString();
    }

    @Test
    void chromesSingleFilePageIsItsHtmlUnderTheAddressItWasSavedFrom() throws Exception {
        String address = "https://news.example/2025/03/bac?utm_source=feed";
        String page = WebArchive.page(chromeArchive(PAGE, address)).orElseThrow();
        assertThat(page).isEqualTo("<!-- saved from url=(0048)" + address + " -->\n" + PAGE);
        assertThat(WebArchive.page(chromeArchive(PAGE, null)).orElseThrow()).as("no address given").isEqualTo(PAGE);
        assertThat(WebArchive.page(chromeArchive(PAGE, "https://news.example/a--><script>x</script>")).orElseThrow())
                .as("an address no comment can hold is left out").startsWith("<!DOCTYPE html>");
    }

    /** An older archive (Internet Explorer's .mht) declares its part's charset; a page without a declaration is told from its bytes. */
    @Test
    void aPartsDeclaredCharsetIsRead() throws Exception {
        String html = "<html><body><p>Décision attendue, 2 000 €.</p></body></html>";
        for (String charset : new String[] {"windows-1252", "iso-8859-15", "utf-8"}) {
            String archive = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_000\"\r\n\r\n"
                    + "------=_NextPart_000\r\nContent-Type: text/html; charset=\"" + charset + "\"\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://news.example/old.htm\r\n\r\n"
                    + quotedPrintable(html.getBytes(Charset.forName(charset))) + "\r\n------=_NextPart_000--\r\n";
            assertThat(WebArchive.page(archive.getBytes(StandardCharsets.US_ASCII)).orElseThrow()).as(charset)
                    .isEqualTo("<!-- saved from url=(0027)http://news.example/old.htm -->\n" + html);
        }
        String single = "MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        assertThat(WebArchive.page(single.getBytes(StandardCharsets.US_ASCII))).as("a message of one part").contains(html);
    }

    /** Whatever the bytes, reading them ends with the page, none, or an exception the reader reports: nothing else escapes. */
    @Test
    void anyBytesEndInAPageNoneOrAReadableFailure() {
        Random random = new Random(7);
        byte[] archive = chromeArchive(PAGE, "https://news.example/x");
        for (int n = 0; n < 2_000; n++) {
            byte[] bytes = archive.clone();
            ByteArrayOutputStream cut = new ByteArrayOutputStream();
            for (int i = random.nextInt(20); i > 0; i--) {
                bytes[random.nextInt(bytes.length)] = (byte) "\r\n-=:;\" ab\t\0é".charAt(random.nextInt(13));
            }
            cut.write(bytes, 0, random.nextInt(bytes.length + 1));
            try {
                WebArchive.page(cut.toByteArray());
            } catch (java.io.IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    /** A page saved as Safari saves one: a binary property list whose main resource is the page, in the encoding it names. */
    public static byte[] safariArchive(byte[] html, String encoding, String address) throws Exception {
        NSDictionary main = new NSDictionary();
        main.put("WebResourceData", new NSData(html));
        main.put("WebResourceMIMEType", "text/html");
        if (encoding != null) {
            main.put("WebResourceTextEncodingName", encoding);
        }
        main.put("WebResourceURL", address);
        main.put("WebResourceFrameName", "");
        NSDictionary picture = new NSDictionary();
        picture.put("WebResourceData", new NSData(new byte[300]));
        picture.put("WebResourceMIMEType", "image/png");
        picture.put("WebResourceURL", "https://news.example/img/quai.png");
        NSDictionary archive = new NSDictionary();
        archive.put("WebMainResource", main);
        archive.put("WebSubresources", new NSArray(picture));
        return BinaryPropertyListWriter.writeToArray(archive);
    }

    @Test
    void safarisWebArchiveIsItsMainResourceUnderItsAddress() throws Exception {
        String address = "https://news.example/2025/03/bac";
        assertThat(WebArchive.page(safariArchive(PAGE.getBytes(StandardCharsets.UTF_8), "UTF-8", address)).orElseThrow())
                .isEqualTo("<!-- saved from url=(0032)" + address + " -->\n" + PAGE);
        assertThat(WebArchive.page(safariArchive(PAGE.getBytes(Charset.forName("windows-1252")), "windows-1252", address))
                .orElseThrow()).as("the encoding it names").endsWith(PAGE);
        assertThat(WebArchive.page(safariArchive(PAGE.getBytes(StandardCharsets.UTF_8), null, address)).orElseThrow())
                .as("none named: told from the bytes").endsWith(PAGE);
        Random random = new Random(5);
        byte[] archive = safariArchive(PAGE.getBytes(StandardCharsets.UTF_8), "UTF-8", address);
        for (int n = 0; n < 3_000; n++) {
            byte[] bytes = Arrays.copyOf(archive, 6 + random.nextInt(archive.length - 5));
            for (int i = bytes.length > 6 ? random.nextInt(8) : 0; i > 0; i--) {
                bytes[6 + random.nextInt(bytes.length - 6)] = (byte) random.nextInt(256);
            }
            try {
                WebArchive.page(bytes);
            } catch (java.io.IOException e) {
                assertThat(e.getMessage()).startsWith("not a property list Safari wrote");
            }
        }
    }

    @Test
    void archivesAreToldByTheirNames() {
        assertThat(WebArchive.isArchive(Path.of("raw/Ferry.MHTML"))).isTrue();
        assertThat(WebArchive.isArchive(Path.of("raw/ferry.mht"))).isTrue();
        assertThat(WebArchive.isArchive(Path.of("raw/ferry.webarchive"))).isTrue();
        assertThat(WebArchive.isArchive(Path.of("raw/ferry.html"))).isFalse();
        assertThat(SourceFormat.of(Path.of("raw/ferry.mhtml"))).contains(SourceFormat.HTML);
    }
}
