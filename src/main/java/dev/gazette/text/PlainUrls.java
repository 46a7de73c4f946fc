package dev.gazette.text;

/**
 * Plain web addresses told by one scan, without a URL parse: an {@code http://} or {@code https://}
 * scheme and a host of DNS labels. Most links in bodies are such, and the link and render stages
 * meet each of them on every build; anything else goes to their parsers.
 */
public final class PlainUrls {
    private PlainUrls() {
    }

    /** Where the host of an {@code http://} or {@code https://} URL starts; -1 for any other scheme or spelling. */
    public static int hostStart(String url) {
        return url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    }

    /**
     * Where a plain host starting at {@code from} ends (at the first '/' or the URL's end): labels of
     * ASCII letters, digits and inner hyphens, the last opening with a letter (so no address, port,
     * user, query or fragment before the path). -1 when the host is not plain.
     */
    public static int plainHostEnd(String url, int from) {
        int n = url.length();
        int label = from;
        int i = from;
        for (; i < n && url.charAt(i) != '/'; i++) {
            char c = url.charAt(i);
            if (c == '.') {
                if (i == label || url.charAt(i - 1) == '-') {
                    return -1;
                }
                label = i + 1;
            } else if (c == '-' ? i == label : !isAsciiLetterOrDigit(c)) {
                return -1;
            }
        }
        if (label == i || url.charAt(i - 1) == '-' || !isAsciiLetter(url.charAt(label))) {
            return -1;
        }
        return i;
    }

    /** An unreserved character of a URL (RFC 3986, 2.3): one no parser escapes, decodes or reads as a delimiter. */
    public static boolean isUnreserved(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
