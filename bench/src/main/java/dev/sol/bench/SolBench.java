package dev.sol.bench;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sol.dialect.Dialects;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.ir.*;
import dev.sol.runtime.ConformanceCase;
import dev.sol.tools.CompiledModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "ONNX Runtime's intra-op threads (default 1; SOL's code is single-threaded so far).")
  int threads;

  @Option(names = "--runs", defaultValue = "0", paramLabel = "N", description = "Timed runs of each (default: as many as fit in about 3 seconds, at least 5).")
  int runs;

  @Option(names = "--gemm", paramLabel = "M,N,K", description = "Benchmark an M x K by K x N matrix product instead of a model; prints GFLOPS.")
  String gemm;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the random inputs.")
  long seed;

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
    try {
      if ((model == null) == (gemm == null)) throw new BenchException("give either MODEL.onnx or --gemm M,N,K");
      if (threads < 1) throw new BenchException("--threads must be at least 1");
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
    } catch (BenchException | ImportException | CompiledModel.CompileException e) {
      System.err.println("sol-bench: error: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("sol-bench: error: cannot read " + model + ": " + e.getMessage());
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

  private int bench(byte[] onnx, long flops) throws Exception {
    IRContext ctx = Dialects.newContextWithNn();
    List<String> names = OnnxImporter.inputNames(onnx);
    Operation module = OnnxImporter.importModel(ctx, onnx, model == null ? "gemm.onnx" : model.toString(),
        dev.sol.tools.SolImport.parseShapes(shapes));
    Operation main = null;
    for (Operation op : module.region(0).entryBlock()) if (op.name().equals("func.func")) main = op;
    FunctionType ft = (FunctionType) ((TypeAttr) main.attribute("function_type")).type();
    List<String> argNames = new ArrayList<>();
    for (int i = 0; i < ft.inputs().size(); i++) {
      argNames.add(main.attribute("arg_attrs") instanceof ArrayAttr a && ((DictionaryAttr) a.get(i)).get("onnx.name") instanceof StringAttr s
          ? s.value() : names.get(i));
    }
    Random random = new Random(seed);
    List<Tensor> inputs = new ArrayList<>();
    for (Type t : ft.inputs()) {
      if (!(t instanceof RankedTensorType r) || !r.hasStaticShape()) throw new BenchException("input type " + t + " is not static; give --shape");
      inputs.add(randomTensor(r, random));
    }

    long t0 = System.nanoTime();
    try (CompiledModel sol = new CompiledModel(ctx, module, main);
         OrtEnvironment env = OrtEnvironment.getEnvironment();
         OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      System.out.printf("SOL compile: %.1f ms (lowering, LLVM -O3, JIT)%n", (System.nanoTime() - t0) / 1e6);
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      long t1 = System.nanoTime();
      try (OrtSession session = env.createSession(onnx, options)) {
        System.out.printf("ONNX Runtime %s session: %.1f ms%n", OrtEnvironment.getEnvironment().getVersion(), (System.nanoTime() - t1) / 1e6);
        Map<String, OnnxTensor> feeds = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) feeds.put(argNames.get(i), ortTensor(env, inputs.get(i)));
        try {
          sol.setInputs(inputs);
          sol.invoke();
          List<Tensor> solOut = sol.outputs();
          List<Tensor> ortOut = runOrt(session, feeds, solOut);
          for (int i = 0; i < solOut.size(); i++) {
            String mismatch = ConformanceCase.compare(solOut.get(i), ortOut.get(i), 1e-3, 1e-4);
            if (mismatch != null) throw new BenchException("SOL and ONNX Runtime disagree on output #" + i + ": " + mismatch);
          }
          System.out.println("outputs agree (rtol 1e-3, atol 1e-4) on " + solOut.size() + " output(s)");
          time(sol, session, feeds, flops);
        } finally {
          for (OnnxTensor t : feeds.values()) t.close();
        }
      }
    }
    return 0;
  }

  private void time(CompiledModel sol, OrtSession session, Map<String, OnnxTensor> feeds, long flops) throws OrtException {
    for (int i = 0; i < 3; i++) {
      sol.invoke();
      session.run(feeds).close();
    }
    long probe = System.nanoTime();
    sol.invoke();
    session.run(feeds).close();
    long pair = Math.max(1, System.nanoTime() - probe);
    int n = runs > 0 ? runs : (int) Math.max(5, Math.min(10_000, 3_000_000_000L / pair));
    long[] solTimes = new long[n];
    long[] ortTimes = new long[n];
    for (int i = 0; i < n; i++) {
      long a = System.nanoTime();
      sol.invoke();
      long b = System.nanoTime();
      session.run(feeds).close();
      long c = System.nanoTime();
      solTimes[i] = b - a;
      ortTimes[i] = c - b;
    }
    double solMs = median(solTimes) / 1e6;
    double ortMs = median(ortTimes) / 1e6;
    System.out.printf("runs: %d each, alternating; SOL threads: 1, ONNX Runtime intra-op threads: %d%n", n, threads);
    System.out.printf("SOL median latency:          %10.3f ms%s%n", solMs, flops > 0 ? String.format("  (%.2f GFLOPS)", flops / solMs / 1e6) : "");
    System.out.printf("ONNX Runtime median latency: %10.3f ms%s%n", ortMs, flops > 0 ? String.format("  (%.2f GFLOPS)", flops / ortMs / 1e6) : "");
    System.out.printf("ratio SOL/ONNX Runtime: %.2f (%s)%n", solMs / ortMs, solMs <= ortMs ? "SOL is faster" : "ONNX Runtime is faster");
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  private static Tensor randomTensor(RankedTensorType t, Random random) throws BenchException {
    Tensor x = Tensor.zeros(t.element(), t.shape());
    for (int i = 0; i < x.size(); i++) {
      if (t.element() instanceof FloatType) x.set(i, random.nextDouble() * 2 - 1);
      else if (t.element() instanceof IntegerType it && it.width() == 1) x.setLong(i, random.nextInt(2));
      else if (t.element() instanceof IntegerType) x.setLong(i, random.nextInt(10));
      else throw new BenchException("cannot make random inputs of " + t);
    }
    return x;
  }

  private static OnnxTensor ortTensor(OrtEnvironment env, Tensor t) throws OrtException, BenchException {
    int n = t.size();
    switch (t.element()) {
      case FloatType f when f.width() == 32 -> {
        java.nio.FloatBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < n; i++) b.put(i, (float) t.get(i));
        return OnnxTensor.createTensor(env, b, t.shape());
      }
      case IntegerType it when it.width() == 64 -> {
        java.nio.LongBuffer b = ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder()).asLongBuffer();
        for (int i = 0; i < n; i++) b.put(i, t.getLong(i));
        return OnnxTensor.createTensor(env, b, t.shape());
      }
      case IntegerType it when it.width() == 32 -> {
        java.nio.IntBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        for (int i = 0; i < n; i++) b.put(i, (int) t.getLong(i));
        return OnnxTensor.createTensor(env, b, t.shape());
      }
      default -> throw new BenchException("sol-bench cannot pass " + t.element() + " inputs to ONNX Runtime yet");
    }
  }

  private static List<Tensor> runOrt(OrtSession session, Map<String, OnnxTensor> feeds, List<Tensor> like) throws OrtException, BenchException {
    List<Tensor> out = new ArrayList<>();
    try (OrtSession.Result r = session.run(feeds)) {
      for (int i = 0; i < r.size(); i++) {
        OnnxValue v = r.get(i);
        if (!(v instanceof OnnxTensor t)) throw new BenchException("ONNX Runtime output #" + i + " is not a tensor");
        Tensor ref = like.get(i);
        Tensor x = Tensor.zeros(ref.element(), t.getInfo().getShape());
        if (ref.element() instanceof FloatType f && f.width() == 32) {
          java.nio.FloatBuffer b = t.getFloatBuffer();
          for (int k = 0; k < x.size(); k++) x.set(k, b.get(k));
        } else if (ref.element() instanceof IntegerType it && it.width() == 64) {
          java.nio.LongBuffer b = t.getLongBuffer();
          for (int k = 0; k < x.size(); k++) x.setLong(k, b.get(k));
        } else {
          throw new BenchException("sol-bench cannot compare " + ref.element() + " outputs yet");
        }
        out.add(x);
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
