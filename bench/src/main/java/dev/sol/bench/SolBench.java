package dev.sol.bench;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sol.codegen.llvm.FmaPeak;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.ElementType;
import dev.sol.runtime.ModelCache;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolModel;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import dev.sol.runtime.TensorInfo;
import dev.sol.tools.SolImport;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sol-bench}: SOL's compiled code against ONNX Runtime, in one process, on the same
 * random inputs. Runs alternate between the two so that both see the same machine noise;
 * the figures are medians. The outputs must agree before any number is printed.
 */
@Command(name = "sol-bench", mixinStandardHelpOptions = true, version = "sol-bench 0.1",
    description = "Compares SOL (JIT) with ONNX Runtime on a model or a matrix product.")
public final class SolBench implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "MODEL.onnx", description = "The model to run.")
  Path model;

  @Option(names = "--shape", paramLabel = "NAME=D0,D1,...", description = "Shape of a graph input whose dimensions are symbolic.")
  List<String> shapes = new ArrayList<>();

  @Option(names = "--no-cache", description = "Compile anew, neither reading nor writing the cache of compiled models.")
  boolean noCache;

  @Option(names = "--no-winograd", description = "SOL keeps every convolution direct: no Winograd F(2x2,3x3) for 3x3 stride-1 convolutions.")
  boolean noWinograd;

  @Option(names = "--winograd-f4", description = "SOL lets 3x3 convolutions take Winograd's F(4x4,3x3) where it pays more (errors some 1e-5 of the output's scale).")
  boolean winogradF4;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of one run for both: SOL's OpenMP team and ONNX Runtime's intra-op threads (default: the processors available).")
  Integer threads;

  @Option(names = "--runs", defaultValue = "0", paramLabel = "N", description = "Timed runs of each (default: as many as fit in about 3 seconds, at least 5).")
  int runs;

  @Option(names = "--gemm", paramLabel = "M,N,K", description = "Benchmark an M x K by K x N matrix product instead of a model; prints GFLOPS.")
  String gemm;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random inputs.")
  long seed;

  @Option(names = "--peak", description = "Measure this core's f32 FMA peak with a compiled register-only FMA loop and print it (--gemm measures it too).")
  boolean peak;

  /**
   * SOL's outputs agree with ONNX Runtime's where |sol - ort| <= ATOL + RTOL·|ort|, ATOL raised to
   * SCALE_TOL times the output's largest magnitude: both sum in f32 in different orders, and in
   * a deep network with random weights (outputs near 1e6) their difference, about 5e-6 of that
   * magnitude, exceeds 1e-3 of the elements that are small differences of large terms.
   */
  private static final double RTOL = 1e-3;
  private static final double ATOL = 1e-4;
  private static final double SCALE_TOL = 1e-4;

  /** Runs of each in a row when they alternate with threads. */
  private static final int BLOCK = 10;

  /** The FMA peak in GFLOP/s when it was measured, else 0. */
  private double peakGflops;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SolBench());
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      System.err.println("sol-bench: internal error: " + ex + " (set SOL_DEBUG=1 for a stack trace)");
      if (System.getenv("SOL_DEBUG") != null) ex.printStackTrace();
      return 1;
    });
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("sol-bench: " + ex.getMessage());
      return 1;
    });
    System.exit(cli.execute(args));
  }

  private static final class BenchException extends Exception {
    BenchException(String message) { super(message, null, false, false); }
  }

  @Override public Integer call() throws Exception {
    OrtNativeLibraries.useCache(ModelCache.defaultDirectory());
    try {
      if (model != null && gemm != null || model == null && gemm == null && !peak) {
        throw new BenchException("give either MODEL.onnx or --gemm M,N,K (or --peak alone)");
      }
      if (threads == null) threads = Runtime.getRuntime().availableProcessors();
      if (threads < 1) throw new BenchException("--threads must be at least 1");
      if (noWinograd && winogradF4) throw new BenchException("--winograd-f4 needs Winograd convolutions, which --no-winograd turns off; give one of them");
      if (peak || gemm != null) {
        FmaPeak.Result r = FmaPeak.measure();
        peakGflops = r.gflops();
        System.out.printf("FMA peak: %.2f GFLOPS (one core, f32, vector<%dxf32>, %d accumulators)%n", r.gflops(), r.lanes(), r.accumulators());
        if (model == null && gemm == null) return 0;
      }
      byte[] onnx;
      long flops = 0;
      if (gemm != null) {
        long[] mnk = parseGemm(gemm);
        onnx = matmulModel(mnk[0], mnk[1], mnk[2]);
        flops = 2 * mnk[0] * mnk[1] * mnk[2];
        System.out.printf("gemm: %d x %d by %d x %d (f32)%n", mnk[0], mnk[2], mnk[2], mnk[1]);
      } else {
        onnx = Files.readAllBytes(model);
        System.out.println("model: " + model);
      }
      return bench(onnx, flops);
    } catch (BenchException | SolException | IllegalArgumentException e) {
      System.err.println("sol-bench: error: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("sol-bench: error: cannot read " + model + ": " + e.getMessage());
      return 1;
    } catch (OrtException e) {
      // ONNX Runtime refusing the model (an IR version newer than it knows, an op it lacks) is
      // about the model, not a fault of SOL's.
      System.err.println("sol-bench: error: ONNX Runtime cannot run " + (model != null ? model : "the product") + ": " + e.getMessage().strip());
      return 1;
    }
  }

  private static long[] parseGemm(String spec) throws BenchException {
    String[] p = spec.split(",");
    if (p.length != 3) throw new BenchException("--gemm expects M,N,K, got '" + spec + "'");
    long[] v = new long[3];
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Long.parseLong(p[i].trim());
      } catch (NumberFormatException e) {
        throw new BenchException("--gemm expects M,N,K, got '" + spec + "'");
      }
      if (v[i] < 1) throw new BenchException("--gemm dimensions must be positive, got '" + spec + "'");
    }
    return v;
  }

  /** The model's inputs with open dimensions; none when it does not parse (compiling then says why). */
  private static List<OnnxImporter.OpenInput> openInputs(byte[] onnx) {
    try {
      return OnnxImporter.openInputs(onnx);
    } catch (dev.sol.frontend.onnx.ImportException e) {
      return List.of();
    }
  }

  private int bench(byte[] onnx, long flops) throws Exception {
    SolOptions options = new SolOptions().threads(threads).winograd(!noWinograd).winogradF4(winogradF4).cacheDir(noCache ? null : ModelCache.defaultDirectory());
    Map<String, long[]> given = SolImport.parseShapes(shapes);
    for (Map.Entry<String, long[]> e : given.entrySet()) options.shape(e.getKey(), e.getValue());
    // Open dimensions that --shape leaves open are benchmarked at 1 (batch 1), and the report says so.
    for (OnnxImporter.OpenInput in : openInputs(onnx)) {
      if (given.containsKey(in.name())) continue;
      long[] dims = in.dims().clone();
      for (int i = 0; i < dims.length; i++) if (dims[i] < 0) dims[i] = 1;
      options.shape(in.name(), dims);
      System.out.printf("input '%s' has open dimension%s %s: benchmarked as %s=%s (choose with --shape)%n", in.name(),
          in.openNames().size() == 1 ? "" : "s", String.join(", ", in.openNames()), in.name(),
          java.util.Arrays.stream(dims).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(",")));
    }
    Random random = new Random(seed);
    SolModel compiled;
    try (dev.sol.tools.ProgressLine progress = dev.sol.tools.ProgressLine.onStderr(model == null ? "the model" : String.valueOf(model.getFileName()))) {
      options.onPhase(progress::phase);
      compiled = model == null ? SolModel.compile(onnx, options) : SolModel.compile(model, options);
    }
    try (SolModel sol = compiled;
         OrtEnvironment env = OrtEnvironment.getEnvironment();
         OrtSession.SessionOptions ortOptions = new OrtSession.SessionOptions()) {
      System.out.printf("SOL compile: %.1f ms (import, lowering, LLVM -O3, JIT)%n", sol.compileTime().toNanos() / 1e6);
      ortOptions.setIntraOpNumThreads(threads);
      ortOptions.setInterOpNumThreads(1);
      // ONNX Runtime's workers spin during its runs, as by default, but stop when a run ends:
      // left spinning (the default) they took the cores of SOL's next run, which then ran
      // 2-3 times as long with two threads (a 3x3 convolution at 14x14: 1.07 -> 3.2 ms).
      ortOptions.addConfigEntry("session.force_spinning_stop", "1");
      ortOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      long t1 = System.nanoTime();
      Map<String, SolTensor> inputs = new LinkedHashMap<>();
      Map<String, OnnxTensor> feeds = new HashMap<>();
      try (OrtSession session = env.createSession(onnx, ortOptions)) {
        System.out.printf("ONNX Runtime %s session: %.1f ms%n", OrtEnvironment.getEnvironment().getVersion(), (System.nanoTime() - t1) / 1e6);
        for (Map.Entry<String, TensorInfo> e : sol.inputs().entrySet()) {
          SolTensor x = randomTensor(e.getValue(), random);
          inputs.put(e.getKey(), x);
          feeds.put(e.getKey(), ortTensor(env, x));
        }
        List<String> names = new ArrayList<>(sol.outputs().keySet());
        List<SolTensor> ortOut = runOrt(session, feeds, sol.outputs());
        try (SolModel.Result solOut = sol.run(inputs)) {
          double largest = 0;
          for (int i = 0; i < names.size(); i++) {
            String mismatch = ConformanceCase.compareToScale(solOut.get(names.get(i)), ortOut.get(i), RTOL, ATOL, SCALE_TOL);
            if (mismatch != null) throw new BenchException("SOL and ONNX Runtime disagree on output #" + i + ": " + mismatch);
            largest = Math.max(largest, ConformanceCase.differenceToScale(solOut.get(names.get(i)), ortOut.get(i)));
          }
          System.out.printf("outputs agree (rtol 1e-3, atol 1e-4 or 1e-4 of the output's largest magnitude) on %d output(s); largest difference %.1e of that magnitude%n",
              names.size(), largest);
        }
        time(sol, inputs, session, feeds, flops);
      } finally {
        for (OnnxTensor t : feeds.values()) t.close();
        for (SolTensor t : inputs.values()) t.close();
      }
    }
    return 0;
  }

  private void time(SolModel sol, Map<String, SolTensor> inputs, OrtSession session, Map<String, OnnxTensor> feeds, long flops)
      throws OrtException {
    for (int i = 0; i < 3; i++) {
      sol.run(inputs).close();
      session.run(feeds).close();
    }
    long probe = System.nanoTime();
    sol.run(inputs).close();
    session.run(feeds).close();
    long pair = Math.max(1, System.nanoTime() - probe);
    int n = runs > 0 ? runs : (int) Math.max(5, Math.min(10_000, 3_000_000_000L / pair));
    long[] solTimes = new long[n];
    long[] ortTimes = new long[n];
    // With threads the two alternate in blocks of runs, so that each side mostly follows
    // itself: each side's idle workers (ONNX Runtime's until a run ends, SOL's OpenMP workers
    // for some 0.2 ms) still spin for a moment after its last run.
    int block = threads > 1 ? BLOCK : 1;
    for (int i = 0; i < n; i += block) {
      int end = Math.min(n, i + block);
      for (int j = i; j < end; j++) {
        long a = System.nanoTime();
        sol.run(inputs).close();
        solTimes[j] = System.nanoTime() - a;
      }
      for (int j = i; j < end; j++) {
        long a = System.nanoTime();
        session.run(feeds).close();
        ortTimes[j] = System.nanoTime() - a;
      }
    }
    double solMs = median(solTimes) / 1e6;
    double ortMs = median(ortTimes) / 1e6;
    String openMp = dev.sol.codegen.llvm.OpenMpRuntime.loaded();
    System.out.printf("runs: %d each, alternating%s; SOL threads: %d%s, ONNX Runtime intra-op threads: %d%n", n,
        block > 1 ? " in blocks of " + block : "", threads, threads > 1 && openMp != null ? " (OpenMP: " + openMp + ")" : "", threads);
    String hint = openMpHint(threads, openMp, System.getenv("SOL_OPENMP"));
    if (hint != null) System.out.println(hint);
    System.out.printf("SOL median latency:          %10.3f ms%s%n", solMs, flops > 0 ? String.format("  (%.2f GFLOPS)", flops / solMs / 1e6) : "");
    System.out.printf("ONNX Runtime median latency: %10.3f ms%s%n", ortMs, flops > 0 ? String.format("  (%.2f GFLOPS)", flops / ortMs / 1e6) : "");
    System.out.printf("ratio SOL/ONNX Runtime: %.2f (%s)%n", solMs / ortMs, solMs <= ortMs ? "SOL is faster" : "ONNX Runtime is faster");
    if (flops > 0 && peakGflops > 0) {
      // The peak of as many cores as threads: one core's, measured, times the threads.
      double peak = peakGflops * threads;
      System.out.printf("fraction of the FMA peak: SOL %.2f, ONNX Runtime %.2f%n", flops / solMs / 1e6 / peak, flops / ortMs / 1e6 / peak);
    }
  }

  /**
   * A note for a run on several threads whose OpenMP runtime is gcc's libgomp because LLVM's
   * libomp is not installed ({@code loaded}: the runtime loaded; {@code chosen}: SOL_OPENMP, which
   * names one on purpose), else null.
   */
  static String openMpHint(int threads, String loaded, String chosen) {
    if (threads < 2 || !dev.sol.codegen.llvm.OpenMpRuntime.LIBGOMP.equals(loaded) || chosen != null && !chosen.isBlank()) return null;
    return "note: SOL's threads ran on gcc's libgomp; LLVM's libomp (Debian: libomp5), which SOL takes where it is installed,"
        + " starts a parallel region in half the time (2-4% of a run on two threads)";
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  /** Seeded random values in native aligned memory, which SOL's code reads in place and ONNX Runtime wraps. */
  private static SolTensor randomTensor(TensorInfo info, Random random) throws BenchException {
    if (info.elementType() != ElementType.FLOAT && info.elementType() != ElementType.INT64 && info.elementType() != ElementType.INT32) {
      throw new BenchException("sol-bench cannot make random " + info.elementType() + " inputs yet (" + info + ")");
    }
    SolTensor x = SolTensor.allocate(info.shape(), info.elementType());
    MemorySegment m = x.segment();
    for (long i = 0; i < x.elementCount(); i++) {
      switch (info.elementType()) {
        case FLOAT -> m.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (random.nextDouble() * 2 - 1));
        case INT64 -> m.setAtIndex(ValueLayout.JAVA_LONG, i, random.nextInt(10));
        default -> m.setAtIndex(ValueLayout.JAVA_INT, i, random.nextInt(10));
      }
    }
    return x;
  }

  private static OnnxTensor ortTensor(OrtEnvironment env, SolTensor t) throws OrtException {
    ByteBuffer b = t.segment().asByteBuffer().order(ByteOrder.nativeOrder());
    return switch (t.elementType()) {
      case FLOAT -> OnnxTensor.createTensor(env, b.asFloatBuffer(), t.shape());
      case INT64 -> OnnxTensor.createTensor(env, b.asLongBuffer(), t.shape());
      default -> OnnxTensor.createTensor(env, b.asIntBuffer(), t.shape());
    };
  }

  private static List<SolTensor> runOrt(OrtSession session, Map<String, OnnxTensor> feeds, Map<String, TensorInfo> like)
      throws OrtException, BenchException {
    List<TensorInfo> types = new ArrayList<>(like.values());
    List<SolTensor> out = new ArrayList<>();
    try (OrtSession.Result r = session.run(feeds)) {
      for (int i = 0; i < r.size(); i++) {
        OnnxValue v = r.get(i);
        if (!(v instanceof OnnxTensor t)) throw new BenchException("ONNX Runtime output #" + i + " is not a tensor");
        long[] shape = t.getInfo().getShape();
        switch (types.get(i).elementType()) {
          case FLOAT -> {
            java.nio.FloatBuffer b = t.getFloatBuffer();
            float[] a = new float[b.remaining()];
            b.get(a);
            out.add(SolTensor.of(shape, a));
          }
          case INT64 -> {
            java.nio.LongBuffer b = t.getLongBuffer();
            long[] a = new long[b.remaining()];
            b.get(a);
            out.add(SolTensor.of(shape, a));
          }
          default -> throw new BenchException("sol-bench cannot compare " + types.get(i).elementType() + " outputs yet");
        }
      }
    }
    return out;
  }

  /** A one-node ONNX model: C = A x B with A of M x K and B of K x N. */
  private static byte[] matmulModel(long m, long n, long k) {
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("gemm")
        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("MatMul").setName("matmul").addInput("A").addInput("B").addOutput("C"))
        .addInput(valueInfo("A", m, k)).addInput(valueInfo("B", k, n)).addOutput(valueInfo("C", m, n)).build();
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("sol-bench")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build().toByteArray();
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, long rows, long cols) {
    OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(rows))
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(cols)).build();
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
  }
}
