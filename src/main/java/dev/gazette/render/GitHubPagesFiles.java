package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.output.OutputSink;

import java.nio.charset.StandardCharsets;

/**
 * The files GitHub Pages reads at the site root: an empty {@code .nojekyll}, so a site pushed to
 * a {@code gh-pages} branch is served as it is, and {@code CNAME} with the custom domain when
 * {@code site.yml} sets {@code cname}.
 */
public final class GitHubPagesFiles {
    public static final String NOJEKYLL = ".nojekyll";
    public static final String CNAME = "CNAME";

    private GitHubPagesFiles() {
    }

    public static void write(SiteConfig site, OutputSink out) {
        out.write(NOJEKYLL, new byte[0]);
        if (site.cname() != null && !site.cname().isBlank()) {
            out.write(CNAME, (site.cname().strip() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
