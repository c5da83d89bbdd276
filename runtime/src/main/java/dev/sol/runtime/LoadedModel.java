package dev.sol.runtime;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ConstantInputException;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.ir.*;
import dev.sol.textir.DiagnosticPrinter;
import dev.sol.textir.IRParser;
import dev.sol.textir.ParseException;
import dev.sol.textir.SourceBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model read into IR and verified: an ONNX model imported into the nn dialect, or a
 * {@code .mlir} file; its entry function ({@code @main}, or the only function with a body)
 * and the names and types of its arguments and results. Names come from the import's
 * {@code onnx.name} argument and result attributes, else they are input_K and output_K.
 */
final class LoadedModel {
  final IRContext context;
  final Operation module;
  final Operation function;
  final Map<String, TensorInfo> inputs;
  final Map<String, TensorInfo> outputs;
  final String fileName;
  /** Whether the engine guards every memory access ({@link SolOptions#checkBounds}). */
  final boolean checkBounds;

  private LoadedModel(IRContext context, Operation module, Operation function, String fileName, boolean checkBounds) throws SolException {
    this.context = context;
    this.checkBounds = checkBounds;
    this.module = module;
    this.function = function;
    this.fileName = fileName;
    FunctionType ft = (FunctionType) ((TypeAttr) function.attribute("function_type")).type();
    inputs = signature(ft.inputs(), function.attribute("arg_attrs"), "input");
    outputs = signature(ft.results(), function.attribute("res_attrs"), "output");
  }

  static LoadedModel load(ByteBuffer bytes, String fileName, boolean mlir, SolOptions options) throws SolException {
    return load(bytes, fileName, mlir, options, options.shapes());
  }

  /** {@link #load}, with {@code shapes} for the inputs instead of the options' (the one-image import of {@link ImageSlices}). */
  static LoadedModel load(ByteBuffer bytes, String fileName, boolean mlir, SolOptions options, Map<String, long[]> shapes) throws SolException {
    IRContext ctx = Dialects.newContextWithNn();
    List<String> errors = new ArrayList<>();
    ctx.diagnostics().pushHandler(d -> errors.add(DiagnosticPrinter.prefix(d.location()) + d.message()));
    Operation module = mlir ? parse(ctx, bytes, fileName, options, shapes) : importOnnx(ctx, bytes, fileName, options, shapes);
    if (!Verifier.verify(module, ctx)) throw new SolException(fileName + ": the model does not verify: " + String.join("; ", errors));
    return new LoadedModel(ctx, module, entry(module, fileName), fileName, options.checkBounds());
  }

  private static Operation parse(IRContext ctx, ByteBuffer bytes, String fileName, SolOptions options, Map<String, long[]> shapes) throws SolException {
    if (!options.constants().isEmpty() || !shapes.isEmpty()) {
      throw new SolException(fileName + ": input shapes and constants apply to ONNX models only");
    }
    try {
      byte[] text = new byte[bytes.remaining()];
      bytes.duplicate().get(text);
      return IRParser.parse(ctx, SourceBuffer.decode(fileName, text));
    } catch (ParseException e) {
      throw new SolException(DiagnosticPrinter.prefix(e.diagnostic().location()) + e.getMessage());
    }
  }

  private static Operation importOnnx(IRContext ctx, ByteBuffer bytes, String fileName, SolOptions options, Map<String, long[]> shapes)
      throws SolException {
    Map<String, Tensor> constants = new LinkedHashMap<>();
    for (Map.Entry<String, SolTensor> c : options.constants().entrySet()) {
      try {
        constants.put(c.getKey(), IrTensors.toIr(c.getValue()));
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("constant '" + c.getKey() + "': " + e.getMessage());
      }
    }
    try {
      return OnnxImporter.importModel(ctx, bytes, fileName, shapes, constants);
    } catch (ConstantInputException e) {
      throw new MissingConstantException(named(fileName, e.getMessage()), e.inputs(), e.node());
    } catch (ImportException e) {
      throw new SolException(named(fileName, e.getMessage()));
    }
  }

  private static String named(String fileName, String message) {
    return message.startsWith(fileName) ? message : fileName + ": " + message;
  }

  private static Operation entry(Operation module, String fileName) throws SolException {
    List<Operation> defined = new ArrayList<>();
    for (Operation op : module.region(0).entryBlock()) {
      if (!op.name().equals("func.func") || op.region(0).isEmpty()) continue;
      if ("main".equals(Symbols.nameOf(op))) return op;
      defined.add(op);
    }
    if (defined.size() != 1) throw new SolException(fileName + " has no function @main (and not exactly one function to run)");
    return defined.getFirst();
  }

  private Map<String, TensorInfo> signature(List<Type> types, Attribute names, String kind) throws SolException {
    Map<String, TensorInfo> out = new LinkedHashMap<>();
    for (int i = 0; i < types.size(); i++) {
      String name = names instanceof ArrayAttr a && a.get(i) instanceof DictionaryAttr d && d.get("onnx.name") instanceof StringAttr s
          ? s.value() : kind + "_" + i;
      String unique = name;
      for (int k = 1; out.containsKey(unique); k++) unique = name + "#" + k;
      out.put(unique, info(types.get(i), kind + " '" + name + "'"));
    }
    return Collections.unmodifiableMap(out);
  }

  private TensorInfo info(Type t, String what) throws SolException {
    long[] shape;
    Type element;
    switch (t) {
      case RankedTensorType r -> {
        shape = r.shape();
        element = r.element();
      }
      case MemRefType m -> {
        shape = m.shape();
        element = m.element();
      }
      default -> {
        shape = new long[0];
        element = t;
      }
    }
    for (long d : shape) {
      if (d < 0) throw new SolException(fileName + ": " + what + " has a dynamic shape, " + t + "; give its shape with SolOptions.shape");
    }
    ElementType e = ElementType.of(element);
    if (e == null) throw new SolException(fileName + ": " + what + " has type " + t + ", whose elements a model cannot take or return");
    return new TensorInfo(e, shape);
  }
}
