package dev.gazette.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Adds the live-reload script to HTML responses at serve time, just before the last
 * {@code </body>} (or at the end when there is none). The files on disk, like everything
 * {@code gazette build} writes, never contain it.
 */
final class ScriptInjector {
    static final String SCRIPT = "live.js";
    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private final byte[] script;
    private final String scriptUrl;
    private final String eventsUrl;

    /** @param internal the URL path of the server's own endpoints, e.g. {@code /repo/__gazette/} */
    ScriptInjector(String internal) {
        this.script = readScript();
        this.scriptUrl = internal + SCRIPT;
        this.eventsUrl = internal + "events";
    }

    byte[] script() {
        return script.clone();
    }

    /** The page with the script tag added; {@code build} is the id of the build it comes from. */
    byte[] inject(byte[] html, String build) {
        String tag = "<script src=\"" + attribute(scriptUrl) + "\" data-events=\"" + attribute(eventsUrl)
                + "\" data-build=\"" + attribute(build) + "\"></script>\n";
        byte[] insert = tag.getBytes(StandardCharsets.UTF_8);
        int at = lastBodyEnd(html);
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length + insert.length);
        out.write(html, 0, at);
        out.write(insert, 0, insert.length);
        out.write(html, at, html.length - at);
        return out.toByteArray();
    }

    private static int lastBodyEnd(byte[] html) {
        outer:
        for (int i = html.length - BODY_END.length; i >= 0; i--) {
            for (int j = 0; j < BODY_END.length; j++) {
                if (Character.toLowerCase(html[i + j] & 0xff) != BODY_END[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return html.length;
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] readScript() {
        try (InputStream in = ScriptInjector.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("live-reload script missing from the jar: " + SCRIPT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
