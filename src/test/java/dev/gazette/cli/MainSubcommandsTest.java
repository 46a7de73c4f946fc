package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run registers only the subcommand it names; help, completion and usage errors still see them all. */
class MainSubcommandsTest {

    private static Map<String, Class<?>> all() {
        CommandLine full = new CommandLine(new Main());
        Main.SUBCOMMANDS.forEach(full::addSubcommand);
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        full.getSubcommands().forEach((name, sub) -> byName.put(name, sub.getCommand().getClass()));
        return byName;
    }

    @Test
    void eachOwnCommandNamedFirstIsTheOnlyOneRegistered() {
        Map<String, Class<?>> all = all();
        assertThat(all).hasSize(Main.SUBCOMMANDS.size());
        all.forEach((name, type) -> {
            if (type.getName().startsWith("dev.gazette.")) {
                assertThat(Main.subcommands(name, "--help")).as(name).containsExactly(type);
            } else {
                assertThat(Main.subcommands(name)).as(name).isEqualTo(Main.SUBCOMMANDS);
            }
        });
        assertThat(Main.subcommands()).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.subcommands("--help")).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.subcommands("biuld")).isEqualTo(Main.SUBCOMMANDS);
    }

    @Test
    void helpListsEverySubcommandAndAMisspeltOneIsAUsageError() {
        Cli help = Cli.run("--help");
        assertThat(help.code()).isZero();
        all().keySet().forEach(name -> assertThat(help.out()).contains("  " + name + " "));

        Cli misspelt = Cli.run("biuld");
        assertThat(misspelt.code()).as(misspelt.toString()).isEqualTo(2);
        assertThat(misspelt.err()).contains("biuld").contains("build");

        Cli buildHelp = Cli.run("build", "--help");
        assertThat(buildHelp.code()).isZero();
        assertThat(buildHelp.out()).startsWith("Usage: gazette build");
    }
}
