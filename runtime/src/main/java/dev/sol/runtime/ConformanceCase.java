package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.frontend.onnx.TensorProtos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one ONNX backend-test case folder (model.onnx, test_data_set_0/input_K.pb and
 * output_K.pb) through {@link SolModel} and compares the results: |actual - expected| <=
 * atol + rtol * |expected|, NaN equals NaN, integers and booleans exactly, shapes equal.
 * The inputs that compiling asks for ({@link MissingConstantException}: shapes, axes, Clip's
 * bounds) are given as constants from the test data; all others, integer ones too, are
 * run-time inputs, so the compiled code meets every element type the case uses.
 */
public final class ConformanceCase {
  /** @param failure null when the case passed, else why it failed */
  public record Result(String name, String failure) {}

  private ConformanceCase() {}

  /**
   * A whole suite's run against its known-failure lists: how many cases, how many passed, and
   * what was not expected (a failure not listed, or a listed case that passes).
   */
  public record SuiteReport(int cases, int passed, List<String> problems) {
    /** One line: the counts and every problem. */
    public String summary() { return passed + " of " + cases + " passed; unexpected: " + String.join("\n", problems); }
  }

  /** Runs every case under {@code data} with {@code options} (1e-3 relative, 1e-5 absolute) against the lists {@code knownFailures}. */
  public static SuiteReport runSuite(Path data, List<Path> knownFailures, java.util.function.Supplier<SolOptions> options) throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    for (Path tsv : knownFailures) known.putAll(knownFailures(tsv));
    List<Path> cases = suite(data);
    List<String> problems = new ArrayList<>();
    int passed = 0;
    for (Path dir : cases) {
      Result r = run(dir, 1e-3, 1e-5, Map.of(), options);
      boolean listed = known.containsKey(r.name());
      if (r.failure() == null) {
        passed++;
        if (listed) problems.add(r.name() + " passes but is listed as a known failure");
      } else if (!listed) {
        problems.add(r.name() + ": " + r.failure());
      }
    }
    return new SuiteReport(cases.size(), passed, problems);
  }

  public static Result run(Path dir, double rtol, double atol) { return run(dir, rtol, atol, SolOptions.Backend.INTERPRETER); }

  public static Result run(Path dir, double rtol, double atol, SolOptions.Backend backend) { return run(dir, rtol, atol, backend, Map.of()); }

  /** @param shapes shapes of graph inputs with symbolic dimensions, as {@link SolOptions#shape} takes them */
  public static Result run(Path dir, double rtol, double atol, SolOptions.Backend backend, Map<String, long[]> shapes) {
    return run(dir, rtol, atol, shapes, () -> new SolOptions().backend(backend));
  }

  /**
   * @param shapes shapes of graph inputs with symbolic dimensions, as {@link SolOptions#shape} takes them
   * @param options fresh options (backend, threads) for each compilation, to which the case adds the shapes and the constants it needs
   */
  public static Result run(Path dir, double rtol, double atol, Map<String, long[]> shapes, java.util.function.Supplier<SolOptions> options) {
    String name = dir.getFileName().toString();
    Path file = dir.resolve("model.onnx");
    try {
      Path data = dir.resolve("test_data_set_0");
      byte[] bytes = Files.readAllBytes(file);
      List<String> names = OnnxImporter.inputNames(bytes);
      Map<String, SolTensor> given = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        Path f = data.resolve("input_" + i + ".pb");
        if (!Files.exists(f)) return new Result(name, "missing " + f.getFileName());
        given.put(names.get(i), SolTensor.fromTensorProto(Files.readAllBytes(f)));
      }
      // Inputs with symbolic dimensions and no given shape take their test data's.
      Map<String, long[]> allShapes = new LinkedHashMap<>(shapes);
      for (OnnxImporter.OpenInput in : OnnxImporter.openInputs(bytes)) {
        SolTensor t = given.get(in.name());
        if (!allShapes.containsKey(in.name()) && t != null && t.shape().length == in.dims().length) allShapes.put(in.name(), t.shape());
      }
      try (SolModel model = compile(file, options.get(), allShapes, given)) {
        Map<String, SolTensor> feeds = new LinkedHashMap<>();
        for (String input : model.inputs().keySet()) if (given.containsKey(input)) feeds.put(input, given.get(input));
        try (SolModel.Result r = model.run(feeds)) {
          List<String> outputs = r.names();
          for (int i = 0; i < outputs.size(); i++) {
            Path expectedFile = data.resolve("output_" + i + ".pb");
            if (!Files.exists(expectedFile)) return new Result(name, "no expected file for output #" + i);
            String mismatch = compare(IrTensors.toIr(r.get(outputs.get(i))), TensorProtos.read(Files.readAllBytes(expectedFile)), rtol, atol);
            if (mismatch != null) return new Result(name, "output #" + i + ": " + mismatch);
          }
        }
      }
      return new Result(name, null);
    } catch (SolException e) {
      String prefix = file + ": ";
      return new Result(name, e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage());
    } catch (ImportException | Interpreter.InterpreterException | IllegalArgumentException e) {
      return new Result(name, e.getMessage());
    } catch (IOException e) {
      return new Result(name, "cannot read the case: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Result(name, "internal error: " + e);
    }
  }

  /** Compiles the case's model, giving as constants exactly the inputs that compiling asks for. */
  private static SolModel compile(Path file, SolOptions options, Map<String, long[]> shapes, Map<String, SolTensor> given)
      throws SolException {
    for (Map.Entry<String, long[]> s : shapes.entrySet()) options.shape(s.getKey(), s.getValue());
    Set<String> constants = new HashSet<>();
    while (true) {
      try {
        return SolModel.compile(file, options);
      } catch (MissingConstantException e) {
        boolean progress = false;
        for (String input : e.inputs()) {
          if (given.containsKey(input) && constants.add(input)) {
            options.constant(input, given.get(input));
            progress = true;
          }
        }
        if (!progress) throw e;
      }
    }
  }

  /** Null when equal within tolerance, else a description of the first difference. */
  public static String compare(SolTensor actual, SolTensor expected, double rtol, double atol) {
    return compare(IrTensors.toIr(actual), IrTensors.toIr(expected), rtol, atol);
  }

  /** Every case folder of the project's test data, in a stable order. */
  public static List<Path> suite(Path data) throws IOException {
    List<Path> cases = new ArrayList<>();
    for (String folder : List.of("onnx-node", "onnx-pytorch-converted", "onnx-pytorch-operator", "onnx-light", "generated")) {
      try (java.util.stream.Stream<Path> s = Files.list(data.resolve(folder))) {
        s.filter(Files::isDirectory).sorted().forEach(cases::add);
      }
    }
    return cases;
  }

  /** The cases a KNOWN_FAILURES*.tsv file lists (after its header line), with their reasons. */
  public static Map<String, String> knownFailures(Path tsv) throws IOException {
    Map<String, String> known = new java.util.HashMap<>();
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      known.put(f[0], f[1]);
    }
    return known;
  }

  /**
   * {@link #compare(Tensor, Tensor, double, double)} with an absolute tolerance of at least
   * {@code scaleTol} times the largest finite magnitude of {@code expected}. Rounding errors
   * of f32 sums grow with the magnitudes of the terms, not of the result: in a deep network
   * with random weights, whose outputs reach 1e6, an element that is the small difference of
   * large terms differs between two correct implementations by more than 1e-3 of itself
   * (an IResNet-50 with random batch norms: ONNX Runtime's own output is 1.3e-3 of an element
   * from the float64 result, 1.4e-6 of the output's scale).
   */
  public static String compareToScale(SolTensor actual, SolTensor expected, double rtol, double atol, double scaleTol) {
    Tensor e = IrTensors.toIr(expected);
    return compare(IrTensors.toIr(actual), e, rtol, Math.max(atol, scaleTol * largestMagnitude(e)));
  }

  /** The largest |actual - expected| over the largest finite |expected| (0 for an all-zero or non-float expected tensor). */
  public static double differenceToScale(SolTensor actual, SolTensor expected) {
    Tensor a = IrTensors.toIr(actual);
    Tensor e = IrTensors.toIr(expected);
    double scale = largestMagnitude(e);
    if (scale == 0 || !e.isFloat() || a.size() != e.size()) return 0;
    double largest = 0;
    for (int i = 0; i < e.size(); i++) {
      double d = Math.abs(a.get(i) - e.get(i));
      if (Double.isFinite(d)) largest = Math.max(largest, d);
    }
    return largest / scale;
  }

  private static double largestMagnitude(Tensor t) {
    if (!t.isFloat()) return 0;
    double largest = 0;
    for (int i = 0; i < t.size(); i++) {
      double v = Math.abs(t.get(i));
      if (Double.isFinite(v)) largest = Math.max(largest, v);
    }
    return largest;
  }

  /** Null when equal within tolerance, else a description of the first difference. */
  public static String compare(Tensor actual, Tensor expected, double rtol, double atol) {
    if (!java.util.Arrays.equals(actual.shape(), expected.shape())) {
      return "shape " + java.util.Arrays.toString(actual.shape()) + " differs from expected " + java.util.Arrays.toString(expected.shape());
    }
    for (int i = 0; i < actual.size(); i++) {
      if (expected.isFloat()) {
        double a = actual.get(i);
        double e = expected.get(i);
        if (Double.isNaN(a) && Double.isNaN(e)) continue;
        if (Double.isInfinite(e) && a == e) continue;
        if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
          return "element " + i + " is " + a + ", expected " + e;
        }
      } else if (actual.getLong(i) != expected.getLong(i)) {
        return "element " + i + " is " + actual.getLong(i) + ", expected " + expected.getLong(i);
      }
    }
    return null;
  }
}
