package dev.gazette.render;

import dev.gazette.source.FolderLinks;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.FileLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Pebble's file loader, reading a template only when its real location is inside the theme
 * folder: a cloned theme may carry {@code base.peb -> ~/.ssh/id_rsa}, or name
 * {@code {% include "../../etc/passwd" %}}. The same rule as for sources ({@link FolderLinks}).
 */
final class ThemeFileLoader extends FileLoader {
    static final String FOLDER_NAME = "the templates folder";
    static final String LINK_LOOP = "a link that cannot be followed (a loop, or its target is missing): never read";

    private final Path root;

    ThemeFileLoader(Path root) {
        this.root = root.toAbsolutePath();
        setPrefix(this.root.toString());
    }

    @Override
    public Reader getReader(String templateName) {
        Path file = root.resolve(templateName + (getSuffix() == null ? "" : getSuffix()));
        Path real;
        try {
            Optional<String> refused = FolderLinks.refusal(file, root, FOLDER_NAME);
            if (refused.isPresent()) {
                throw new LoaderException(null, "\"" + templateName + "\" " + refused.get());
            }
            // Read the location just checked, not the name again: the link cannot be swapped in between.
            real = file.toRealPath();
            return new BufferedReader(Files.newBufferedReader(real, Charset.forName(getCharset())));
        } catch (NoSuchFileException e) {
            throw new LoaderException(null, "no template \"" + templateName + "\" in " + root);
        } catch (IOException e) {
            throw new LoaderException(e, "\"" + templateName + "\" is " + LINK_LOOP);
        }
    }

    @Override
    public boolean resourceExists(String templateName) {
        Path file = root.resolve(templateName + (getSuffix() == null ? "" : getSuffix()));
        try {
            return Files.isRegularFile(file) && FolderLinks.refusal(file, root, FOLDER_NAME).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
