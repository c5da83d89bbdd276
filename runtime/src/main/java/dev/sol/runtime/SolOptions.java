package dev.sol.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How {@link SolModel#compile} builds a model: input shapes, constant inputs, threads, backend, profiling. */
public final class SolOptions {
  /** What runs the model. */
  public enum Backend {
    /** Machine code for this CPU, compiled by LLVM (the default). */
    JIT,
    /** The reference interpreter: slow, for tests and comparisons. */
    INTERPRETER,
    /** The C that SOL emits for NEC's vector engine, compiled by this machine's C compiler: checks that C here. */
    VE_C
  }

  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, SolTensor> constants = new LinkedHashMap<>();
  private int threads = Runtime.getRuntime().availableProcessors();
  private long parallelWork;
  private Backend backend = Backend.JIT;
  private boolean profile;
  private boolean checkBounds;
  private boolean winograd = true;
  private boolean winogradF4;
  private java.nio.file.Path cacheDir;

  /** Fixes the shape of graph input {@code name}, for models whose inputs have symbolic dimensions. */
  public SolOptions shape(String name, long... dims) {
    Objects.requireNonNull(name, "name");
    for (long d : dims) {
      if (d < 0) throw new IllegalArgumentException("shape of '" + name + "': negative dimension in " + Arrays.toString(dims));
    }
    shapes.put(name, dims.clone());
    return this;
  }

  /**
   * Compiles graph input {@code name} in as the constant {@code value}, which it must match in
   * element type and shape; it is then no input of the compiled model. Inputs that the
   * import needs as values (a Reshape's shape, a Slice's bounds) must be given this way. The
   * value is read when compiling.
   */
  public SolOptions constant(String name, SolTensor value) {
    constants.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Threads for one run, at least 1 (default: the processors available to the JVM). The
   * compiled code runs its large loops on a team of this many OpenMP threads (LLVM's libomp where it is installed, else libgomp; each
   * thread that calls {@link SolModel#run} gets its own team, whose idle threads spin briefly,
   * then sleep). One thread makes serial code that calls no OpenMP at all. Results do not
   * depend on the thread count: each thread computes whole outputs, in the same order as one
   * thread would. Separate runs may always go in parallel.
   */
  public SolOptions threads(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    this.threads = threads;
    return this;
  }

  /**
   * The work, in element operations, that a loop needs to run on several threads (default
   * 65536, some 6 us of vectorized loads, stores and arithmetic on one core: a parallel
   * region costs a few microseconds, and waking a sleeping team more); 1 runs every loop
   * that can go parallel on the threads, which tests use to exercise the parallel code on small
   * models. Has no effect with one thread.
   */
  public SolOptions parallelWork(long work) {
    if (work < 1) throw new IllegalArgumentException("parallel work must be at least 1, got " + work);
    this.parallelWork = work;
    return this;
  }

  /**
   * Whether 3 x 3 convolutions of stride 1 with constant weights may go by Winograd's
   * F(2 x 2, 3 x 3) where it pays (default true): 2.25 times fewer multiplications, results that
   * differ from the direct convolution's in the last bits (both within 1e-5 of each other on
   * normalized data). False keeps every convolution direct.
   */
  public SolOptions winograd(boolean winograd) {
    this.winograd = winograd;
    return this;
  }

  /**
   * With {@link #winograd}, lets 3 x 3 convolutions take F(4 x 4, 3 x 3) where it pays more
   * (default false): 1.8x fewer multiplications than F(2 x 2, 3 x 3) again, results within some
   * 1e-5 of each output's scale (near-zero outputs then differ from the direct sum by more than
   * 1e-5 + 1e-4 relative). One thread, against F(2 x 2) only: VGG-19 0.87, U-Net 0.84,
   * SqueezeNet 0.95 of the time.
   */
  public SolOptions winogradF4(boolean winogradF4) {
    this.winogradF4 = winogradF4;
    return this;
  }

  public SolOptions backend(Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
    return this;
  }

  /**
   * Times every kernel (each nn op of the model) in each run, for {@link SolModel#profile()}: the
   * compiled code reads a clock between kernels, some 50 ns each. JIT backend only; off by default,
   * and then the code has no trace of it.
   */
  public SolOptions profile(boolean profile) {
    this.profile = profile;
    return this;
  }

  /**
   * A debug mode for the generated code: every memory access checks its indices against its
   * buffer, and a run that goes outside one throws {@link OutOfBoundsAccessException} naming
   * the access's location, instead of corrupting memory. Slower; off by default.
   */
  public SolOptions checkBounds(boolean checkBounds) {
    this.checkBounds = checkBounds;
    return this;
  }

  /**
   * Keeps compiled code in {@code dir} (null: no cache, the default), keyed by the model's
   * bytes, these options, the host CPU and SOL's own code: compiling the same model again
   * loads the machine code instead (see {@link ModelCache}). {@link ModelCache#defaultDirectory()}
   * is where the command-line tools keep it. Profiling and bounds-checked code are not cached.
   */
  public SolOptions cacheDir(java.nio.file.Path dir) {
    this.cacheDir = dir;
    return this;
  }

  java.nio.file.Path cacheDir() { return cacheDir; }

  private java.util.function.Consumer<String> phases = phase -> {};

  /**
   * Tells {@code listener} the name of each compile phase as it starts ("import", "lower",
   * "translate", "optimize", "codegen", "link"; "cache lookup" and "link" for a cached model),
   * on the compiling thread: what a progress display needs.
   */
  public SolOptions onPhase(java.util.function.Consumer<String> listener) {
    this.phases = Objects.requireNonNull(listener, "listener");
    return this;
  }

  void phase(String name) { phases.accept(name); }

  Map<String, long[]> shapes() { return shapes; }

  boolean checkBounds() { return checkBounds; }

  Map<String, SolTensor> constants() { return constants; }

  int threads() { return threads; }

  /** 0 for the lowering's default. */
  long parallelWork() { return parallelWork; }

  Backend backend() { return backend; }

  boolean winograd() { return winograd; }

  boolean winogradF4() { return winogradF4; }

  boolean profile() { return profile; }
}
