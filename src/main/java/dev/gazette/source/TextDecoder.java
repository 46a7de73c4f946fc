package dev.gazette.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a saved page into text the way a browser would: a byte order mark wins,
 * then valid UTF-8, then the charset an HTML page declares, then the legacy encoding charset
 * detectors tell from the bytes, then windows-1252, the one most Western pages without a
 * declaration were written in.
 */
public final class TextDecoder {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;
    /** Bytes handed to the charset detector at a time, until it is sure. */
    private static final int DETECT_BYTES = 65536;

    private TextDecoder() {
    }

    /** The decoded text with line ends normalised to '\n', and the charset used. */
    public record Decoded(String text, Charset charset) {
    }

    /** Whether the bytes look like a binary file (NUL bytes where text never has them). */
    public static boolean looksBinary(byte[] bytes) {
        if (bom(bytes).isPresent()) {
            return false;
        }
        int limit = Math.min(bytes.length, SNIFF_BYTES);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    public static Decoded decode(byte[] bytes, boolean html) {
        Optional<Bom> bom = bom(bytes);
        if (bom.isPresent()) {
            Bom b = bom.get();
            String text = new String(bytes, b.length, bytes.length - b.length, b.charset);
            return new Decoded(normalized(text), b.charset);
        }
        Optional<String> utf8 = utf8(bytes);
        if (utf8.isPresent()) {
            return new Decoded(normalized(utf8.get()), StandardCharsets.UTF_8);
        }
        Optional<Charset> declared = html ? declaredCharset(bytes) : Optional.empty();
        Charset charset = declared.or(() -> detected(bytes)).orElse(WINDOWS_1252);
        return new Decoded(normalized(new String(bytes, charset)), charset);
    }

    /**
     * The legacy encoding that bytes declaring none are most likely in, guessed as Firefox long did (Mozilla's universal
     * charset detector): the multi-byte encodings of Chinese, Japanese and Korean, and the single-byte ones of Cyrillic,
     * Greek, Hebrew and Thai text, which read as windows-1252 would be mojibake. Where it finds none of those, or
     * windows-1252, ICU's detector is asked for the code pages Mozilla's has no model of ({@link #ICU_ONLY}). Empty
     * when neither is sure or the one that answers names an encoding the bytes are not valid in.
     */
    private static Optional<Charset> detected(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        for (int at = 0; at < bytes.length && !detector.isDone(); at += DETECT_BYTES) {
            detector.handleData(bytes, at, Math.min(DETECT_BYTES, bytes.length - at));
        }
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        // The detector tells windows-1251 from Mac Cyrillic, which differ in a few letters, by too little on a short text;
        // Windows' is what editors and pages write.
        name = "MACCYRILLIC".equalsIgnoreCase(name) ? "windows-1251" : name;
        if (name == null || "WINDOWS-1252".equalsIgnoreCase(name)) {
            String other = icuOnly(bytes);
            name = other != null ? other : name;
        }
        return name == null ? Optional.empty() : charsetNamed(name)
                .filter(charset -> !charset.name().startsWith("UTF-") && validIn(bytes, charset));
    }

    /**
     * The code pages ICU's detector tells from windows-1252 by its languages' letter statistics and Mozilla's does not
     * model: Central European (Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Slovenian), Turkish and Arabic.
     */
    private static final Set<String> ICU_ONLY = Set.of("windows-1250", "ISO-8859-2", "windows-1254", "ISO-8859-9",
            "windows-1256", "ISO-8859-6");

    /** ICU's best guess for the first {@link #DETECT_BYTES} bytes when it is one of {@link #ICU_ONLY}, else null. */
    private static String icuOnly(byte[] bytes) {
        CharsetDetector icu = new CharsetDetector();
        icu.enableInputFilter(true); // a page's markup is not its language
        icu.setText(bytes.length <= DETECT_BYTES ? bytes : Arrays.copyOf(bytes, DETECT_BYTES));
        CharsetMatch best = icu.detect();
        return best != null && ICU_ONLY.contains(best.getName()) ? best.getName() : null;
    }

    /** Whether every byte sequence is a character of the charset. */
    private static boolean validIn(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private record Bom(Charset charset, int length) {
    }

    private static Optional<Bom> bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
        }
        return Optional.empty();
    }

