package dev.gazette.render;

import io.pebbletemplates.pebble.loader.Loader;

import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A template loader that resolves each include's name against the including template once:
 * Pebble asks for every {@code include} of every page (a card's partials, once per card), and
 * its loaders answer with regular expressions run over both names every time. Everything else
 * is the loader's own.
 */
final class ResolvedPaths<T> implements Loader<T> {
    private final Loader<T> loader;
    /** By the including template's name, then the name it includes. */
    private final Map<String, Map<String, Optional<String>>> resolved = new ConcurrentHashMap<>();

    ResolvedPaths(Loader<T> loader) {
        this.loader = loader;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        if (relativePath == null || anchorPath == null) {
            return loader.resolveRelativePath(relativePath, anchorPath);
        }
        return resolved.computeIfAbsent(anchorPath, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(relativePath, r -> Optional.ofNullable(loader.resolveRelativePath(r, anchorPath)))
                .orElse(null);
    }

    @Override
    public Reader getReader(T cacheKey) {
        return loader.getReader(cacheKey);
    }

    @Override
    public void setCharset(String charset) {
        loader.setCharset(charset);
    }

    @Override
    public void setPrefix(String prefix) {
        loader.setPrefix(prefix);
    }

    @Override
    public void setSuffix(String suffix) {
        loader.setSuffix(suffix);
    }

    @Override
    public T createCacheKey(String templateName) {
        return loader.createCacheKey(templateName);
    }

    @Override
    public boolean resourceExists(String templateName) {
        return loader.resourceExists(templateName);
    }
}
