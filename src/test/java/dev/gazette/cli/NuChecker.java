package dev.gazette.cli;

import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu HTML Checker (the validator behind validator.w3.org/nu) run in-process with its full
 * HTML schema, collecting its messages as {@code file:line:column: message}. One checker for
 * many pages: setting up the schema is the slow part. Also run by bench/cleaning/validity.sh
 * over a built site ({@link #main}).
 */
final class NuChecker implements ErrorHandler {
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final SimpleDocumentValidator validator;
    private String file = "";

    NuChecker() throws Exception {
        validator = new SimpleDocumentValidator(true, false, true);
        validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, this);
        validator.setUpValidatorAndParsers(this, true, false);
    }

    /** Checks each page, named in the messages by its path under {@code site}, and prints a count. */
    void check(Path site, List<Path> pages) throws Exception {
        for (Path page : pages) {
            file = site.relativize(page).toString();
            validator.checkHtmlFile(page.toFile(), true);
        }
        System.out.printf("Nu HTML Checker: %d pages of %s, %d errors, %d warnings%n",
                pages.size(), site.getFileName(), errors.size(), warnings.size());
    }

    /** Checks one page given as text, named {@code name} in the messages. */
    void check(String name, String html) throws Exception {
        file = name;
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
    }

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

    /** Checks every HTML page of the built site {@code args[0]}: prints each error and warning, exits 1 on an error. */
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        NuChecker checker = new NuChecker();
        checker.check(site, SiteChecks.htmlFiles(site));
        checker.errors.forEach(e -> System.out.println("error: " + e));
        checker.warnings.forEach(w -> System.out.println("warning: " + w));
        System.exit(checker.errors.isEmpty() ? 0 : 1);
    }
}
