package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The serve command's options and failures; the running preview is tested in dev.gazette.serve. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheServeOptionsAndSharedSiteOptions() {
        Cli cli = Cli.run("serve", "--help");
        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("--port", "--bind", "--open", "--drafts", "--content", "--templates",
                "--base-url", "127.0.0.1");
        assertThat(Cli.run("--help").out()).contains("serve");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Cli cli = Cli.run("serve", "--port", "70000", "--content", tmp.toString());
        assertThat(cli.code()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).contains("--port must be between 0 and 65535");
    }

    @Test
    void bindingBeyondLoopbackWarnsAndABusyPortIsReportedPlainly() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            Cli cli = Cli.run("serve", "--bind", "0.0.0.0", "--port", Integer.toString(busy.getLocalPort()),
                    "--content", tmp.toString());
            assertThat(cli.code()).as(cli.toString()).isEqualTo(1);
            assertThat(cli.err()).contains("warning: serving on 0.0.0.0 makes the preview")
                    .contains("cannot listen on 0.0.0.0:" + busy.getLocalPort())
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void theBuildCommandsOutputNeverCarriesTheLiveReloadScript() throws Exception {
        Path out = tmp.resolve("site");
        assertThat(Cli.run("build", "--content", "content", "--out", out.toString()).code()).isZero();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("__gazette", "EventSource");
            }
        }
    }
}
