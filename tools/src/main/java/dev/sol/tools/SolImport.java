package dev.sol.tools;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ConstantInputException;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.ir.IRContext;
import dev.sol.ir.Verifier;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.DiagnosticPrinter;
import dev.sol.textir.SourceBuffer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sol-import}: an ONNX model to the nn dialect, printed in MLIR's generic form. */
@Command(name = "sol-import", mixinStandardHelpOptions = true, version = "sol-import 0.1",
    description = "Imports an ONNX model into the nn dialect.")
public final class SolImport implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL.onnx")
  Path model;

  @Option(names = "-o", paramLabel = "OUT.mlir", description = "Output file (default: stdout).")
  Path output;

  @Option(names = "--shape", paramLabel = "NAME=D0,D1,...", description = "Shape of a graph input whose dimensions are symbolic.")
  List<String> shapes = new ArrayList<>();

  @Option(names = "--constant", paramLabel = "NAME=FILE.pb",
      description = "Import graph input NAME as this constant (needed where the model uses an input as a shape or axes).")
  List<String> constants = new ArrayList<>();

  @Option(names = "--mlir-print-debuginfo", description = "Print locations (node names).")
  boolean debugInfo;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SolImport());
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-import", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("sol-import: " + ex.getMessage());
      return 1;
    });
    InternalErrors.exit("sol-import", () -> cli.execute(args));
  }

  public static Map<String, long[]> parseShapes(List<String> specs) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--shape expects NAME=D0,D1,..., got '" + s + "'");
      String[] dims = s.substring(eq + 1).split(",");
      long[] shape = new long[dims.length];
      for (int i = 0; i < dims.length; i++) {
        try {
          shape[i] = Long.parseLong(dims[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--shape " + s + ": '" + dims[i] + "' is not a dimension");
        }
        if (shape[i] < 0) throw new IllegalArgumentException("--shape " + s + ": dimensions must not be negative");
      }
      out.put(s.substring(0, eq), shape);
    }
    return out;
  }

  private static Map<String, Tensor> readConstants(List<String> specs) throws ImportException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--constant expects NAME=FILE.pb, got '" + spec + "'");
      Path file = Path.of(spec.substring(eq + 1));
      try {
        out.put(spec.substring(0, eq), TensorProtos.read(Files.readAllBytes(file)));
      } catch (ImportException e) {
        throw new ImportException(file + ": " + e.getMessage());
      } catch (IOException e) {
        throw new ImportException("cannot read --constant file " + file + ": " + FileArgs.reason(e));
      }
    }
    return out;
  }

  @Override public Integer call() throws IOException {
    String problem = output == null ? null : FileArgs.outputProblem(output);
    if (problem != null) {
      System.err.println("sol-import: error: cannot write -o " + output + ": " + problem);
      return 1;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(model);
    } catch (IOException e) {
      System.err.println("sol-import: error: cannot read " + model + ": " + FileArgs.reason(e));
      return 1;
    }
    Map<String, long[]> givenShapes;
    Map<String, Tensor> givenConstants;
    try {
      givenShapes = parseShapes(shapes);
      givenConstants = readConstants(constants);
    } catch (ImportException | IllegalArgumentException e) {
      System.err.println("sol-import: error: " + e.getMessage());
      return 1;
    }
    IRContext ctx = Dialects.newContextWithNn();
    ModuleOp module;
    try {
      module = OnnxImporter.importModel(ctx, bytes, model.toString(), givenShapes, givenConstants);
    } catch (ConstantInputException e) {
      System.err.println("sol-import: error: " + named(e.getMessage()) + "; give " + (e.inputs().size() == 1 ? "it" : "them") + " with "
          + String.join(" and ", e.inputs().stream().map(n -> "--constant " + n + "=FILE.pb").toList()));
      return 1;
    } catch (ImportException | IllegalArgumentException e) {
      System.err.println("sol-import: error: " + named(e.getMessage()));
      return 1;
    }
    DiagnosticPrinter printer = new DiagnosticPrinter(new SourceBuffer(model.toString(), ""), System.err);
    ctx.diagnostics().pushHandler(printer::print);
    if (!Verifier.verify(module, ctx)) return 1;
    try (Writer out = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      AsmPrinter.print(module, out, debugInfo);
    } catch (IOException e) {
      System.err.println("sol-import: error: cannot write " + (output == null ? "the output" : "-o " + output) + ": " + FileArgs.reason(e));
      return 1;
    }
    return 0;
  }

  /** A message that names the model file, as every error should. */
  private String named(String message) {
    return message.startsWith(model.toString()) ? message : model + ": " + message;
  }
}
