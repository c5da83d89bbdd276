package dev.sol.runtime;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.ir.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one ONNX backend-test case folder (model.onnx, test_data_set_0/input_K.pb and
 * output_K.pb) and compares the results: |actual - expected| <= atol + rtol * |expected|,
 * NaN equals NaN, integers and booleans exactly, shapes equal.
 */
public final class ConformanceCase {
  /** @param failure null when the case passed, else why it failed */
  public record Result(String name, String failure) {}

  /** Computes a model's outputs: the interpreter, or compiled code. */
  @FunctionalInterface
  public interface Backend {
    /** Runs {@code main} of {@code module}; a checked exception is a failure of the case with its message. */
    List<Tensor> run(IRContext ctx, Operation module, Operation main, List<Tensor> inputs) throws Exception;
  }

  public static final Backend INTERPRETER = (ctx, module, main, inputs) -> Interpreter.run(main, inputs);

  private ConformanceCase() {}

  public static Result run(Path dir, double rtol, double atol) { return run(dir, rtol, atol, INTERPRETER); }

  public static Result run(Path dir, double rtol, double atol, Backend backend) {
    String name = dir.getFileName().toString();
    try {
      IRContext ctx = Dialects.newContextWithNn();
      byte[] bytes = Files.readAllBytes(dir.resolve("model.onnx"));
      Path data = dir.resolve("test_data_set_0");
      List<String> names = OnnxImporter.inputNames(bytes);
      Map<String, Tensor> given = new java.util.HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        Path f = data.resolve("input_" + i + ".pb");
        if (!Files.exists(f)) return new Result(name, "missing " + f.getFileName());
        given.put(names.get(i), TensorProtos.read(Files.readAllBytes(f)));
      }
      ModuleOp module = OnnxImporter.importModel(ctx, bytes, dir.resolve("model.onnx").toString(), Map.of(), given);
      List<String> problems = new ArrayList<>();
      ctx.diagnostics().pushHandler(d -> problems.add(d.message()));
      if (!Verifier.verify(module, ctx)) return new Result(name, "imported IR does not verify: " + String.join("; ", problems));
      Operation main = Interpreter.function(module, "main");
      List<Tensor> inputs = new ArrayList<>();
      if (main.attribute("arg_attrs") instanceof dev.sol.ir.ArrayAttr args) {
        for (dev.sol.ir.Attribute a : args.elements()) {
          inputs.add(given.get(((dev.sol.ir.StringAttr) ((dev.sol.ir.DictionaryAttr) a).get("onnx.name")).value()));
        }
      }
      List<Tensor> actual;
      try {
        actual = backend.run(ctx, module, main, inputs);
      } catch (ImportException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        return new Result(name, e.getMessage());
      }
      for (int i = 0; i < actual.size(); i++) {
        Path expectedFile = data.resolve("output_" + i + ".pb");
        if (!Files.exists(expectedFile)) return new Result(name, "no expected file for output #" + i);
        String mismatch = compare(actual.get(i), TensorProtos.read(Files.readAllBytes(expectedFile)), rtol, atol);
        if (mismatch != null) return new Result(name, "output #" + i + ": " + mismatch);
      }
      return new Result(name, null);
    } catch (ImportException | Interpreter.InterpreterException e) {
      return new Result(name, e.getMessage());
    } catch (IOException e) {
      return new Result(name, "cannot read the case: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Result(name, "internal error: " + e);
    }
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
