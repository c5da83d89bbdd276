package dev.sol.runtime;

import dev.sol.codegen.llvm.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Compiled models on disk, so that compiling the same model again loads its machine code
 * instead of importing, lowering and optimizing it anew. An entry is three files named by its
 * key: {@code KEY.o}, the JIT's object code for the host (the objects of the module's parts,
 * one after another), {@code KEY.weights}, the large
 * constants that code reads (kept out of LLVM, see {@code ExternalConstants}; one after another,
 * 64-byte aligned, defined as the object's symbols when it is linked), and
 * {@code KEY.properties}, what the runtime needs beside them (entry symbol, inputs, outputs,
 * arena size, threads, where each constant is) and both files' CRC-32C (a check against
 * damage, some ten times faster than a SHA-256 of a ResNet-50's 100 MB of weights). The key is the SHA-256 of the model's bytes, every option that changes
 * the code (shapes, constants' bytes, threads, parallel work), the host's CPU and features,
 * and SOL's own compiled classes, so a rebuilt SOL never loads code an older one made. An
 * entry that does not read back whole and intact (a damaged or foreign file) is a miss: it is
 * compiled again and rewritten. Entries are written to a temporary file and moved into place,
 * so concurrent compiles of one model never see half an entry.
 */
public final class ModelCache {
  /** The format of the entries; another one is a miss. */
  private static final String FORMAT = "sol-model-cache-5";
  private static volatile String solIdentity;

  private final Path dir;

  ModelCache(Path dir) { this.dir = dir; }

  /**
   * Where the command-line tools keep compiled models: the system property
   * {@code sol.cache.dir}, else {@code $SOL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/sol}, else
   * {@code ~/.cache/sol}.
   */
  public static Path defaultDirectory() {
    String property = System.getProperty("sol.cache.dir");
    if (property != null && !property.isEmpty()) return Path.of(property);
    String env = System.getenv("SOL_CACHE_DIR");
    if (env != null && !env.isEmpty()) return Path.of(env);
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "sol");
    return Path.of(System.getProperty("user.home"), ".cache", "sol");
  }

  /** A compiled model as the cache keeps it. */
  record Entry(List<byte[]> objects, Map<String, MemorySegment> constants, String entrySymbol, Map<String, TensorInfo> inputs,
      Map<String, TensorInfo> outputs, long arenaBytes, int threads, long images) {}

  /**
   * An entry read back: its objects mapped from the file (not copied; {@code mapping} holds
   * them until the JIT is done with them) and the rest as stored.
   */
  record Loaded(List<MemorySegment> objects, Arena mapping, WeightMemory weights, String entrySymbol, Map<String, TensorInfo> inputs,
      Map<String, TensorInfo> outputs, long arenaBytes, int threads, long images) {}

  /** The key of a model compiled with these options for this host. */
  static String key(java.nio.ByteBuffer model, boolean mlir, SolOptions options) { return key(contentDigest(model), mlir, options); }

  /**
   * The {@link #contentDigest} of a model file, remembered in the cache by the file's identity (path,
   * device and inode, size, modification and status-change times to the nanosecond), as build
   * tools remember digests: hashing a 100 MB model took 150-300 ms of every cached compile, a
   * lookup of the remembered digest well under a millisecond. Any change to the file changes
   * its times, and then it is hashed again; where the file system gives no such identity, it
   * always is.
   */
  byte[] modelDigest(Path file, java.nio.ByteBuffer bytes) {
    String identity = identity(file, bytes.remaining());
    if (identity == null) return contentDigest(bytes);
    Path memo = dir.resolve("digest-" + HexFormat.of().formatHex(sha256(java.nio.ByteBuffer.wrap(identity.getBytes(StandardCharsets.UTF_8))))
        + ".properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(memo, StandardCharsets.UTF_8)) {
      p.load(r);
      if (identity.equals(p.getProperty("file"))) return HexFormat.of().parseHex(p.getProperty("digest"));
    } catch (IOException | RuntimeException e) {
      // No memo, or a damaged one: hash the bytes.
    }
    byte[] digest = contentDigest(bytes);
    try {
      Files.createDirectories(dir);
      p = new Properties();
      p.setProperty("file", identity);
      p.setProperty("digest", HexFormat.of().formatHex(digest));
      Path tmp = Files.createTempFile(dir, "digest", ".properties.tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "the content digest of a model file, while the file is unchanged");
      }
      move(tmp, memo);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Not remembered: the next compile hashes again.
    }
    return digest;
  }

  /** A file's path, device, inode, size and times, or null when the file system does not tell them (or the size is not what was read). */
  private static String identity(Path file, long size) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
      if (((Number) a.get("size")).longValue() != size) return null;
      java.nio.file.attribute.FileTime m = (java.nio.file.attribute.FileTime) a.get("lastModifiedTime");
      java.nio.file.attribute.FileTime c = (java.nio.file.attribute.FileTime) a.get("ctime");
      return file.toAbsolutePath().normalize() + " dev=" + a.get("dev") + " ino=" + a.get("ino") + " size=" + size + " mtime="
          + m.to(java.util.concurrent.TimeUnit.NANOSECONDS) + " ctime=" + c.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }

  /** Bytes of a model in each block that {@link #contentDigest} checksums. */
  private static final int DIGEST_BLOCK = 1 << 20;

  /**
   * The digest of a model's bytes in its key: the SHA-256 of their number and, for each MiB, its
   * CRC-32C and CRC-32 (two different polynomials, 64 bits a block). A SHA-256 of all the bytes
   * took 0.84 s of a ResNet-50's compile where C2 had not compiled the JDK's SHA-256 (the
   * compiling tools run C1 alone, see bin/sol-java; only C2 uses the SHA instructions), and
   * 0.23 s where it had; the checksums are intrinsics in both: 11 ms. A changed model, even one
   * byte, misses unless the changed blocks keep both checksums, a chance of 2^-64 a block for
   * any change that is not crafted to collide; the cache is a user's own directory of their
   * own models, where a crafted collision gains nothing the crafted model itself would not.
   */
  static byte[] contentDigest(java.nio.ByteBuffer bytes) {
    MessageDigest d = sha256();
    java.nio.ByteBuffer all = bytes.duplicate();
    java.nio.ByteBuffer sums = java.nio.ByteBuffer.allocate(8);
    d.update(sums.putLong(0, all.remaining()).array());
    CRC32C castagnoli = new CRC32C();
    java.util.zip.CRC32 ieee = new java.util.zip.CRC32();
    for (int at = all.position(); at < all.limit(); at += DIGEST_BLOCK) {
      java.nio.ByteBuffer block = all.slice(at, Math.min(DIGEST_BLOCK, all.limit() - at));
      castagnoli.reset();
      castagnoli.update(block.duplicate());
      ieee.reset();
      ieee.update(block);
      d.update(sums.putInt(0, (int) castagnoli.getValue()).putInt(4, (int) ieee.getValue()).array());
    }
    return d.digest();
  }

  private static byte[] sha256(java.nio.ByteBuffer bytes) {
    MessageDigest d = sha256();
    d.update(bytes.duplicate());
    return d.digest();
  }

  /** The key of a model whose bytes have the SHA-256 {@code modelDigest}, compiled with these options for this host. */
  static String key(byte[] modelDigest, boolean mlir, SolOptions options) {
    MessageDigest d = sha256();
    update(d, FORMAT);
    update(d, solIdentity());
    update(d, Targets.hostTriple());
    update(d, Targets.hostCpu());
    update(d, Targets.hostFeatures());
    update(d, mlir ? "mlir" : "onnx");
    d.update(modelDigest);
    update(d, "threads=" + options.threads() + " parallel-work=" + options.parallelWork() + " winograd=" + options.winograd() + " f4=" + options.winogradF4());
    for (Map.Entry<String, long[]> s : options.shapes().entrySet()) update(d, "shape " + s.getKey() + "=" + Arrays.toString(s.getValue()));
    for (Map.Entry<String, SolTensor> c : options.constants().entrySet()) {
      update(d, "constant " + c.getKey() + " " + c.getValue().info());
      d.update(c.getValue().segment().toArray(ValueLayout.JAVA_BYTE));
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** The entry of {@code key}, or null when there is none or it is damaged. */
  Loaded load(String key) {
    Path meta = dir.resolve(key + ".properties");
    Path code = dir.resolve(key + ".o");
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(code)) return null;
    try {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      if (!FORMAT.equals(p.getProperty("format")) || !key.equals(p.getProperty("key"))) return null;
      Arena mapping = Arena.ofShared();
      try {
        MemorySegment object = map(code, mapping);
        Map<String, long[]> slots = new LinkedHashMap<>();
        int count = Integer.parseInt(required(p, "constants"));
        for (int i = 0; i < count; i++) {
          String[] c = required(p, "constant." + i).split(" ");
          slots.put(c[0], new long[] {Long.parseLong(c[1]), Long.parseLong(c[2])});
        }
        List<MemorySegment> objects = new ArrayList<>();
        int parts = Integer.parseInt(required(p, "objects"));
        for (int i = 0; i < parts; i++) {
          String[] o = required(p, "object." + i).split(" ");
          objects.add(object.asSlice(Long.parseLong(o[0]), Long.parseLong(o[1])));
        }
        if (!crc(object).equals(p.getProperty("object.crc32c"))) {
          mapping.close();
          return null;
        }
        // The weights are mapped where the code will read them and checked there; once they
        // pass, a thread of their own moves them into huge pages (WeightMemory).
        WeightMemory weights = WeightMemory.map(dir.resolve(key + ".weights"), slots);
        if (!crc(weights.block()).equals(p.getProperty("weights.crc32c"))) {
          weights.close();
          mapping.close();
          return null;
        }
        weights.moveToHugePages();
        return new Loaded(objects, mapping, weights, required(p, "entry"), tensors(p, "input"), tensors(p, "output"),
            Long.parseLong(required(p, "arena")), Integer.parseInt(required(p, "threads")), Long.parseLong(required(p, "images")));
      } catch (IOException | RuntimeException e) {
        mapping.close();
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A file mapped read-only into {@code mapping}. */
  private static MemorySegment map(Path file, Arena mapping) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), mapping);
    }
  }

  private static String crc(MemorySegment bytes) {
    CRC32C crc = new CRC32C();
    for (long at = 0; at < bytes.byteSize(); at += 1 << 30) crc.update(bytes.asSlice(at, Math.min(1 << 30, bytes.byteSize() - at)).asByteBuffer());
    return Long.toHexString(crc.getValue());
  }

  /** Writes all of {@code bytes}. */
  private static void write(FileChannel channel, java.nio.ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) channel.write(bytes);
  }

  /** Stores an entry; a cache that cannot be written is left alone (the model still runs). */
  void store(String key, Entry e) {
    try {
      Files.createDirectories(dir);
      Properties p = new Properties();
      p.setProperty("format", FORMAT);
      p.setProperty("key", key);
      p.setProperty("entry", e.entrySymbol());
      p.setProperty("arena", Long.toString(e.arenaBytes()));
      p.setProperty("threads", Integer.toString(e.threads()));
      p.setProperty("images", Long.toString(e.images()));
      java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < e.objects().size(); i++) {
        p.setProperty("object." + i, code.size() + " " + e.objects().get(i).length);
        code.write(e.objects().get(i));
      }
      p.setProperty("objects", Integer.toString(e.objects().size()));
      byte[] objects = code.toByteArray();
      p.setProperty("object.crc32c", crc(MemorySegment.ofArray(objects)));
      put(p, "input", e.inputs());
      put(p, "output", e.outputs());
      // The constants the object's code reads (ExternalConstants), one after another, 64-byte aligned.
      long size = 0;
      int i = 0;
      for (Map.Entry<String, MemorySegment> c : e.constants().entrySet()) {
        size = (size + 63) / 64 * 64;
        p.setProperty("constant." + i++, c.getKey() + " " + size + " " + c.getValue().byteSize());
        size += c.getValue().byteSize();
      }
      p.setProperty("constants", Integer.toString(e.constants().size()));
      // Written with write(2) rather than through a mapping of the file: faulting in 100 MB of
      // new file pages one by one took 0.3 s of a ResNet-50's compile.
      Path blob = Files.createTempFile(dir, key, ".weights.tmp");
      try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocate(64);
        long at = 0;
        for (MemorySegment c : e.constants().values()) {
          long aligned = (at + 63) / 64 * 64;
          write(channel, zeros.duplicate().limit((int) (aligned - at)));
          for (long from = 0; from < c.byteSize(); from += 1 << 30) {
            write(channel, c.asSlice(from, Math.min(1 << 30, c.byteSize() - from)).asByteBuffer());
          }
          at = aligned + c.byteSize();
        }
      }
      // The checksum is taken from the file as written, through a mapping of it: it then covers
      // what reached the file, and the next process's load, which maps the file, found its pages
      // already mapped once (the first mapping of freshly written pages read them 5x slower:
      // VGG-19's checksum at load 140 ms instead of 28, half of its 0.3 s).
      try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ); Arena mapped = Arena.ofConfined()) {
        MemorySegment written = channel.size() == 0 ? MemorySegment.ofArray(new byte[0])
            : channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), mapped);
        p.setProperty("weights.crc32c", crc(written));
      }
      move(blob, dir.resolve(key + ".weights"));
      Path codeFile = Files.createTempFile(dir, key, ".o.tmp");
      Files.write(codeFile, objects);
      move(codeFile, dir.resolve(key + ".o"));
      Path meta = Files.createTempFile(dir, key, ".properties.tmp");
      try (Writer w = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
        p.store(w, "a model compiled by SOL");
      }
      move(meta, dir.resolve(key + ".properties"));
    } catch (IOException | UnsupportedOperationException ignored) {
      // No cache, as if caching were off.
    }
  }

  /** The cache in {@code dir}, which need not exist yet (for listing and clearing it). */
  public static ModelCache in(Path dir) { return new ModelCache(dir); }

  /** An entry as {@link #list} shows it: its key, the bytes of its files, when it was written, and the model's inputs. */
  public record Listed(String key, long bytes, java.time.Instant written, Map<String, TensorInfo> inputs) {}

  /** The entries, oldest first; an entry whose metadata does not read back is listed without inputs. */
  public List<Listed> list() throws IOException {
    List<Listed> entries = new ArrayList<>();
    for (String key : keys()) {
      long bytes = 0;
      for (String suffix : FILES) {
        Path f = dir.resolve(key + suffix);
        if (Files.isRegularFile(f)) bytes += Files.size(f);
      }
      Path meta = dir.resolve(key + ".properties");
      Map<String, TensorInfo> inputs = Map.of();
      try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.load(r);
        inputs = tensors(p, "input");
      } catch (IOException | RuntimeException e) {
        // A damaged entry is still listed: clear removes it.
      }
      entries.add(new Listed(key, bytes, Files.getLastModifiedTime(meta).toInstant(), inputs));
    }
    entries.sort(java.util.Comparator.comparing(Listed::written));
    return entries;
  }

  /** Deletes every entry, and temporary files that an interrupted store left; returns how many entries there were. */
  public int clear() throws IOException {
    if (!Files.isDirectory(dir)) return 0;
    int entries = keys().size();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        boolean ours = n.length() > 64 && n.substring(0, 64).chars().allMatch(c -> Character.digit(c, 16) >= 0)
            && (FILES.contains(n.substring(64)) || n.endsWith(".tmp"));
        ours |= n.startsWith("digest") && (n.endsWith(".properties") || n.endsWith(".tmp"));
        if (ours) Files.deleteIfExists(f);
      }
    }
    return entries;
  }

  /** The files of an entry, by suffix after its key. */
  private static final List<String> FILES = List.of(".o", ".weights", ".properties");

  /** The keys of the entries in the cache directory. */
  List<String> keys() throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && n.length() == 64 + 11)
          .map(n -> n.substring(0, 64)).filter(k -> k.chars().allMatch(c -> Character.digit(c, 16) >= 0)).sorted().toList();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void put(Properties p, String kind, Map<String, TensorInfo> tensors) {
    p.setProperty(kind + ".count", Integer.toString(tensors.size()));
    int i = 0;
    for (Map.Entry<String, TensorInfo> t : tensors.entrySet()) {
      p.setProperty(kind + "." + i + ".name", t.getKey());
      p.setProperty(kind + "." + i + ".type", t.getValue().elementType().name());
      p.setProperty(kind + "." + i + ".shape", Arrays.toString(t.getValue().shape()));
      i++;
    }
  }

  private static Map<String, TensorInfo> tensors(Properties p, String kind) {
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    int n = Integer.parseInt(required(p, kind + ".count"));
    for (int i = 0; i < n; i++) {
      String shape = required(p, kind + "." + i + ".shape");
      String inner = shape.substring(1, shape.length() - 1).strip();
      long[] dims = inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray();
      tensors.put(required(p, kind + "." + i + ".name"), new TensorInfo(ElementType.valueOf(required(p, kind + "." + i + ".type")), dims));
    }
    return tensors;
  }

  private static String required(Properties p, String name) {
    String v = p.getProperty(name);
    if (v == null) throw new IllegalArgumentException("missing " + name);
    return v;
  }

  /**
   * SOL's own code: the SHA-256 of the jars or class directories of SOL's modules on the class
   * path, computed once per process. A rebuilt SOL gets other keys.
   */
  private static String solIdentity() {
    String id = solIdentity;
    if (id != null) return id;
    MessageDigest d = sha256();
    List<Path> roots = new ArrayList<>();
    for (Class<?> c : List.of(ModelCache.class, Targets.class, dev.sol.lowering.LoweringPasses.class, dev.sol.ir.Operation.class,
        dev.sol.dialect.nn.ConvOp.class, dev.sol.pass.Pass.class, dev.sol.frontend.onnx.OnnxImporter.class)) {
      try {
        roots.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        update(d, c.getName());
      }
    }
    for (Path root : roots) {
      try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          update(d, root.relativize(f).toString());
          try (InputStream in = Files.newInputStream(f)) {
            d.update(in.readAllBytes());
          }
        }
      } catch (IOException e) {
        update(d, root.toString());
      }
    }
    id = HexFormat.of().formatHex(d.digest());
    solIdentity = id;
    return id;
  }

  private static void update(MessageDigest d, String s) {
    d.update(s.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
