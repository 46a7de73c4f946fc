package dev.gazette.clean;

import dev.gazette.SharedFolder;
import dev.gazette.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code gazette extract --json} over the cleaning-dev set and asserts floors a little below
 * the scores measured when they were set (see README, "Measuring the cleaner"), so that a change
 * that makes the cleaner worse fails the build. Skips where ../shared/cleaning-dev is absent (fails under GAZETTE_REQUIRE_SHARED=1).
 */
class CleaningFloorTest {
    private static final Path DEV = Path.of("..", "shared", "cleaning-dev");
    private static Map<String, List<CleaningScore.CaseScore>> groups;

    @BeforeAll
    static void score() {
        SharedFolder.require("cleaning-dev/cases");
        List<String> args = new ArrayList<>(List.of("extract", "--json"));
        CleaningScore.sources(DEV).forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        List<String> lines = out.toString().lines().toList();
        groups = CleaningScore.groups(CleaningScore.scoreAll(DEV, CleaningScore.predictions(lines)));
    }

    private static CleaningScore.Summary summary(String group) {
        return CleaningScore.summarise(groups.get(group));
    }

    @Test
    void htmlBodyStaysAboveItsFloors() {
        assertThat(summary("html all").f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(summary("html sh").f1()).as("human-labelled cases").isGreaterThanOrEqualTo(0.975);
    }

    @Test
    void textBodyStaysAboveItsFloors() {
        assertThat(summary("txt all").f1()).isGreaterThanOrEqualTo(0.91);
        assertThat(summary("txt sh").f1()).isGreaterThanOrEqualTo(0.91);
    }

    @Test
    void eachSeedIsCleanedAlmostExactly() {
        for (CleaningScore.CaseScore seed : groups.get("txt seed")) {
            assertThat(seed.f1()).as(seed.name()).isGreaterThanOrEqualTo(0.98);
        }
    }

    @Test
    void metadataStaysAboveItsFloors() {
        assertThat(summary("html all").title()).isGreaterThanOrEqualTo(0.89);
        assertThat(summary("html sh").byline()).isGreaterThanOrEqualTo(0.9);
        assertThat(summary("txt all").title()).isGreaterThanOrEqualTo(0.88);
        assertThat(summary("txt sh").title()).isGreaterThanOrEqualTo(0.95);
        assertThat(summary("txt all").byline()).isGreaterThanOrEqualTo(0.72);
        assertThat(summary("txt sh").byline()).isGreaterThanOrEqualTo(0.9);
    }
}
