package dev.gazette.cli;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code gazette} command. Exit codes: 0 success, 1 the input has problems (printed as
 * {@code path:line: message}), 2 bad command-line usage, 3 an internal error.
 */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a curated news digest: cleans saved articles, tags and links them, and renders a static site with feeds.",
        footer = {"", "Examples:", "  gazette serve --open", "  gazette build", "  gazette build --content ../shared/seeds --out /tmp/site",
                "  gazette build --base-url https://user.github.io/digest/",
                "  gazette new \"Trams reach the docks\" --tags transport", "  gazette import saved-page.html",
                "  gazette init my-digest", "  gazette extract --json content/raw/page.html", "  gazette tags",
                "  gazette check site", "  source <(gazette generate-completion)    # tab completion in bash and zsh"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INPUT_ERROR = 1;
    public static final int INTERNAL_ERROR = 3;

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, ServeCommand.class, NewCommand.class,
            ImportCommand.class, InitCommand.class, ExtractCommand.class, TagsCommand.class, CheckCommand.class,
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; what tests call instead of {@link #main}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : subcommands(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        // picocli colours help on a terminal; NO_COLOR (no-color.org) turns that off as it does ours.
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands a run needs: only the one it names when that is one of Gazette's own
     * commands, else all (help, completion and usage errors list them). picocli builds a
     * command's model by reflection when it is added, a tenth of a small build's start-up for all ten.
     */
    static List<Class<?>> subcommands(String... args) {
        if (args.length > 0) {
            for (Class<?> command : SUBCOMMANDS) {
                if (command.getName().startsWith("dev.gazette.")
                        && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Warnings go to stderr as {@code path:line: warning: message}, whether the command succeeded or not. */
    static void printWarnings(dev.gazette.pipeline.Diagnostics diagnostics, PrintWriter err) {
        printWarnings(diagnostics, err, Console.detect());
    }

    static void printWarnings(dev.gazette.pipeline.Diagnostics diagnostics, PrintWriter err, Console console) {
        for (Problem warning : diagnostics.warnings()) {
            err.println(console.format(warning));
        }
    }

    static int handle(Exception e, PrintWriter err) {
        if (e instanceof GazetteException g) {
            if (g.problems().isEmpty()) {
                err.println("gazette: " + g.getMessage());
            } else {
                Console console = Console.detect();
                for (Problem p : g.problems()) {
                    err.println(console.format(p));
                }
                long errors = g.problems().stream().filter(Problem::isError).count();
                err.println("gazette: " + Plural.of(errors, "error") + "; nothing was written");
            }
            return INPUT_ERROR;
        }
        err.println("gazette: internal error: " + e);
        if (System.getenv("GAZETTE_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("gazette: set GAZETTE_DEBUG=1 to see where it happened, and please report it");
        }
        return INTERNAL_ERROR;
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gazette " + (v == null ? "development build" : v)};
        }
    }
}
