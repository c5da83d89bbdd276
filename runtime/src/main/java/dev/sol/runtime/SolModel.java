package dev.sol.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A compiled model, like ONNX Runtime's OrtSession: compile once, then {@link #run} as often
 * as needed, from as many threads at once as needed. Graph inputs are never folded into the
 * code implicitly: an input that the import needs as a value (a Reshape's target shape, a
 * Slice's bounds) must be given with {@link SolOptions#constant}, or compiling fails with a
 * {@link MissingConstantException} that names it and the node that needs it.
 *
 * <pre>{@code
 * try (SolModel model = SolModel.compile(Path.of("net.onnx"), new SolOptions().shape("data", 1, 3, 224, 224));
 *      SolTensor x = SolTensor.of(new long[] {1, 3, 224, 224}, pixels);
 *      SolModel.Result r = model.run(Map.of("data", x))) {
 *   float[] prob = r.get("prob").toFloatArray();
 * }
 * }</pre>
 */
public final class SolModel implements AutoCloseable {
  private final Map<String, TensorInfo> inputs;
  private final Map<String, TensorInfo> outputs;
  private final Set<String> constants;
  private final Engine engine;
  private final Duration compileTime;
  private final boolean cached;
  private final Map<String, Double> phases = new LinkedHashMap<>();
  /** Runs hold the read lock, close the write lock: the code and its buffers outlive every run in flight. */
  private final ReentrantReadWriteLock lifetime = new ReentrantReadWriteLock();
  private boolean closed;
  /** The thread writing this model into the cache, or null. */
  private volatile Thread storing;

  private SolModel(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs, Set<String> constants, Engine engine, Duration compileTime,
      boolean cached) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.constants = constants;
    this.engine = engine;
    this.compileTime = compileTime;
    this.cached = cached;
  }

  /**
   * Compiles an ONNX model, or a {@code .mlir} file (the nn dialect, as sol-import writes it; the
   * interpreter backend also runs loop-level IR). Errors name the file.
   */
  public static SolModel compile(Path file, SolOptions options) throws SolException {
    long t0 = System.nanoTime();
    return compile(read(file), file, file.toString(), isMlir(file), options, t0);
  }

  /**
   * The bytes of a model file, mapped rather than read: reading 100 MB into a new array took
   * 0.6-0.9 s of a fresh JVM's time (the heap's first touch), mapping it 0.08 s. Errors say
   * why it cannot be read.
   */
  static ByteBuffer read(Path file) throws SolException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      if (Files.isRegularFile(file) && channel.size() < Integer.MAX_VALUE) {
        return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
      }
      return ByteBuffer.wrap(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new SolException("cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new SolException("cannot read " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new SolException("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()), e);
    }
  }

  /** Whether a model file holds IR (.mlir) rather than an ONNX model. */
  static boolean isMlir(Path file) { return file.getFileName() != null && file.getFileName().toString().endsWith(".mlir"); }

  /** Compiles an ONNX model held in memory. */
  public static SolModel compile(byte[] onnxModel, SolOptions options) throws SolException {
    return compile(ByteBuffer.wrap(onnxModel), null, "(in-memory ONNX model)", false, options, System.nanoTime());
  }

  /** Compiles a model's bytes, read from {@code file} (null: given in memory). */
  private static SolModel compile(ByteBuffer bytes, Path file, String fileName, boolean mlir, SolOptions options, long t0) throws SolException {
    Objects.requireNonNull(options, "options");
    if (options.profile() && options.backend() != SolOptions.Backend.JIT) {
      throw new IllegalArgumentException("SolOptions.profile times compiled code; it needs the JIT backend");
    }
    if (options.backend() == SolOptions.Backend.JIT) dev.sol.codegen.llvm.Targets.preload();
    Set<String> constants = Set.copyOf(options.constants().keySet());
    ModelCache cache = null;
    String key = null;
    if (options.backend() == SolOptions.Backend.JIT && options.cacheDir() != null && !options.profile() && !options.checkBounds()) {
      options.phase("cache lookup");
      cache = new ModelCache(options.cacheDir());
      key = file != null ? ModelCache.key(cache.modelDigest(file, bytes), mlir, options) : ModelCache.key(bytes, mlir, options);
      ModelCache.Loaded hit = cache.load(key);
      if (hit != null) {
        double lookup = (System.nanoTime() - t0) / 1e6;
        SolModel m = new SolModel(hit.inputs(), hit.outputs(), constants, new JitEngine(hit, fileName), Duration.ofNanos(System.nanoTime() - t0),
            true);
        m.phases.put("read and cache lookup", lookup);
        m.phases.putAll(m.engine.compilePhases());
        return m;
      }
    }
    options.phase("import");
    LoadedModel model = LoadedModel.load(bytes.duplicate(), fileName, mlir, options);
    double imported = (System.nanoTime() - t0) / 1e6;
    Engine engine = switch (options.backend()) {
      case JIT -> jitEngine(model, bytes, fileName, mlir, options);
      case INTERPRETER -> new InterpreterEngine(model);
      case VE_C -> new CEngine(model, options);
    };
    SolModel m = new SolModel(model.inputs, model.outputs, constants, engine, Duration.ofNanos(System.nanoTime() - t0), false);
    m.phases.put("read and import", imported);
    m.phases.putAll(engine.compilePhases());
    if (cache != null && engine instanceof JitEngine jit) {
      // Written while the model already runs: VGG-19's 550 MB of weights took 1.2-1.4 s to
      // store, a quarter of its compile. The thread is not a daemon, so a program that ends
      // without closing the model still finishes the entry; close() waits for it, since the
      // entry reads the engine's weights.
      ModelCache c = cache;
      String k = key;
      ModelCache.Entry entry = jit.cacheEntry(model.inputs, model.outputs);
      m.storing = Thread.ofPlatform().name("sol-cache-store").start(() -> {
        try {
          c.store(k, entry);
        } catch (RuntimeException e) {
          // As a cache that cannot be written: the model runs, the next compile compiles again.
        }
      });
    }
    return m;
  }

  /**
   * The JIT's engine for {@code model}: compiled for one image and run image by image when its
   * batch allows it ({@link ImageSlices}; ONNX models, whose import gives the one-image shapes),
   * else compiled as it is.
   */
  private static Engine jitEngine(LoadedModel model, ByteBuffer bytes, String fileName, boolean mlir, SolOptions options) throws SolException {
    long images = mlir || model.checkBounds ? 1 : ImageSlices.images(model, options.threads(), JitEngine.hostTarget().l3Bytes());
    if (images > 1) {
      LoadedModel one = null;
      try {
        one = LoadedModel.load(bytes.duplicate(), fileName, false, options, ImageSlices.oneImageShapes(model));
      } catch (SolException | RuntimeException e) {
        // A model whose import needs its batch (a Reshape to a fixed size) runs layer by layer.
      }
      if (one != null && ImageSlices.matches(one, model)) return new JitEngine(one, options, model, images);
    }
    return new JitEngine(model, options);
  }

  /** The inputs in argument order: name to element type and shape (inputs given as constants are not among them). */
  public Map<String, TensorInfo> inputs() { return inputs; }

  /** The outputs in the graph's order, by the graph's names. */
  public Map<String, TensorInfo> outputs() { return outputs; }

  /**
   * Bytes of scratch memory one run uses for its temporaries: an arena laid out at compile
   * time from their lifetimes, allocated once per run in flight and reused. 0 for the
   * interpreter, or when the model has no temporaries.
   */
  public long arenaBytes() { return engine.arenaBytes(); }

  /**
   * How many calls of the compiled code one run makes: the batch N when the model was compiled
   * for one image and runs image by image, on each image's slice of the inputs and outputs (the
   * JIT does so where every op keeps the images apart and it measured faster: always on one
   * thread, on several for networks of large 1 x 1 products such as ResNet-50); else 1, each
   * layer running over the whole batch. {@link #arenaBytes()} is then one image's.
   */
  public long imageSlices() { return engine.imageSlices(); }

  /** Reading, importing, lowering and compiling to machine code (or loading it from the cache). */
  public Duration compileTime() { return compileTime; }

  /**
   * Milliseconds of each phase of {@link #compileTime()}, in order: reading and importing the
   * model (or looking it up in the cache), lowering (SOL's passes), translate (to LLVM IR),
   * optimize, codegen (machine code), link (the JIT's), storing into the cache.
   */
  public Map<String, Double> compilePhases() { return Collections.unmodifiableMap(phases); }

  /**
   * Milliseconds of each of SOL's passes within the {@code lower} phase of
   * {@link #compilePhases()}, in order (a pass that ran more than once, its runs added; the
   * verification of the result as {@code verify}); empty for a model from the cache.
   */
  public Map<String, Double> lowerPasses() { return Collections.unmodifiableMap(engine.lowerPasses()); }

  /** Whether the machine code came from the cache of {@link SolOptions#cacheDir}. */
  public boolean fromCache() { return cached; }

  /**
   * Runs the model once. Every input must be given, with the element type and shape of
   * {@link #inputs()}; the inputs are only read. The result holds the outputs until it is
   * closed. Safe to call from several threads at once.
   *
   * @throws IllegalArgumentException for a missing, unknown, closed or mismatched input
   * @throws IllegalStateException when the model is closed
   */
  public Result run(Map<String, SolTensor> given) {
    Objects.requireNonNull(given, "inputs");
    List<SolTensor> ordered = arguments(given);
    lifetime.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the SolModel is closed");
      Engine.Run run = engine.run(ordered);
      Map<String, SolTensor> out = new LinkedHashMap<>();
      int k = 0;
      for (String name : outputs.keySet()) out.put(name, run.outputs().get(k++));
      return new Result(out, run.release());
    } finally {
      lifetime.readLock().unlock();
    }
  }

  /**
   * The time of each kernel (nn op) summed over all runs so far, for a model compiled with
   * {@link SolOptions#profile}; {@link Profile#since} leaves out earlier runs, such as a warm-up.
   * Runs that overlap may lose some counts.
   *
   * @throws IllegalStateException when the model was compiled without profiling, or is closed
   */
  public Profile profile() {
    lifetime.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the SolModel is closed");
      Profile p = engine.profile();
      if (p == null) throw new IllegalStateException("the model was compiled without SolOptions.profile(true)");
      return p;
    } finally {
      lifetime.readLock().unlock();
    }
  }

  private List<SolTensor> arguments(Map<String, SolTensor> given) {
    for (String name : given.keySet()) {
      if (inputs.containsKey(name)) continue;
      if (constants.contains(name)) {
        throw new IllegalArgumentException("input '" + name + "' was compiled in as a constant; it is no input of the compiled model");
      }
      throw new IllegalArgumentException("unknown input '" + name + "'; the model's inputs are " + inputs.keySet());
    }
    List<SolTensor> ordered = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> e : inputs.entrySet()) {
      String name = e.getKey();
      TensorInfo want = e.getValue();
      SolTensor t = given.get(name);
      if (t == null) throw new IllegalArgumentException("missing input '" + name + "' (" + want + ")");
      if (t.elementType() != want.elementType()) {
        throw new IllegalArgumentException("input '" + name + "' has element type " + t.elementType() + ", but the model expects "
            + want.elementType() + " (" + want + ")");
      }
      if (!want.sameShape(t.shape())) {
        throw new IllegalArgumentException("input '" + name + "' has shape " + Arrays.toString(t.shape())
            + ", but the model expects " + Arrays.toString(want.shape()) + " (" + want + ")");
      }
      try {
        t.data();
      } catch (IllegalStateException closedTensor) {
        throw new IllegalArgumentException("input '" + name + "': " + closedTensor.getMessage());
      }
      ordered.add(t);
    }
    return ordered;
  }

  /** Frees the compiled code and its buffers, once runs in flight have finished; outputs of open results become unusable. */
  @Override public void close() {
    lifetime.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      awaitStore();
      engine.close();
    } finally {
      lifetime.writeLock().unlock();
    }
  }

  /** Waits until the cache entry being written (if any) is complete. */
  private void awaitStore() {
    if (storing == null) return;
    boolean interrupted = false;
    while (true) {
      try {
        storing.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** The outputs of one run, by name in the graph's order; closing it makes them unusable and lets the model reuse their memory. */
  public static final class Result implements AutoCloseable {
    private final Map<String, SolTensor> outputs;
    private final Runnable release;
    private boolean closed;

    private Result(Map<String, SolTensor> outputs, Runnable release) {
      this.outputs = Collections.unmodifiableMap(outputs);
      this.release = release;
    }

    /** The output {@code name}; IllegalArgumentException when the model has no such output. */
    public synchronized SolTensor get(String name) {
      if (closed) throw new IllegalStateException("the result is closed");
      SolTensor t = outputs.get(name);
      if (t == null) throw new IllegalArgumentException("unknown output '" + name + "'; the model's outputs are " + outputs.keySet());
      return t;
    }

    /** The output names in the graph's order. */
    public List<String> names() { return List.copyOf(outputs.keySet()); }

    @Override public synchronized void close() {
      if (closed) return;
      closed = true;
      for (SolTensor t : outputs.values()) t.close();
      release.run();
    }
  }
}
