package dev.gazette.serve;

import java.util.Locale;
import java.util.Map;

/** The {@code Content-Type} of a site file by its extension; text types carry {@code charset=utf-8}. */
final class ContentTypes {
    static final String HTML = "text/html; charset=utf-8";
    private static final String UTF8 = "; charset=utf-8";

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"), Map.entry("txt", "text/plain"), Map.entry("md", "text/plain"),
            Map.entry("csv", "text/csv"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webmanifest", "application/manifest+json"));

    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("pdf", "application/pdf"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("wasm", "application/wasm"), Map.entry("zip", "application/zip"));

    private ContentTypes() {
    }

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String text = TEXT.get(ext);
        if (text != null) {
            return text + UTF8;
        }
        if (fileName.equals("CNAME")) {
            return "text/plain" + UTF8;
        }
        return BINARY.getOrDefault(ext, "application/octet-stream");
    }

    static boolean isHtml(String contentType) {
        return contentType.startsWith("text/html");
    }
}
