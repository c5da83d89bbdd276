package dev.sol.tools;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.ir.*;
import dev.sol.runtime.Interpreter;
import dev.sol.textir.IRParser;
import dev.sol.textir.ParseException;
import dev.sol.textir.SourceBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads a model (.onnx or .mlir), binds input files to its arguments and interprets {@code @main}. */
final class ModelRunner {
  private ModelRunner() {}

  static final class RunException extends Exception {
    RunException(String message) { super(message, null, false, false); }
  }

  record Result(List<String> names, List<Tensor> outputs) {}

  static Result run(Path model, List<String> inputSpecs, Map<String, long[]> shapes) throws RunException, IOException {
    return run(model, inputSpecs, shapes, false, 1, false);
  }

  /** Runs {@code @main}, interpreted or compiled, {@code repeat} times; prints timing when asked. */
  static Result run(Path model, List<String> inputSpecs, Map<String, long[]> shapes, boolean jit, int repeat, boolean timing)
      throws RunException, IOException {
    IRContext ctx = Dialects.newContextWithNn();
    List<String> errors = new ArrayList<>();
    ctx.diagnostics().pushHandler(d -> errors.add(d.location() + ": " + d.message()));
    Map<String, Tensor> byName = new HashMap<>();
    List<Tensor> byPosition = new ArrayList<>();
    for (String spec : inputSpecs) {
      int eq = spec.indexOf('=');
      Path file = Path.of(eq < 0 ? spec : spec.substring(eq + 1));
      Tensor t;
      try {
        t = TensorProtos.read(Files.readAllBytes(file));
      } catch (ImportException e) {
        throw new RunException(file + ": " + e.getMessage());
      }
      if (eq < 0) byPosition.add(t);
      else byName.put(spec.substring(0, eq), t);
    }
    Operation module;
    byte[] bytes = Files.readAllBytes(model);
    if (model.toString().endsWith(".mlir")) {
      try {
        module = IRParser.parse(ctx, new SourceBuffer(model.toString(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
      } catch (ParseException e) {
        throw new RunException(e.diagnostic().location() + ": " + e.getMessage());
      }
    } else {
      try {
        List<String> names = OnnxImporter.inputNames(bytes);
        for (int i = 0; i < byPosition.size() && i < names.size(); i++) byName.putIfAbsent(names.get(i), byPosition.get(i));
        module = OnnxImporter.importModel(ctx, bytes, model.toString(), shapes, byName);
      } catch (ImportException e) {
        throw new RunException(e.getMessage());
      }
    }
    if (!Verifier.verify(module, ctx)) throw new RunException(String.join("; ", errors));
    Operation main = Interpreter.function(module, "main");
    if (main == null) {
      List<Operation> defined = new ArrayList<>();
      for (Operation op : module.region(0).entryBlock()) if (op.name().equals("func.func") && !op.region(0).isEmpty()) defined.add(op);
      if (defined.size() != 1) throw new RunException(model + " has no function @main (and not exactly one function to run)");
      main = defined.getFirst();
    }
    Block body = main.region(0).entryBlock();
    List<Tensor> args = new ArrayList<>();
    ArrayAttr argAttrs = main.attribute("arg_attrs") instanceof ArrayAttr a ? a : null;
    for (int i = 0; i < body.numArguments(); i++) {
      String name = argAttrs != null && ((DictionaryAttr) argAttrs.get(i)).get("onnx.name") instanceof StringAttr s ? s.value() : null;
      Tensor t = name != null ? byName.get(name) : (i < byPosition.size() ? byPosition.get(i) : null);
      if (t == null && model.toString().endsWith(".mlir") && i < byPosition.size()) t = byPosition.get(i);
      if (t == null) throw new RunException("no value for input #" + i + (name == null ? "" : " '" + name + "'") + "; give --input");
      args.add(t);
    }
    List<Tensor> outputs = null;
    long[] latencies = new long[repeat];
    if (jit) {
      try (CompiledModel compiled = new CompiledModel(ctx, module, main)) {
        if (timing) System.out.printf("compile: %.1f ms%n", compiled.compileNanos / 1e6);
        compiled.setInputs(args);
        long rssFirst = 0;
        for (int i = 0; i < repeat; i++) {
          long t0 = System.nanoTime();
          compiled.invoke();
          latencies[i] = System.nanoTime() - t0;
          if (i == 0) rssFirst = residentKiB();
        }
        if (timing) System.out.printf("resident memory: %d KiB after the first run, %d KiB after the last%n", rssFirst, residentKiB());
        outputs = compiled.outputs();
      } catch (CompiledModel.CompileException e) {
        throw new RunException(e.getMessage());
      }
    } else {
      try {
        for (int i = 0; i < repeat; i++) {
          long t0 = System.nanoTime();
          outputs = Interpreter.run(main, args);
          latencies[i] = System.nanoTime() - t0;
        }
      } catch (Interpreter.InterpreterException e) {
        throw new RunException(e.getMessage());
      }
    }
    if (timing) printLatencies(latencies);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) names.add("output_" + i);
    return new Result(names, outputs);
  }

  /** The process's resident set size from /proc (0 where there is none): a native leak shows as growth over many runs. */
  static long residentKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static void printLatencies(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf("runs: %d, latency: median %.3f ms, min %.3f ms, max %.3f ms%n", sorted.length, sorted[sorted.length / 2] / 1e6,
        sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  /** The first few values of a tensor. */
  static String preview(Tensor t) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(8, t.size()); i++) {
      if (i > 0) sb.append(", ");
      sb.append(t.isFloat() ? Double.toString(t.get(i)) : Long.toString(t.getLong(i)));
    }
    if (t.size() > 8) sb.append(", ...");
    return sb.append(']').toString();
  }
}
