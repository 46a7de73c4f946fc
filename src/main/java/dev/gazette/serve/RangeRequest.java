package dev.gazette.serve;

import org.eclipse.jetty.http.ByteRange;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} request asks of a response of {@code length} bytes (RFC 9110 §14): the
 * whole body, one part of it (206), or nothing it has (416). A {@code Range} that is not valid
 * {@code bytes} syntax is ignored, as the RFC asks, and so is one whose {@code If-Range} does not
 * match the current ETag or date; several ranges that do not merge into one are answered with
 * the whole body, which the RFC allows and which spares multipart responses nobody here needs.
 */
sealed interface RangeRequest {
    Pattern SPEC = Pattern.compile("\\s*(?:(\\d+)-(\\d*)|-(\\d+))\\s*");

    /** Send the whole body with 200. */
    record Whole() implements RangeRequest {
    }

    /** Send bytes {@code first..last} (inclusive) with 206. */
    record Part(long first, long last) implements RangeRequest {
        long length() {
            return last - first + 1;
        }
    }

    /** Nothing to send: 416. */
    record Unsatisfiable() implements RangeRequest {
    }

    /**
     * @param range     the request's Range values, empty when it has none
     * @param ifRange   its If-Range value or null
     * @param etag      the strong ETag of the body
     * @param lastModified the Last-Modified value of the body, as sent
     */
    static RangeRequest of(List<String> range, String ifRange, String etag, String lastModified, long length) {
        if (range.size() != 1 || !valid(range.get(0))) {
            return new Whole();
        }
        if (ifRange != null && !ifRange.strip().equals(etag) && !ifRange.strip().equals(lastModified)) {
            return new Whole();
        }
        // The unit is case-insensitive (RFC 9110 §14.1); Jetty's parser reads only "bytes=".
        List<ByteRange> parts = ByteRange.parse(List.of("bytes=" + range.get(0).substring(6)), length);
        if (parts.isEmpty()) {
            return new Unsatisfiable();
        }
        if (parts.size() > 1) {
            return new Whole();
        }
        return new Part(parts.get(0).first(), parts.get(0).last());
    }

    /** Whether {@code value} is {@code bytes=} and valid range specs, each first ≤ last. */
    private static boolean valid(String value) {
        String prefix = "bytes=";
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        for (String spec : value.substring(prefix.length()).split(",", -1)) {
            Matcher m = SPEC.matcher(spec);
            if (!m.matches()) {
                return false;
            }
            if (m.group(1) != null && !m.group(2).isEmpty()
                    && new BigInteger(m.group(1)).compareTo(new BigInteger(m.group(2))) > 0) {
                return false;
            }
        }
        return true;
    }
}
