package dev.gazette.cli;

import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Preview;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve",
        description = {"Builds the site, serves it for preview and rebuilds it when a source, template or "
                + "site.yml changes; open pages reload by themselves and show build errors.",
                "The preview is built into a temporary folder (never site/) with the base URL "
                        + "http://127.0.0.1:PORT/<base path of base_url>/, so sub-path mistakes show up locally."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette serve", "  gazette serve --port 8080 --open",
                "  gazette serve --drafts --content ../digest/content"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    BuildCommand.SiteOptions site;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "Anything else makes the preview reachable from other machines; they must then address it "
                    + "by IP or by the name given here (other names get 421, against DNS rebinding).")
    String bind;

    @Option(names = "--open", description = "Open the home page in the default browser.")
    boolean open;

    @Option(names = "--future", description = "Also show articles dated in the future (held back by default, as in 'build').")
    boolean future;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
        if (!address.isLoopbackAddress()) {
            err.println("warning: serving on " + bind + " makes the preview (and your unpublished drafts) "
                    + "reachable from other machines; the default --bind 127.0.0.1 keeps it on this one");
        }
        Pipeline.Options options = site.options(null);
        Preview preview;
        try {
            preview = Preview.start(new Preview.Options(options.content(), options.templates(), options.baseUrl(),
                    options.drafts(), future, new InetSocketAddress(address, port), Preview.DEBOUNCE), out, err);
        } catch (BindException e) {
            err.println("gazette: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); is another server using it? Try --port 0 for any free port.");
            return Main.INPUT_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the preview.");
            preview.close();
            stopped.countDown();
        }, "gazette-serve-stop"));
        if (open) {
            openBrowser(preview.url(), out);
        }
        stopped.await();
        return Main.OK;
    }

    /** Opens {@code url} through the desktop when there is one; the URL is printed either way. */
    private static void openBrowser(URI url, PrintWriter out) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(url);
                return;
            }
        } catch (IOException | RuntimeException e) {
            // Headless machine or no browser registered: fall through to the message.
        }
        out.println("Cannot open a browser here; open " + url + " yourself.");
    }
}
