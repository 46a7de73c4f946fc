package dev.gazette.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the part of a request path below the base path into a site path ({@code articles/x/})
 * and refuses anything that could leave the site folder or reach a hidden file: {@code ..} and
 * {@code .} segments in any encoding ({@code %2e%2e}, {@code ..%2f}), backslashes, NUL and other
 * control characters, empty segments, and malformed percent-encoding or UTF-8. Checking the
 * decoded segments (not the raw text) is what makes double tricks like {@code %2e.} harmless.
 */
final class RequestPath {

    /** Why a path was refused, mapped to a status by the server. */
    enum Refusal { MALFORMED, FORBIDDEN, HIDDEN }

    /** A decoded site path, or the reason it was refused. */
    record Decoded(String sitePath, Refusal refusal) {
        boolean ok() {
            return refusal == null;
        }
    }

    private RequestPath() {
    }

    /** @param raw the raw (still percent-encoded) path below the base path, e.g. {@code articles/x/} */
    static Decoded decode(String raw) {
        Optional<String> text = percentDecode(raw);
        if (text.isEmpty()) {
            return new Decoded(null, Refusal.MALFORMED);
        }
        String path = text.get();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return new Decoded(null, Refusal.FORBIDDEN);
            }
        }
        if (path.startsWith("/")) {
            return new Decoded(null, Refusal.FORBIDDEN);
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty() && !last) {
                return new Decoded(null, Refusal.FORBIDDEN);
            }
            if (segment.startsWith(".")) {
                return new Decoded(null, Refusal.HIDDEN);
            }
        }
        return new Decoded(path, null);
    }

    /** Strict percent-decoding into UTF-8; '+' stays '+' (it means a space only in queries). */
    static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
