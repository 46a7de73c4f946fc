package dev.gazette.output;

import java.util.Set;
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

    /**
     * Tells the sink, before any page is written, that pages will read {@code data}: a sink that
     * compares it with an earlier build's does so now, while every core is free, rather than when
     * the first page asks with the others waiting.
     */
    default void reading(SiteData data) {
    }

    /**
     * The site data the last finished build's pages read, when this sink remembers it (the
     * preview's memory), else null: this build's data may reuse its values for the parts of the
     * digest that are the very objects of the last build, so that comparing the two costs what changed.
     */
    default SiteData lastData() {
        return null;
    }

    /**
     * Writes the page of the site data's key {@code page} (its own part: an article, a page of a
     * list...), which {@code make} makes from what {@code input} makes of the values it reads
     * from {@code data}, {@code page}'s first. {@code input} may read nothing of the build's
     * content but through its reader (the configuration and theme are the build's own), so that a
     * sink that records the keys each page read may skip a page none of whose keys' values changed.
     */
    default <I> void write(String path, SiteData data, String page, Function<SiteData.Reader, I> input,
                           Function<I, byte[]> make) {
        write(path, input.apply(data.reader(key -> { })), make);
    }

    /**
     * The pages this build must make among those written with {@link #write(String, SiteData, String,
     * Function, Function)}, by their keys, when this sink knows them (it recorded what each page of
     * the last build read, and that build's files are the ones it updates): the pages one of whose
     * keys' values changed, and every key whose value changed (a new page's key is one). A page
     * whose key is not among them is as it was, and need not be visited. Null: every page.
     * The set may hold keys that name no page.
     */
    default Set<String> pagesToMake(SiteData data) {
        return null;
    }
}
