package dev.gazette.source;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListFormatException;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web page saved as one file: {@code .mhtml} or {@code .mht} (Chrome's, Edge's and Internet Explorer's "Webpage, Single
 * File"), a MIME message (RFC 2557) whose first HTML part is the page and whose other parts are its pictures, styles and
 * frames, each under the address it was fetched from, which the page still names; or {@code .webarchive}, Safari's, a
 * binary property list whose {@code WebMainResource} holds the page. The page is read as any saved page is. The address
 * the archive was made from ({@code Snapshot-Content-Location}, else the page part's {@code Content-Location}; Safari's
 * {@code WebResourceURL}) is written above it as the comment a browser writes above a page it saves ("saved from url="),
 * which serves where the page names no address.
 */
final class WebArchive {
    /** How a binary property list begins. */
    private static final byte[] BINARY_PLIST = "bplist".getBytes(StandardCharsets.US_ASCII);
    /** The types of a page an archive holds. */
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    /** An explicit charset parameter of a part's {@code Content-Type}. */
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    /** An address that can stand in a comment as it is: http(s), no white space, nothing that would end the comment. */
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"]{1,9000}");

    private WebArchive() {
    }

    /** Whether the file is named as a web archive is. */
    static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mhtml") || name.endsWith(".mht") || name.endsWith(".webarchive");
    }

    /**
     * The archived page's HTML, headed by the comment naming the address it was saved from when the archive gives one;
     * empty when the archive holds no HTML page. A binary property list is read as Safari's, anything else as a MIME
     * message. Throws for a file neither parser can follow.
     */
    static Optional<String> page(byte[] bytes) throws IOException {
        return startsWith(bytes, BINARY_PLIST) ? safariPage(bytes) : mimePage(bytes);
    }

    /** Safari's archive: the main resource's data, in the encoding it names, under its address. */
    private static Optional<String> safariPage(byte[] bytes) throws IOException {
        NSObject root;
        try {
            root = BinaryPropertyListParser.parse(bytes);
        } catch (PropertyListFormatException | IOException | RuntimeException | StackOverflowError e) {
            // The parser follows the file's own offsets and references: a damaged one fails in any of these ways.
            throw new IOException("not a property list Safari wrote, or one damaged or cut short", e);
        }
        if (!(root instanceof NSDictionary archive) || !(archive.get("WebMainResource") instanceof NSDictionary main)
                || !(main.get("WebResourceData") instanceof NSData data) || !HTML.contains(text(main, "WebResourceMIMEType"))) {
            return Optional.empty();
        }
        String encoding = text(main, "WebResourceTextEncodingName");
        String html = encoding != null ? TextDecoder.decode(data.bytes(), encoding) : TextDecoder.decode(data.bytes(), true).text();
        return Optional.of(savedFrom(text(main, "WebResourceURL")) + html);
    }

    private static String text(NSDictionary dictionary, String key) {
        return dictionary.get(key) instanceof NSString value ? value.getContent() : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Optional<String> mimePage(byte[] bytes) throws IOException {
        MimeConfig config = MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).build();
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.parse(new ByteArrayInputStream(bytes));
        String snapshot = null;
        String location = null;
        String contentType = "";
        boolean inPart = false;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        inPart = true;
                        location = null;
                        contentType = "";
                    }
                    case T_FIELD -> {
                        Field field = stream.getField();
                        String name = field.getName().toLowerCase(Locale.ROOT);
                        String value = field.getBody().strip();
                        if (!inPart && name.equals("snapshot-content-location")) {
                            snapshot = value;
                        } else if (name.equals("content-location")) {
                            location = value;
                        } else if (name.equals("content-type")) {
                            contentType = value;
                        }
                    }
                    case T_BODY -> {
                        if (HTML.contains(stream.getBodyDescriptor().getMimeType())) {
                            byte[] html = stream.getDecodedInputStream().readAllBytes();
                            String address = snapshot != null ? snapshot : location;
                            return Optional.of(savedFrom(address) + decode(html, contentType));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** A part's text in its declared charset, or as a saved page's is told when it declares none. */
    private static String decode(byte[] html, String contentType) {
        Matcher charset = CHARSET.matcher(contentType);
        return charset.find() ? TextDecoder.decode(html, charset.group(1)) : TextDecoder.decode(html, true).text();
    }

    /** The comment a browser writes above a page it saves, naming the address; nothing for none a comment can hold. */
    private static String savedFrom(String address) {
        if (address == null || !ADDRESS.matcher(address).matches() || address.contains("--")) {
            return "";
        }
        return "<!-- saved from url=(" + String.format(Locale.ROOT, "%04d", address.length()) + ")" + address + " -->\n";
    }
}
