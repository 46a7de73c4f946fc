package dev.gazette.clean;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
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
