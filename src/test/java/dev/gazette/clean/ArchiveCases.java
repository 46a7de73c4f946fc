package dev.gazette.clean;

import dev.gazette.serve.Chromium;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves every case's saved page again as a real browser's single file: Chromium opens {@code source.html} and writes the
 * page as "Save as…, Webpage, Single File" does (DevTools' {@code Page.captureSnapshot}, MHTML), to
 * {@code OUT/<folder>/cases/<case>/source.mhtml}. Its scripts do not run: offline, with none of what they fetch, some
 * pages' scripts empty the page or leave it for an error page, which no curator saving it online would see. For
 * bench/cleaning/archives.sh.
 *
 * <pre>java ... dev.gazette.clean.ArchiveCases OUT CASES_DIR...</pre>
 */
public final class ArchiveCases {
    private ArchiveCases() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path binary = Chromium.find().orElseThrow(() -> new IllegalStateException("no Chromium (apt-get install chromium)"));
        Path profile = Files.createTempDirectory("archive-cases");
        int saved = 0;
        int failed = 0;
        Chromium browser = Chromium.start(binary, profile);
        try {
            for (String dir : List.of(args).subList(1, args.length)) {
                Path cases = Path.of(dir).resolve("cases");
                List<Path> pages;
                try (Stream<Path> listed = Files.list(cases)) {
                    pages = listed.map(c -> c.resolve("source.html")).filter(Files::isRegularFile).sorted().toList();
                }
                for (Path page : pages) {
                    Path target = out.resolve(Path.of(dir).getFileName()).resolve("cases").resolve(page.getParent().getFileName())
                            .resolve("source.mhtml");
                    try {
                        browser.call("Emulation.setScriptExecutionDisabled", Map.of("value", true));
                        browser.navigate(page.toAbsolutePath().toUri().toString());
                        browser.await("document.readyState", v -> "complete".equals(v.asText()), Duration.ofSeconds(10));
                        String archive = browser.call("Page.captureSnapshot", Map.of("format", "mhtml")).path("data").asText();
                        Files.createDirectories(target.getParent());
                        // The archive is ASCII (quoted-printable, base64), but for header text a page may put in it.
                        Files.writeString(target, archive, StandardCharsets.ISO_8859_1);
                        saved++;
                    } catch (Exception e) {
                        System.err.println(page + ": " + e.getMessage());
                        failed++;
                        browser.close();
                        browser = Chromium.start(binary, Files.createTempDirectory("archive-cases"));
                    }
                }
            }
        } finally {
            browser.close();
        }
        System.err.printf("%d pages saved as MHTML, %d failed%n", saved, failed);
    }
}
