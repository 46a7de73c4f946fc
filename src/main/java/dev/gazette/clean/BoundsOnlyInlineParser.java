package dev.gazette.clean;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser (0.64.8), with its two regular-expression steps taking a match's bounds
 * from the matcher. flexmark's own take them from {@link Matcher#toMatchResult}, which on Java 17
 * copies the whole input - the paragraph, character by character through flexmark's sequence -
 * at every link's destination, title and spaces and every inline tag: a sixth of a parse of the
 * bench corpus. The sequences returned are the same.
 *
 * <p>And its scan over plain text reads the body's array ({@link MarkdownRenderer} parses from
 * one), not a call to the sequence and one to the set of special characters per character.
 *
 * <p>And a run of emphasis delimiters is told opening or closing by the classes of the characters
 * beside it tested directly ({@link #punctuation}, {@link #whitespace}), where flexmark matches a
 * regular expression against each of the two as a string, four matchers per run: 2 % of a build's
 * allocation on the bench corpus. The flanking rules are CommonMark's, as flexmark applies them.
 */
final class BoundsOnlyInlineParser extends InlineParserImpl {
    BoundsOnlyInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> extensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher matcher = find(re);
        return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher matcher = find(re);
        if (matcher == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        groups[0] = input.subSequence(matcher.start(), matcher.end());
        for (int i = 1; i < groups.length; i++) {
            // A group that took no part has no start, where flexmark's test reads its text.
            groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
        }
        return groups;
    }

    /**
     * flexmark's {@code parseString}: the text up to the next special character as one text run.
     * The set is read as it stands at the call (extensions add to it while parsing a table's cells).
     */
    @Override
    protected boolean parseString() {
        if (!(input instanceof CharSubSequence slice)) {
            return super.parseString();
        }
        char[] chars = slice.getBase();
        int offset = slice.getStartOffset();
        long[] special = specialCharacters.toLongArray();
        int begin = index;
        int end = begin;
        for (int length = input.length(); end < length; end++) {
            char c = chars[offset + end];
            // The sequence reads a NUL as U+FFFD.
            int bit = c == '\0' ? '\uFFFD' : c;
            int word = bit >>> 6;
            if (word < special.length && (special[word] & 1L << bit) != 0) {
                break;
            }
        }
        index = end;
        if (begin == end) {
            return false;
        }
        appendText(input, begin, end);
        return true;
    }

    /** flexmark's {@code parseDelimiters} with the characters around the run classified without regular expressions. */
    @Override
    protected boolean parseDelimiters(DelimiterProcessor processor, char delimiter) {
        if (options.inlineDelimiterDirectionalPunctuations) {
            return super.parseDelimiters(processor, delimiter);
        }
        int start = index;
        int count = 0;
        while (peek() == delimiter) {
            count++;
            index++;
        }
        if (count < processor.getMinLength()) {
            index = start;
            return false;
        }
        // A run at the start or the end of the text has a line end beside it, as in flexmark.
        char before = start == 0 ? '\n' : input.charAt(start - 1);
        char after = peek() == '\0' ? '\n' : peek();
        boolean beforeIsPunctuation = punctuation(before);
        boolean afterIsPunctuation = punctuation(after);
        boolean beforeIsWhitespace = whitespace(before);
        boolean afterIsWhitespace = whitespace(after);
        boolean leftFlanking = !afterIsWhitespace && (!afterIsPunctuation || beforeIsWhitespace || beforeIsPunctuation);
        boolean rightFlanking = !beforeIsWhitespace && (!beforeIsPunctuation || afterIsWhitespace || afterIsPunctuation);
        String beforeText = String.valueOf(before);
        String afterText = String.valueOf(after);
        boolean canOpen = delimiter == processor.getOpeningCharacter() && processor.canBeOpener(beforeText, afterText,
                leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        boolean canClose = delimiter == processor.getClosingCharacter() && processor.canBeCloser(beforeText, afterText,
                leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        if (!canOpen && !canClose && processor.skipNonOpenerCloser()) {
            index = start;
            return false;
        }
        index = start + count;
        Text text = appendSeparateText(input.subSequence(start, index));
        lastDelimiter = new Delimiter(input, text, delimiter, canOpen, canClose, lastDelimiter, start);
        lastDelimiter.setNumDelims(count);
        if (lastDelimiter.getPrevious() != null) {
            lastDelimiter.getPrevious().setNext(lastDelimiter);
        }
        return true;
    }

    /** ASCII punctuation as flexmark lists it (with '$', '+', '<', '=', '>', '^', '`', '|', '~', which are symbols by their type). */
    private static final String ASCII_PUNCTUATION = "'!\"#$%&*+,-./:;=?@\\^_`|~()<>[]{}";

    /** What flexmark's {@code Parsing.PUNCTUATION} matches in a string of {@code c} alone. */
    static boolean punctuation(char c) {
        if (c < 128 && ASCII_PUNCTUATION.indexOf(c) >= 0) {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.START_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    /** What flexmark's {@code Parsing.UNICODE_WHITESPACE_CHAR} matches in a string of {@code c} alone. */
    static boolean whitespace(char c) {
        return c == '\t' || c == '\r' || c == '\n' || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** The matcher at the next match of {@code re} from the index on, which then moves past it; null when none. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher matcher = re.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.find()) {
            return null;
        }
        index = matcher.end();
        return matcher;
    }
}
