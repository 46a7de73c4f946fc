package dev.gazette.output;

import java.util.function.Function;

/** Where rendered files go; paths are relative to the site root with '/' separators. */
public interface OutputSink {
    void write(String path, byte[] content);

    /**
     * Writes the file that {@code make} makes from {@code input}. {@code make} must be a function
     * of {@code input} and the build's configuration and theme alone, so that a sink that records
     * what each file was made from may skip making a file whose input it has seen before.
     */
    default <I> void write(String path, I input, Function<I, byte[]> make) {
        write(path, make.apply(input));
    }
}
