package dev.gazette.cli;

import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the sample digest passes the Nu HTML Checker — the validator behind
 * validator.w3.org/nu — run in-process with its full HTML schema, with zero errors.
 */
class HtmlValidityTest {
    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheSampleDigestPassesTheNuHtmlChecker() throws Exception {
        Path site = SampleSite.shared();
        Messages messages = new Messages();
        // One validator for every page: setting up the schema is the slow part.
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
        validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, messages);
        validator.setUpValidatorAndParsers(messages, true, false);

        List<Path> pages = SiteChecks.htmlFiles(site);
        for (Path page : pages) {
            messages.file = site.relativize(page).toString();
            validator.checkHtmlFile(page.toFile(), true);
        }

        System.out.printf("HtmlValidityTest: %d pages validated, %d errors, %d warnings%n",
                pages.size(), messages.errors.size(), messages.warnings.size());
        messages.warnings.forEach(w -> System.out.println("  " + w));
        assertThat(pages).hasSizeGreaterThan(30);
        assertThat(messages.errors).as("Nu HTML Checker errors").isEmpty();

        // The same validator does report errors: a page with a duplicate id and an image without alt.
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
                + "<p id=a>one</p><p id=a>two</p><img src=x.png></body></html>");
        messages.file = "bad.html";
        validator.checkHtmlFile(bad.toFile(), true);
        assertThat(messages.errors).hasSize(2).allMatch(e -> e.startsWith("bad.html:1:"));
    }

    /** Collects the checker's messages as {@code file:line:column: message}. */
    private static final class Messages implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        String file = "";

        @Override
        public void warning(SAXParseException e) {
            warnings.add(format(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        private String format(SAXParseException e) {
            return file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }
}