    /** The bytes as UTF-8 when they are UTF-8, or UTF-8 with a few damaged bytes ({@link #mostlyUtf8}). */
    private static Optional<String> utf8(byte[] bytes) {
        // The String constructor is the JDK's fast decoder, but it replaces malformed input with
        // U+FFFD: text without one is valid as it is; only text with one is checked strictly.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return Optional.of(text);
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return mostlyUtf8(text) ? Optional.of(text) : Optional.empty();
        }
    }

    /**
     * Whether text the JDK decoded from bytes that are not all UTF-8 ({@code lenient}, a replacement character for each
     * damaged sequence) is UTF-8 with a few damaged bytes, as a copy-paste or a site that let one Latin-1 byte in leaves
     * it, to be read as a browser shows such a page: its characters beyond ASCII outnumber its replacement characters ten
     * to one. Text in a legacy encoding forms a valid multi-byte sequence (a lead byte, then one to three bytes of
     * 0x80–0xBF) only by chance, so its replacements outnumber the rest: the case dumps saved again in legacy encodings
     * (bench/cleaning/encodings.sh) give at most 0.34 other characters beyond ASCII to one replacement (EUC-JP).
     */
    private static boolean mostlyUtf8(String lenient) {
        int replaced = 0;
        int beyondAscii = 0;
        for (int i = 0; i < lenient.length(); i++) {
            char c = lenient.charAt(i);
            if (c == '\uFFFD') {
                replaced++;
            } else if (c >= 0x80) {
                beyondAscii++;
            }
        }
        return beyondAscii >= 10 * replaced;
    }

    private static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        // A page cannot honestly declare a 16-bit encoding in ASCII; ignore such declarations.
        return charsetNamed(m.group(1)).filter(charset -> !charset.name().startsWith("UTF-16"));
    }

    /** The charset a label names, as browsers read labels: Latin-1 and ASCII as windows-1252 (WHATWG Encoding Standard). */
    private static Optional<Charset> charsetNamed(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /**
     * The text of a page whose charset was declared outside it ({@code label}, a MIME part's or an HTTP response's
     * {@code Content-Type}), as a browser reads it: a byte order mark wins, then the label, then the page as {@link #decode}
     * tells it when the label names no charset known here.
     */
    static String decode(byte[] bytes, String label) {
        Optional<Charset> declared = charsetNamed(label);
        if (bom(bytes).isPresent() || declared.isEmpty()) {
            return decode(bytes, true).text();
        }
        return normalized(new String(bytes, declared.get()));
    }

    /**
     * Line ends as '\n', no control character but tab and line feed (HTML forbids the others in a
     * page and XML in a feed; a form feed or vertical tab, a dump's page break, ends a line), and
     * characters composed (Unicode's NFC).
     */
    static String normalized(String text) {
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        // One pass finds most texts need no more: no control character, no mark to join, nothing to compose.
        int first = firstToMend(text);
        if (first < 0) {
            return text;
        }
        String mended = hasControl(text, first) ? withoutControls(text) : text;
        mended = marksJoinedToTheirLetters(mended);
        // Composed characters (NFC), as the web writes text and the HTML checker asks: "é" as one character, not "e" and an accent.
        return composed(mended, mended == text ? first : 0);
    }

    /**
     * The text in Unicode's NFC, asking the JDK's normalizer only about the runs of characters that are not {@link #inert},
     * each with the character before it (the one a mark may compose with): an inert character is a boundary no
     * composition crosses, so the text is the runs' NFC joined. The normalizer's own check over a whole page cost a fifth
     * of the page's cleaning; most pages' characters are all inert.
     */
    static String composed(String text) {
        return composed(text, 0);
    }

    /** {@link #composed} of a text none of whose characters before {@code from} is one NFC may change. */
    private static String composed(String text, int from) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        char[] chunk = new char[CHUNK];
        for (int i = firstNotInert(text, from, chunk); i >= 0; i = firstNotInert(text, i + 1, chunk)) {
            int start = Math.max(i - 1, 0);
            int end = i + 1;
            while (end < n && !inert(text.charAt(end))) {
                end++;
            }
            String run = text.substring(start, end);
            if (!Normalizer.isNormalized(run, Normalizer.Form.NFC)) {
                out = out == null ? new StringBuilder(n) : out;
                out.append(text, copied, start).append(Normalizer.normalize(run, Normalizer.Form.NFC));
                copied = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /**
     * Ranges of characters that are composed as they stand, of combining class 0, and the second of no composition, so
     * that NFC leaves them and what comes before them as they are: all below U+0300 (Unicode's NFC quick check starts
     * there), and the letters, figures and signs of the scripts and punctuation most pages are written in
     * (TextDecoderTest checks each against the JDK's decompositions).
     */
    private static final char[][] INERT_RANGES = {
            {0x0000, 0x02FF}, // Latin, IPA, spacing modifiers
            {0x0386, 0x0386}, {0x0388, 0x03FF}, // Greek but its marks, U+0374, U+037E and U+0387
            {0x0400, 0x0482}, {0x048A, 0x052F}, // Cyrillic but its marks
            {0x05D0, 0x05EA}, // Hebrew letters
            {0x0621, 0x064A}, {0x0660, 0x066F}, {0x0671, 0x06D3}, // Arabic letters and figures
            {0x0905, 0x0939}, {0x0966, 0x096F}, // Devanagari letters and figures
            {0x0E01, 0x0E30}, {0x0E32, 0x0E33}, {0x0E3F, 0x0E46}, {0x0E50, 0x0E5B}, // Thai but its marks
            {0x1E00, 0x1EFF}, // Latin with marks (Vietnamese)
            {0x2002, 0x2027}, {0x202F, 0x205E}, {0x20A0, 0x20C0}, // spaces, dashes, quotes, bullets, currency signs
            {0x2100, 0x2125}, {0x2127, 0x2129}, {0x212C, 0x214F}, // letterlike symbols (™, №) but three singletons
            {0x2190, 0x2328}, {0x2460, 0x27BF}, // arrows, symbols, box drawing, shapes, dingbats
            {0x3000, 0x3029}, {0x3041, 0x3096}, {0x30A0, 0x30FF}, // CJK punctuation, kana
            {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, // Chinese characters
            {0xAC00, 0xD7A3}, // Hangul syllables
            {0xFEFF, 0xFEFF}, {0xFF01, 0xFFEE}, // the byte order mark, full- and half-width forms
    };

    /** {@link #INERT_RANGES} as one bit per character of the Basic Multilingual Plane. */
    private static final long[] INERT = new long[1 << 10];

    static {
        for (char[] range : INERT_RANGES) {
            for (int c = range[0]; c <= range[1]; c++) {
                INERT[c >>> 6] |= 1L << c;
            }
        }
    }

    /** Where the first character from {@code from} on that is not {@link #inert} is, or -1 ({@code chunk}: room to copy {@link #CHUNK} into). */
    private static int firstNotInert(String text, int from, char[] chunk) {
        for (int at = from; at < text.length(); at += CHUNK) {
            int length = Math.min(CHUNK, text.length() - at);
            text.getChars(at, at + length, chunk, 0);
            for (int i = 0; i < length; i++) {
                if (!inert(chunk[i])) {
                    return at + i;
                }
            }
        }
        return -1;
    }

    /** Where the first control character ({@link #isControl}) or character that is not {@link #inert} is, or -1. */
    private static int firstToMend(String text) {
        char[] chunk = new char[Math.min(CHUNK, text.length())];
        for (int at = 0; at < text.length(); at += CHUNK) {
            int length = Math.min(CHUNK, text.length() - at);
            text.getChars(at, at + length, chunk, 0);
            for (int i = 0; i < length; i++) {
                char c = chunk[i];
                if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && (c <= 0x9F || !inert(c))) {
                    return at + i;
                }
            }
        }
        return -1;
    }

    /** Whether NFC leaves {@code c} and what comes before it as they are ({@link #INERT_RANGES}). */
    static boolean inert(char c) {
        return c < 0x300 || (INERT[c >>> 6] & 1L << c) != 0;
    }

    /**
     * The text with each line that opens with combining marks (after its indent) given them back to the end of the line
     * before: no text starts with an accent or a voiced-sound mark, so a dumper that wrapped its lines by length broke a
     * character there ("カ" and "゙" of "ガ"). The line break and the indent stay where they are, so every line keeps its number.
     */
    static String marksJoinedToTheirLetters(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            // The line's opening run of indent and marks: the marks go, the indent stays.
            int end = at + 1;
            boolean marked = false;
            while (end < text.length()) {
                int c = text.codePointAt(end);
                boolean mark = isCombiningMark(c);
                if (!mark && c != ' ' && c != '\t') {
                    break;
                }
                marked |= mark;
                end += Character.charCount(c);
            }
            if (!marked) {
                continue;
            }
            StringBuilder marks = new StringBuilder();
            StringBuilder indent = new StringBuilder();
            text.substring(at + 1, end).codePoints().forEach(c -> (c == ' ' || c == '\t' ? indent : marks).appendCodePoint(c));
            // Onto the last letter of a line with text: a blank one, or one whose marks were given back already, has none.
            int last = at - 1;
            while (last >= copied && (text.charAt(last) == ' ' || text.charAt(last) == '\t')) {
                last--;
            }
            if (last >= copied && text.charAt(last) != '\n') {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, last + 1).append(marks).append(text, last + 1, at + 1).append(indent);
                copied = end;
                at = end - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /**
     * Characters a scan copies out of a string at a time: a loop over an array of them costs a third of one that asks
     * the string for each (the client compiler checks the string's bounds and coding at every call).
     */
    private static final int CHUNK = 2048;

    /** Whether the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControl(String text) {
        return hasControl(text, 0);
    }

    /** Whether the text holds such a control character from {@code from} on. */
    private static boolean hasControl(String text, int from) {
        char[] chunk = new char[Math.min(CHUNK, text.length() - from)];
        for (int at = from; at < text.length(); at += CHUNK) {
            int length = Math.min(CHUNK, text.length() - at);
            text.getChars(at, at + length, chunk, 0);
            for (int i = 0; i < length; i++) {
                char c = chunk[i];
                // isControl written out: the client compiler inlines no method that long.
                if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a code point is a control character other than tab, line feed and carriage return. */
    public static boolean isControl(int c) {
        return c < 0x20 ? c >= 0 && c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
    }

    /** The text without {@link #hasControl}'s control characters, a form feed or vertical tab made a line feed. */
    public static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\f' || c == 0x0B) {
                out.append('\n');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
