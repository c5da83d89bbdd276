package dev.sol.runtime;

import dev.sol.codegen.llvm.CodegenException;
import dev.sol.codegen.llvm.ExternalConstants;
import dev.sol.codegen.llvm.JitModule;
import dev.sol.codegen.llvm.LlvmEmitter;
import dev.sol.codegen.llvm.ModulePartition;
import dev.sol.codegen.llvm.OpenMpRuntime;
import dev.sol.codegen.llvm.Targets;
import dev.sol.dialect.func.ArenaArgument;
import dev.sol.ir.FunctionType;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.ir.RankedTensorType;
import dev.sol.ir.Symbols;
import dev.sol.ir.Type;
import dev.sol.ir.TypeAttr;
import dev.sol.ir.Verifier;
import dev.sol.lowering.CheckBoundsPass;
import dev.sol.lowering.LoweringPasses;
import dev.sol.lowering.TargetDescription;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.OpPassManager;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;

/**
 * The entry function compiled to machine code: lowered with the {@code sol-cpu} pipeline (its
 * matrix products as vector kernels for the host's vector width), translated to LLVM IR,
 * optimized for the host and loaded into an LLJIT; with several threads, its scf.parallel loops
 * call libgomp's entry points, in the OpenMP runtime loaded into the process first ({@link OpenMpRuntime}). The code takes one
 * pointer per input and per output, then the arena of its temporaries (memory-plan), and
 * keeps no state of its own (constants are read-only globals), so runs may overlap; calls go
 * through {@link NativeEntry}'s pools of buffers and arenas. Profiling adds the one exception to
 * the statelessness: the kernels' time counters ({@link KernelCounters}), which overlapping
 * runs share.
 */
final class JitEngine implements Engine {
  private final Arena memory;
  private final List<TensorInfo> inputs;
  private final List<TensorInfo> outputs;
  private final NativeEntry calls;
  private final long arenaBytes;
  private final JitModule jit;
  private final MethodHandle entry;
  /** The kernels' time counters when profiling, else null. */
  private final KernelCounters counters;
  /** Where bounds-checked code reports, or null without bounds checks. */
  private final BoundsReports reports;

  /** The network's large constants, by symbol, in native memory the JIT's code reads ({@link ExternalConstants}). */
  private final Map<String, MemorySegment> constants;
  /** The memory of {@link #constants}. */
  private final WeightMemory weights;

  /** The entry's name, for {@link #cacheEntry}. */
  private final String entryName;
  private final int threads;
  /** Images per run when the entry computes one image and runs once per image ({@link ImageSlices}), else 1. */
  private final long images;
  private final Map<String, Double> phases = new java.util.LinkedHashMap<>();
  /** Milliseconds of each pass of the lowering (empty for a model from the cache). */
  private final Map<String, Double> passes = new java.util.LinkedHashMap<>();

  /** Loads a model compiled earlier from the cache; the caller checked that it needs no profiling or bounds checks. */
  JitEngine(ModelCache.Loaded cached, String fileName) throws SolException {
    inputs = List.copyOf(cached.inputs().values());
    outputs = List.copyOf(cached.outputs().values());
    entryName = cached.entrySymbol();
    threads = cached.threads();
    images = cached.images();
    reports = null;
    counters = null;
    arenaBytes = cached.arenaBytes();
    memory = Arena.ofShared();
    long t0 = System.nanoTime();
    // The constants come mapped from the cache file and move into huge pages while the first
    // runs go (WeightMemory): a run that streams 100 MB of weights through a mapped file's small
    // pages was a quarter slower.
    weights = cached.weights();
    try {
      if (threads > 1) OpenMpRuntime.load();
      MallocTuning.keepFreedMemory();
      jit = new JitModule(cached.objects(), cached.mapping(), weights.segments());
      constants = weights.segments();
      entry = lookUp(fileName);
      phases.put("link", (System.nanoTime() - t0) / 1e6);
    } catch (CodegenException e) {
      cached.mapping().close();
      weights.close();
      memory.close();
      throw new SolException(fileName + ": " + e.getMessage());
    }
    calls = new NativeEntry(memory, inputs, outputs, arenaBytes, entry, images);
  }

  /** This engine's compiled model as the cache keeps it. */
  ModelCache.Entry cacheEntry(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs) {
    return new ModelCache.Entry(jit.objects(), constants, entryName, inputs, outputs, arenaBytes, threads, images);
  }

