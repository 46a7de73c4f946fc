package dev.gazette.cli;

import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.GazetteException;
import picocli.CommandLine;

import java.net.URI;

/** Reads {@code --base-url}: a wrong URL is bad usage (exit 2), like any other wrong option. */
final class BaseUrlConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        if (value == null || value.isBlank()) {
            return null; // GAZETTE_BASE_URL set but empty: as if not given
        }
        try {
            return SiteConfigLoader.parseBaseUrl(value.strip(), null, null);
        } catch (GazetteException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
