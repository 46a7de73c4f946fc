package dev.gazette.cli;

import dev.gazette.incremental.BuildCache;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The GitHub Pages workflow has the steps that publishing depends on. */
class PagesWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/pages.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static Map<String, Object> step(Map<String, Object> job, String uses) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    private static List<String> runs(Map<String, Object> job) {
        return steps(job).stream().filter(s -> s.containsKey("run")).map(s -> s.get("run").toString().strip()).toList();
    }

    @Test
    void pushesToMainBuildCheckUploadAndDeployWithTheBaseUrlPagesReports() throws Exception {
        Map<String, Object> workflow = map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(WORKFLOW)));
        Map<String, Object> on = map(workflow.get("on"));
        assertThat(map(on.get("push")).get("branches")).isEqualTo(List.of("main"));
        assertThat(on).containsKey("pull_request");
        assertThat(map(workflow.get("concurrency"))).containsKey("group");
        Map<String, Object> jobs = map(workflow.get("jobs"));

        Map<String, Object> build = map(jobs.get("build"));
        Map<String, Object> java = map(step(build, "actions/setup-java").get("with"));
        assertThat(java).containsEntry("distribution", "temurin").containsEntry("java-version", "17")
                .containsEntry("cache", "maven");
        assertThat(step(build, "actions/checkout").get("uses")).isEqualTo("actions/checkout@v5");
        assertThat(step(build, "actions/configure-pages").get("id")).isEqualTo("pages");
        String buildSite = "./gazette build --base-url \"${{ steps.pages.outputs.base_url }}/\"";
        assertThat(runs(build)).containsExactly(
                "touch target/gazette.jar && touch -c target/gazette.a* target/gazette.js*",
                buildSite,
                "./gazette check site");
        // The build cache is kept between runs, restored before the build.
        Map<String, Object> cache = steps(build).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/cache@")
                && BuildCache.FOLDER.equals(map(s.get("with")).get("path"))).findFirst().orElseThrow();
        assertThat(map(cache.get("with"))).containsEntry("path", BuildCache.FOLDER)
                .containsKey("key").containsKey("restore-keys");
        List<Object> steps = steps(build).stream().map(s -> s.containsKey("uses") ? s.get("uses") : s.get("run")).toList();
        assertThat(steps.indexOf(cache.get("uses"))).isLessThan(steps.indexOf(buildSite));
        // Gazette's jar and start-up archive are kept for the very sources they were built from, and dated
        // after the checkout when restored (LauncherArchiveTest runs that step against the launcher).
        Map<String, Object> jar = jarCache(build);
        assertThat(map(jar.get("with"))).containsEntry("path", "target/gazette.*").doesNotContainKey("restore-keys");
        assertThat(map(jar.get("with")).get("key").toString()).contains("hashFiles('pom.xml', 'src/main/**')");
        Map<String, Object> dating = dateRestoredJar(build);
        assertThat(dating.get("if")).isEqualTo("steps." + jar.get("id") + ".outputs.cache-hit == 'true'");
        assertThat(steps.indexOf(dating.get("run"))).isGreaterThan(steps.indexOf(jar.get("uses")))
                .isLessThan(steps.indexOf(buildSite));
        Map<String, Object> upload = map(step(build, "actions/upload-pages-artifact").get("with"));
        assertThat(upload).containsEntry("path", "site").containsEntry("include-hidden-files", true);
        // Steps run in this order: configure, build, check, upload.
        List<Object> order = steps(build).stream().map(s -> s.containsKey("uses") ? s.get("uses") : s.get("run")).toList();
        assertThat(order.indexOf(step(build, "actions/configure-pages").get("uses")))
                .isLessThan(order.indexOf(step(build, "actions/upload-pages-artifact").get("uses")));

        Map<String, Object> deploy = map(jobs.get("deploy"));
        assertThat(deploy.get("needs")).isEqualTo("build");
        assertThat(map(deploy.get("permissions"))).containsEntry("pages", "write").containsEntry("id-token", "write");
        assertThat(map(deploy.get("environment"))).containsEntry("name", "github-pages");
        assertThat(step(deploy, "actions/deploy-pages").get("id")).isEqualTo("deployment");

        Map<String, Object> check = map(jobs.get("check"));
        assertThat(check.get("if")).isEqualTo("github.event_name == 'pull_request'");
        assertThat(runs(check)).containsExactly("./gazette build", "./gazette check site");
    }

    /** The step that restores Gazette's jar (a cache step whose path is the jar's). */
    static Map<String, Object> jarCache(Map<String, Object> job) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/cache@")
                        && String.valueOf(map(s.get("with")).get("path")).contains("target/gazette."))
                .findFirst().orElseThrow(() -> new AssertionError("no step restores Gazette's jar"));
    }

    /** The step that dates a restored jar after the checkout. */
    static Map<String, Object> dateRestoredJar(Map<String, Object> job) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("run")).startsWith("touch "))
                .findFirst().orElseThrow(() -> new AssertionError("no step dates the restored jar"));
    }

    /** The build job of the workflow at {@code file}. */
    static Map<String, Object> buildJob(Path file) throws java.io.IOException {
        return map(map(map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file))).get("jobs")).get("build"));
    }
}
