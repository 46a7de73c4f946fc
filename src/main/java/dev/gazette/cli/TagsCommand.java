package dev.gazette.cli;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfig;
import dev.gazette.link.Linker;
import dev.gazette.link.TagSuggestions;
import dev.gazette.link.TagVocabulary;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "tags",
        description = {"Prints how many articles carry each tag, and suggests named entities that several "
                + "articles are about but no tag covers yet, to grow the vocabulary in site.yml."},
        mixinStandardHelpOptions = true)
final class TagsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BuildCommand.SiteOptions site;

    @Option(names = "--suggestions", paramLabel = "N", defaultValue = "20",
            description = "How many suggestions to print at most (default: ${DEFAULT-VALUE}).")
    int suggestions;

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        Pipeline.Options options = site.options(null);
        SiteConfig config = Pipeline.config(options);
        List<Article> articles;
        Digest digest;
        try {
            articles = new Pipeline(diagnostics).articles(options.content(), config, options.drafts(), new Pipeline.Timer());
            digest = new Linker(config).link(articles, diagnostics);
        } finally {
            Main.printWarnings(diagnostics, spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        TagVocabulary vocabulary = new TagVocabulary(config.vocabulary());
        out.printf("%s on %s%s:%n", Plural.of(digest.tags().size(), "tag"), Plural.of(digest.articles().size(), "article"),
                vocabulary.isEmpty() ? " (no vocabulary in site.yml: tags were found from named entities)" : "");
        int width = digest.tags().stream().mapToInt(g -> g.tag().slug().length()).max().orElse(4);
        digest.tags().stream()
                .sorted((a, b) -> a.articles().size() != b.articles().size()
                        ? b.articles().size() - a.articles().size() : a.tag().slug().compareTo(b.tag().slug()))
                .forEach(g -> out.printf("  %-" + width + "s  %4d  %s%s%n", g.tag().slug(), g.articles().size(),
                        g.tag().name(), vocabulary.isEmpty() || vocabulary.isCanonical(g.tag().slug()) ? "" : "  (not in the vocabulary)"));
        List<TagSuggestions.Suggestion> found = TagSuggestions.suggest(digest.articles(), vocabulary);
        if (vocabulary.isEmpty()) {
            return Main.OK;
        }
        out.println();
        if (found.isEmpty()) {
            out.println("No suggestions: every name that several articles are about has a tag.");
            return Main.OK;
        }
        out.println("Suggested tags (named in several articles, not in the vocabulary):");
        for (TagSuggestions.Suggestion s : found.stream().limit(suggestions).toList()) {
            out.printf("  %-30s  %s  aliases: %s%n", s.name(), Plural.of(s.articles(), "article"), String.join(", ", s.forms()));
        }
        return Main.OK;
    }
}
