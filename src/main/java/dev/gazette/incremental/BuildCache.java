package dev.gazette.incremental;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build cache of {@code gazette build}: a {@link BuildMemory} saved in a folder beside the
 * content ({@value #FOLDER}). The file starts with a format version and the environment it was
 * made in and ends with a digest of everything before it; a cache of another format, or one that
 * is truncated or corrupt, is ignored and replaced, never trusted, and one of another environment
 * (another Gazette, configuration or theme) is forgotten when the build starts.
 */
public final class BuildCache {
    public static final String FOLDER = ".gazette-cache";
    /** Raised whenever the layout of the file changes. */
    static final int FORMAT = 2;
    private static final String MAGIC = "gazette build cache";
    private static final String FILE = "build.bin";

    private BuildCache() {
    }

    /** Why a cache was not used, for the console; null when it was. */
    public record Loaded(BuildMemory memory, String ignored) {
    }

    /**
     * The memory saved in {@code folder}, or an empty one saying why. A memory of another
     * environment is forgotten by {@link BuildMemory#start} when the build begins.
     */
    public static Loaded load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Loaded(new BuildMemory(null), "no build cache yet");
        }
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length < 16) {
                throw new IOException("truncated");
            }
            MessageDigest md = Fingerprints.md5();
            md.update(all, 0, all.length - 16);
            if (!Arrays.equals(md.digest(), Arrays.copyOfRange(all, all.length - 16, all.length))) {
                throw new IOException("its checksum does not match");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 16));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                return new Loaded(new BuildMemory(null), "the build cache is of another format");
            }
            return new Loaded(read(in, new Fingerprint(in.readLong(), in.readLong())), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(new BuildMemory(null), "the build cache is unreadable (" + e.getMessage() + ")");
        }
    }

    private static BuildMemory read(DataInputStream in, Fingerprint environment) throws IOException {
        BuildMemory memory = new BuildMemory(environment);
        Values.Reader values = new Values.Reader(in);
        memory.loadedFilesAt((String) values.read());
        for (int n = in.readInt(); n > 0; n--) {
            memory.stamps.put(in.readUTF(), new BuildMemory.Stamp(in.readLong(), in.readLong(), in.readLong(),
                    fingerprint(in), fingerprint(in)));
        }
        for (int n = in.readInt(); n > 0; n--) {
            String path = in.readUTF();
            Fingerprint input = in.readBoolean() ? fingerprint(in) : null;
            memory.files.put(path, new BuildMemory.FileRecord(input, fingerprint(in), in.readLong()));
        }
        for (int n = in.readInt(); n > 0; n--) {
            Fingerprint key = fingerprint(in);
            String step = in.readUTF();
            memory.outputs.put(key, new BuildMemory.Output(step, values.read()));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return memory;
    }

    /** Saves {@code memory} into {@code folder}, atomically (a reader sees the old cache or the new one). */
    public static void save(BuildMemory memory, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, FILE, ".tmp");
        try {
            MessageDigest md = Fingerprints.md5();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(file, md));
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                write(out, memory.environment());
                Values.Writer values = new Values.Writer(out, null, true);
                values.write(memory.filesAt());
                out.writeInt(memory.stamps.size());
                for (Map.Entry<String, BuildMemory.Stamp> e : memory.stamps.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue().size());
                    out.writeLong(e.getValue().modified());
                    out.writeLong(e.getValue().read());
                    write(out, e.getValue().context());
                    write(out, e.getValue().key());
                }
                out.writeInt(memory.files.size());
                for (Map.Entry<String, BuildMemory.FileRecord> e : memory.files.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeBoolean(e.getValue().input() != null);
                    if (e.getValue().input() != null) {
                        write(out, e.getValue().input());
                    }
                    write(out, e.getValue().bytes());
                    out.writeLong(e.getValue().size());
                }
                List<Map.Entry<Fingerprint, BuildMemory.Output>> saved = memory.outputs.entrySet().stream()
                        .filter(e -> !BuildMemory.NOT_SAVED.contains(e.getValue().step())).toList();
                out.writeInt(saved.size());
                for (Map.Entry<Fingerprint, BuildMemory.Output> e : saved) {
                    write(out, e.getKey());
                    out.writeUTF(e.getValue().step());
                    values.write(e.getValue().value());
                }
                out.flush();
                file.write(md.digest());
            }
            try {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Fingerprint fingerprint(DataInputStream in) throws IOException {
        return new Fingerprint(in.readLong(), in.readLong());
    }

    private static void write(DataOutputStream out, Fingerprint f) throws IOException {
        out.writeLong(f.high());
        out.writeLong(f.low());
    }

    /**
     * The fingerprint of Gazette's own code (the jar, or the class folder when run from a build
     * tree, embedded theme included), so that a cache made by any other build of Gazette is
     * never used.
     */
    public static Fingerprint code() {
        return CODE.get();
    }

    private static final java.util.function.Supplier<Fingerprint> CODE = new java.util.function.Supplier<>() {
        private Fingerprint code;

        @Override
        public synchronized Fingerprint get() {
            if (code == null) {
                code = readCode();
            }
            return code;
        }
    };

    private static Fingerprint readCode() {
        try {
            Path where = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                // A jar is replaced as a whole whenever Gazette is built: its path, size and time name it.
                return new Fingerprints().of(List.of(where.toString(), Files.size(where),
                        Files.getLastModifiedTime(where).toMillis()));
            }
            MessageDigest md = Fingerprints.md5();
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(where.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return Fingerprint.of(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Code that cannot be read cannot be recognised: a fingerprint no cache will match.
            return new Fingerprint(System.nanoTime(), e.hashCode());
        }
    }
}
