package dev.sol.tools;

import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.runtime.MissingConstantException;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolModel;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import dev.sol.runtime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** sol-run's model mode, a user of the Java API: compiles a model, binds input files to its inputs, runs it and prints the outputs. */
final class ModelRunner {
  private ModelRunner() {}

  static final class RunException extends Exception {
    RunException(String message) { super(message, null, false, false); }
  }

  /** What to run and how. */
  record Request(Path model, List<String> inputs, List<String> constants, Map<String, long[]> shapes, SolOptions.Backend backend,
      int repeat, boolean timing, Path outputDir) {}

  static void run(Request q) throws RunException, IOException {
    Map<String, SolTensor> byName = new LinkedHashMap<>();
    List<SolTensor> byPosition = new ArrayList<>();
    for (String spec : q.inputs()) {
      int eq = spec.indexOf('=');
      SolTensor t = read(Path.of(eq < 0 ? spec : spec.substring(eq + 1)));
      if (eq < 0) byPosition.add(t);
      else byName.put(spec.substring(0, eq), t);
    }
    SolOptions options = new SolOptions().backend(q.backend());
    for (Map.Entry<String, long[]> s : q.shapes().entrySet()) options.shape(s.getKey(), s.getValue());
    for (String spec : q.constants()) {
      int eq = spec.indexOf('=');
      if (eq <= 0) throw new RunException("--constant expects NAME=FILE.pb, got '" + spec + "'");
      options.constant(spec.substring(0, eq), read(Path.of(spec.substring(eq + 1))));
    }
    try (SolModel model = compile(q, options, byName.keySet(), byPosition.size())) {
      boolean jit = q.backend() == SolOptions.Backend.JIT;
      if (q.timing() && jit) System.out.printf("compile: %.1f ms%n", model.compileTime().toNanos() / 1e6);
      Map<String, SolTensor> feeds = bind(model, byName, byPosition);
      long[] latencies = new long[q.repeat()];
      long rssFirst = 0;
      for (int i = 0; i < q.repeat(); i++) {
        long t0 = System.nanoTime();
        SolModel.Result r = model.run(feeds);
        latencies[i] = System.nanoTime() - t0;
        if (i == 0) rssFirst = residentKiB();
        if (i < q.repeat() - 1) {
          r.close();
          continue;
        }
        try (r) {
          if (q.timing() && jit) {
            System.out.printf("resident memory: %d KiB after the first run, %d KiB after the last%n", rssFirst, residentKiB());
          }
          if (q.timing()) printLatencies(latencies);
          print(r, q.outputDir());
        }
      }
    }
  }

  private static SolTensor read(Path file) throws RunException {
    try {
      return SolTensor.fromTensorProto(Files.readAllBytes(file));
    } catch (SolException e) {
      throw new RunException(file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new RunException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new RunException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static SolModel compile(Request q, SolOptions options, Set<String> named, int positional) throws RunException, IOException {
    try {
      return SolModel.compile(q.model(), options);
    } catch (MissingConstantException e) {
      List<String> graphInputs;
      try {
        graphInputs = OnnxImporter.inputNames(Files.readAllBytes(q.model()));
      } catch (ImportException notOnnx) {
        graphInputs = List.of();
      }
      List<String> hints = new ArrayList<>();
      for (String input : e.inputs()) {
        boolean given = named.contains(input) || graphInputs.indexOf(input) >= 0 && graphInputs.indexOf(input) < positional;
        hints.add("--constant " + input + "=FILE.pb" + (given ? " instead of --input" : ""));
      }
      throw new RunException(e.problem() + "; give " + (hints.size() == 1 ? "it" : "them") + " with " + String.join(" and ", hints));
    } catch (SolException e) {
      throw new RunException(e.getMessage());
    }
  }

  /** Named inputs by name, the others by position in the model's inputs. */
  private static Map<String, SolTensor> bind(SolModel model, Map<String, SolTensor> byName, List<SolTensor> byPosition) throws RunException {
    if (byPosition.size() > model.inputs().size()) {
      throw new RunException(byPosition.size() + " inputs given by position, but the model has " + model.inputs().size());
    }
    Map<String, SolTensor> feeds = new LinkedHashMap<>(byName);
    int i = 0;
    for (Map.Entry<String, TensorInfo> e : model.inputs().entrySet()) {
      SolTensor t = byName.containsKey(e.getKey()) ? byName.get(e.getKey()) : i < byPosition.size() ? byPosition.get(i) : null;
      if (t == null) throw new RunException("no value for input #" + i + " '" + e.getKey() + "'; give --input");
      feeds.put(e.getKey(), t);
      i++;
    }
    return feeds;
  }

  private static void print(SolModel.Result r, Path outputDir) throws IOException {
    List<String> names = r.names();
    for (int i = 0; i < names.size(); i++) {
      SolTensor t = r.get(names.get(i));
      System.out.println("output #" + i + " " + names.get(i) + ": " + t.info() + " " + preview(t));
      if (outputDir != null) {
        Files.createDirectories(outputDir);
        Files.write(outputDir.resolve("output_" + i + ".pb"), t.toTensorProto(names.get(i)));
      }
    }
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
    Arrays.sort(sorted);
    System.out.printf("runs: %d, latency: median %.3f ms, min %.3f ms, max %.3f ms%n", sorted.length, sorted[sorted.length / 2] / 1e6,
        sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  /** The first few values of a tensor. */
  static String preview(SolTensor t) {
    StringBuilder sb = new StringBuilder("[");
    long n = t.elementCount();
    for (int i = 0; i < Math.min(8, n); i++) {
      if (i > 0) sb.append(", ");
      sb.append(t.elementType().isFloatingPoint() ? Double.toString(t.getDouble(i)) : Long.toString(t.getLong(i)));
    }
    if (n > 8) sb.append(", ...");
    return sb.append(']').toString();
  }
}
