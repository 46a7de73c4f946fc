package dev.gazette.cli;

import dev.gazette.source.SourceReader;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** The raw sources {@code extract} and {@code import} work on, as a picocli mixin. */
final class RawFiles {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Raw sources: .txt dumps or saved .html pages.")
    List<Path> files;

    /** A reader rooted at the file's own folder, so messages name the file as the user typed it. */
    static SourceReader readerFor(Path file) {
        return new SourceReader(file.getParent() == null ? Path.of("") : file.getParent());
    }
}
