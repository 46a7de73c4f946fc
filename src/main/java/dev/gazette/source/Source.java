package dev.gazette.source;

/**
 * One article source as read from disk: decoded text split into front matter and body.
 *
 * @param displayPath  the path as the user typed it, for messages
 * @param relativePath the path inside the content folder with '/' separators, for identity
 * @param format       how the body is to be read
 * @param frontMatter  the YAML block at the top of the file, empty when there is none
 * @param body         the rest of the file, with '\n' line ends
 * @param bodyLine     the file line the body starts on
 */
public record Source(
        String displayPath,
        String relativePath,
        SourceFormat format,
        YamlMap frontMatter,
        String body,
        int bodyLine) {
}
