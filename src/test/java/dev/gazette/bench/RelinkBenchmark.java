package dev.gazette.bench;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.incremental.BuildMemory;
import dev.gazette.incremental.Fingerprint;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.source.YamlMap;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the link stage as the preview runs it after one edit: the generated digest of
 * {@link LinkBenchmark} linked once through the preview's memory, then again after each of
 * {@code edits} one-article edits (a sentence added to a body), as the process's CPU time per
 * link. Run with {@code bench/link.sh --relink [articles] [edits]}; never a test.
 */
public final class RelinkBenchmark {
    private RelinkBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SiteConfig site = SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        List<Article> articles = new ArrayList<>(LinkBenchmark.generate(size, 42));
        BuildMemory memory = new BuildMemory();
        Fingerprint environment = new Fingerprint(1, 1);
        link(site, memory, environment, articles);
        List<Long> cpu = new ArrayList<>();
        for (int n = 0; n < edits; n++) {
            int at = (n * 7919) % size;
            Article a = articles.get(at);
            String sentence = " Edit number " + n + " adds a sentence.";
            articles = new ArrayList<>(articles);
            articles.set(at, new Article(a.sourceFile(), a.slug(), a.title(), a.summary(), a.html() + "<p>" + sentence + "</p>",
                    a.text() + "\n\n" + sentence, a.author(), a.publication(), a.sourceUrl(), a.date(), a.lang(), a.image(),
                    a.tags(), a.story(), a.linkTags(), a.draft(), a.wordCount() + 5, a.guid(), a.sourcePath(), a.origin()));
            long start = cpuNanos();
            link(site, memory, environment, articles);
            cpu.add((cpuNanos() - start) / 1_000_000);
        }
        List<Long> last = new ArrayList<>(cpu.subList(cpu.size() / 2, cpu.size()));
        last.sort(null);
        // On a shared machine the least is the steadiest figure: other processes only ever add to it.
        System.out.printf(Locale.ROOT, "%,d articles, %d edits: CPU per link after one edit, last %d: median %d ms, least %d ms (all: %s)%n",
                size, edits, last.size(), last.get(last.size() / 2), last.get(0), cpu);
    }

    private static void link(SiteConfig site, BuildMemory memory, Fingerprint environment, List<Article> articles) {
        memory.start(environment);
        new Linker(site, memory.steps()).link(articles, p -> { });
        memory.finish();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
