package dev.gazette.output;

/** Where rendered files go; paths are relative to the site root with '/' separators. */
public interface OutputSink {
    void write(String path, byte[] content);
}