  private MethodHandle lookUp(String fileName) throws SolException {
    int n = inputs.size() + outputs.size() + (arenaBytes > 0 ? 1 : 0);
    MemoryLayout[] args = new MemoryLayout[n];
    Arrays.fill(args, ValueLayout.ADDRESS);
    try {
      // Looked up once: the handle may be called from any thread, the LLJIT must not serve two lookups at once.
      return jit.function(entryName, FunctionDescriptor.ofVoid(args)).asSpreader(Object[].class, n);
    } catch (CodegenException e) {
      jit.close();
      throw new SolException(fileName + ": " + e.getMessage());
    }
  }

  JitEngine(LoadedModel model, SolOptions options) throws SolException {
    this(model, options, model, 1);
  }

  /**
   * Compiles {@code model}; with {@code images} > 1, {@code model} is {@code batched} for one
   * image, and each run calls it once per image of {@code batched}'s inputs ({@link ImageSlices}).
   */
  JitEngine(LoadedModel model, SolOptions options, LoadedModel batched, long images) throws SolException {
    this.images = images;
    inputs = List.copyOf(batched.inputs.values());
    outputs = List.copyOf(batched.outputs.values());
    FunctionType ft = (FunctionType) ((TypeAttr) model.function.attribute("function_type")).type();
    for (Type t : concat(ft.inputs(), ft.results())) {
      if (!(t instanceof RankedTensorType)) {
        throw new SolException(model.fileName + ": the JIT compiles functions on tensors, and @" + Symbols.nameOf(model.function) + " has " + t
            + " in its signature; run it with the interpreter backend");
      }
    }
    String name = Symbols.nameOf(model.function);
    entryName = name;
    threads = options.threads();
    long t0 = System.nanoTime();
    options.phase("lower");
    lower(model.context, model.module, model.fileName, hostTarget().withThreads(options.threads(), options.parallelWork()).withWinograd(options.winograd(), options.winogradF4()), options.profile(),
        model.checkBounds).forEach((pass, nanos) -> passes.put(pass, nanos / 1e6));
    phases.put("lower", (System.nanoTime() - t0) / 1e6);
    long t1 = System.nanoTime();
    reports = model.checkBounds ? new BoundsReports() : null;
    memory = Arena.ofShared();
    // The weights' copy, started as soon as the first part has declared them all.
    List<java.util.concurrent.CompletableFuture<WeightMemory>> copying = new ArrayList<>();
    try {
      if (options.threads() > 1) OpenMpRuntime.load();
      MallocTuning.keepFreedMemory();
      Map<String, MemorySegment> symbols = new LinkedHashMap<>();
      if (reports != null) symbols.put(CheckBoundsPass.HANDLER, reports.handler());
      // The weights stay out of LLVM: the large constants the module declares are copied into
      // native memory and defined as absolute symbols before the JIT links. The copy runs while
      // LLVM optimizes and compiles (VGG-19's 550 MB took 1.4-1.7 s after it).
      Map<String, byte[]> large = new LinkedHashMap<>();
      ExternalConstants external = large::put;
      // The LLVM module is built in parts, one per core, each optimized and compiled on a thread of its own.
      List<ModulePartition> parts = ModulePartition.plan(model.module, Runtime.getRuntime().availableProcessors());
      ExternalConstants declaredElsewhere = (symbol, data) -> {};
      jit = new JitModule(parts.size(), (llvm, i) -> {
        LLVMModuleRef part = LlvmEmitter.translate(llvm, model.module, name, options.threads(), i == 0 ? external : declaredElsewhere, parts.get(i));
        if (i == 0) copying.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> WeightMemory.ofArrays(large)));
        return part;
      }, () -> {
        symbols.putAll(copying.getFirst().join().segments());
        return symbols;
      }, options::phase);
      weights = copying.getFirst().join();
      constants = weights.segments();
    } catch (CodegenException e) {
      if (reports != null) reports.close();
      if (!copying.isEmpty()) copying.getFirst().join().close();
      memory.close();
      throw new SolException(model.fileName + ": " + e.getMessage());
    }
    arenaBytes = ArenaArgument.bytes(model.function);
    try {
      entry = lookUp(model.fileName);
    } catch (SolException e) {
      if (reports != null) reports.close();
      weights.close();
      memory.close();
      throw e;
    }
    try {
      counters = options.profile() ? KernelCounters.of(jit, model.function) : null;
    } catch (CodegenException e) {
      jit.close();
      if (reports != null) reports.close();
      weights.close();
      memory.close();
      throw new SolException(model.fileName + ": " + e.getMessage());
    }
    // Linking is what the JIT took beyond making the object (the object is linked at the first lookup).
    double llvm = 0;
    for (Map.Entry<String, Long> p : jit.phases().entrySet()) {
      phases.put(p.getKey(), p.getValue() / 1e6);
      llvm += p.getValue() / 1e6;
    }
    phases.put("link", Math.max(0, (System.nanoTime() - t1) / 1e6 - llvm));
    calls = new NativeEntry(memory, inputs, outputs, arenaBytes, entry, images);
  }

  @Override public Map<String, Double> compilePhases() { return phases; }

  @Override public Map<String, Double> lowerPasses() { return passes; }

  private static List<Type> concat(List<Type> a, List<Type> b) {
    List<Type> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Lowers a module in the nn dialect to loops on buffers with the sol-cpu pipeline, its kernels
   * sized for {@code target}; with {@code profile}, each kernel's time is counted; with
   * {@code checkBounds}, every memory access is checked.
   */
  static Map<String, Long> lower(IRContext ctx, Operation module, String fileName, TargetDescription target, boolean profile,
      boolean checkBounds) throws SolException {
    String pipeline = LoweringPasses.cpuPipeline(target);
    if (profile) pipeline = LoweringPasses.withProfiling(pipeline);
    return lower(ctx, module, fileName, pipeline, checkBounds);
  }

  /** Lowers a module in the nn dialect with {@code pipeline}; with {@code checkBounds}, every memory access is checked. */
  /** Lowers a module in the nn dialect with {@code pipeline}; returns the nanoseconds of each pass ({@link PassRunner#passTimes}). */
  static Map<String, Long> lower(IRContext ctx, Operation module, String fileName, String pipeline, boolean checkBounds) throws SolException {
    List<String> errors = new ArrayList<>();
    ctx.diagnostics().pushHandler(d -> errors.add(d.location() + ": " + d.message()));
    OpPassManager pm;
    try {
      pm = PipelineParser.parse(PassRegistry.loadAll(), checkBounds ? LoweringPasses.withBoundsChecks(pipeline) : pipeline);
    } catch (Exception e) {
      throw new IllegalStateException("the pipeline " + pipeline + " does not parse", e);
    }
    Instrumentation defaults = Instrumentation.defaults();
    Instrumentation instrumentation = new Instrumentation(defaults.printBefore(), defaults.printAfter(), false, false, false, false, null, false,
        false, VERIFY_EACH_PASS, defaults.threading());
    PassRunner runner = new PassRunner(ctx, instrumentation, op -> "", new PrintStream(OutputStream.nullOutputStream()));
    if (!runner.run(pm, module)) throw new SolException(fileName + ": lowering failed: " + String.join("; ", errors));
    long t0 = System.nanoTime();
    if (!VERIFY_EACH_PASS && !Verifier.verify(module, ctx)) {
      throw new SolException(fileName + ": lowering failed: the lowered IR does not verify: " + String.join("; ", errors));
    }
    Map<String, Long> times = runner.passTimes();
    if (!VERIFY_EACH_PASS) times.put("verify", System.nanoTime() - t0);
    return times;
  }

  /**
   * Whether compiling verifies the IR after every pass, as sol-opt does, or once after the
   * last: verifying after each of the pipeline's passes took a quarter of ResNet-50's lowering.
   * The test suites turn it on (system property {@code sol.verifyEachPass=true}), so that a
   * pass that breaks the IR is named there.
   */
  static final boolean VERIFY_EACH_PASS = Boolean.getBoolean("sol.verifyEachPass");

  /** The host CPU as the lowering's vector kernels see it. */
  static TargetDescription hostTarget() {
    Targets.VectorUnit unit = Targets.hostVectorUnit();
    return new TargetDescription(unit.lanes(32), unit.registers(), Targets.hostCacheBytes(2), Targets.hostCacheBytes(3));
  }

  @Override public long arenaBytes() { return arenaBytes; }

  @Override public long imageSlices() { return images; }

  @Override public Run run(List<SolTensor> in) {
    return calls.run(in, () -> {
      if (reports != null) reports.check();
    });
  }

  @Override public Profile profile() { return counters == null ? null : counters.read(); }

  @Override public void close() {
    jit.close();
    weights.close();
    memory.close();
    if (reports != null) reports.close();
  }
}
