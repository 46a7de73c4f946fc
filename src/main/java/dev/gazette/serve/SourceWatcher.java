package dev.gazette.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.slf4j.helpers.NOPLogger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Watches the content and theme folders with {@code directory-watcher}, which uses FSEvents on
 * macOS (the JDK's own watch service only polls there, every few seconds) and the JDK's
 * inotify-based service on Linux. Reports every changed path except editors' temporary and
 * backup files and hidden files; identical rewrites are dropped by the library's content hashing.
 */
final class SourceWatcher implements AutoCloseable {
    private final DirectoryWatcher watcher;
    private final ExecutorService thread;

    private SourceWatcher(DirectoryWatcher watcher, ExecutorService thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    /**
     * Starts watching; every folder is registered when this returns, so no change made after it
     * is missed. Folders that do not exist are skipped.
     *
     * @param changed called with each relevant path, on the watcher's thread; an overflow (too
     *                many events to tell apart) is reported as the watched folder itself
     */
    static SourceWatcher start(List<Path> folders, Consumer<Path> changed) throws IOException {
        List<Path> existing = folders.stream().filter(Files::isDirectory).map(Path::toAbsolutePath).toList();
        DirectoryWatcher watcher = DirectoryWatcher.builder()
                .paths(existing)
                .logger(NOPLogger.NOP_LOGGER)
                .listener(event -> {
                    if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                        changed.accept(event.rootPath());
                    } else if (event.path() != null && relevant(event.rootPath().relativize(event.path()))) {
                        changed.accept(event.path());
                    }
                })
                .build();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gazette-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.watchAsync(thread);
        return new SourceWatcher(watcher, thread);
    }

    /**
     * False for editor droppings ({@code x~}, {@code .#x}, {@code #x#}, {@code x.swp}, Vim's
     * {@code 4913}, JetBrains' {@code x___jb_tmp___}) and for anything in or under a hidden file
     * or folder, the same sources the build skips.
     *
     * @param path relative to the watched folder
     */
    static boolean relevant(Path path) {
        for (Path segment : path) {
            if (segment.toString().startsWith(".")) {
                return false;
            }
        }
        Path name = path.getFileName();
        if (name == null) {
            return true;
        }
        String n = name.toString();
        return !(n.endsWith("~") || n.equals("4913") || n.startsWith("#") && n.endsWith("#")
                || n.endsWith(".swp") || n.endsWith(".swx") || n.endsWith(".swo")
                || n.endsWith("___jb_tmp___") || n.endsWith("___jb_old___"));
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // Closing a watch service only fails when it is already gone.
        }
        thread.shutdownNow();
    }
}
