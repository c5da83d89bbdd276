package dev.sol.frontend.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.nn.ShapeError;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an ONNX model: a module with {@code func.func @main} whose arguments are the graph
 * inputs that are not initializers and whose results are the graph outputs; initializers
 * become nn.constant, nodes become nn operations located by their node names.
 */
public final class OnnxImporter {
  public static final int MIN_OPSET = 6;
  public static final int MAX_OPSET = 25;

  private OnnxImporter() {}

  public static ModuleOp importModel(IRContext context, byte[] bytes, String fileName, Map<String, long[]> shapes)
      throws ImportException {
    return importModel(context, bytes, fileName, shapes, Map.of());
  }

  /**
   * Imports with some graph inputs fixed to constant values: each input named in
   * {@code constants} becomes an nn.constant and leaves the signature, so nodes that need
   * it when importing (axes, a target shape, clip bounds) can read it. No other input is
   * ever folded: a node that needs one fails with a {@link ConstantInputException} naming
   * it. The arguments carry their ONNX names as {@code arg_attrs = [{onnx.name = "x"}, ...]},
   * the results those of the graph outputs as {@code res_attrs}.
   */
  public static ModuleOp importModel(IRContext context, byte[] bytes, String fileName, Map<String, long[]> shapes,
      Map<String, Tensor> constants) throws ImportException {
    return importModel(context, java.nio.ByteBuffer.wrap(bytes), fileName, shapes, constants);
  }

  /** As {@link #importModel(IRContext, byte[], String, Map, Map)}, from a buffer (a mapped file: its tensors are copied out once, as they are imported). */
  public static ModuleOp importModel(IRContext context, java.nio.ByteBuffer bytes, String fileName, Map<String, long[]> shapes,
      Map<String, Tensor> constants) throws ImportException {
    ModelProto model;
    try {
      // Aliasing: the tensors' raw data stay views of the file's bytes instead of copies. The
      // stream must come from an immutable ByteString for that: CodedInputStream.newInstance on
      // a buffer ignores enableAliasing and copied every tensor (VGG-19: 550 MB of fresh memory).
      com.google.protobuf.CodedInputStream in = com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes.duplicate()).newCodedInput();
      in.enableAliasing(true);
      model = ModelProto.parser().parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new ImportException(fileName + " is not a valid ONNX model (" + e.getMessage() + ")");
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0 && model.getGraph().getOutputCount() == 0) {
      throw new ImportException(fileName + " is not a valid ONNX model (no graph)");
    }
    int opset = -1;
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) opset = (int) o.getVersion();
    }
    if (opset < 0) throw new ImportException(fileName + ": the model imports no ai.onnx opset");
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new ImportException(fileName + ": opset " + opset + " is not supported (supported: " + MIN_OPSET + " to " + MAX_OPSET + ")");
    }
    GraphProto graph = model.getGraph();
    List<String> unsupported = new ArrayList<>();
    for (NodeProto node : graph.getNodeList()) {
      boolean foreign = !node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx");
      if (foreign || !OnnxOps.CONVERTERS.containsKey(node.getOpType())) {
        unsupported.add((foreign ? node.getDomain() + "." : "") + node.getOpType() + " (node '"
            + (node.getName().isEmpty() && node.getOutputCount() > 0 ? node.getOutput(0) : node.getName()) + "')");
      }
    }
    if (!unsupported.isEmpty()) {
      throw new ImportException(fileName + ": unsupported ONNX operators (opset " + opset + "): " + String.join(", ", unsupported));
    }

    ModuleOp module = ModuleOp.create(context, new FileLineColLoc(fileName, 0, 0));
    Set<String> initializerNames = new HashSet<>();
    for (TensorProto t : graph.getInitializerList()) initializerNames.add(t.getName());
    Map<String, Type> argTypes = new LinkedHashMap<>();
    Map<String, ValueInfoProto> constantInputs = new LinkedHashMap<>();
    for (ValueInfoProto vi : graph.getInputList()) {
      if (initializerNames.contains(vi.getName())) continue;
      if (constants.containsKey(vi.getName())) constantInputs.put(vi.getName(), vi);
      else argTypes.put(vi.getName(), inputType(vi, shapes, fileName));
    }
    for (String name : shapes.keySet()) {
      if (!argTypes.containsKey(name) && !constantInputs.containsKey(name)) {
        throw new ImportException(fileName + ": a shape is given for '" + name + "', which is not a graph input");
      }
    }
    for (String name : constants.keySet()) {
      if (!constantInputs.containsKey(name)) {
        throw new ImportException(fileName + ": the constant '" + name + "' is not a graph input (inputs: "
            + String.join(", ", inputNames(graph)) + ")");
      }
    }
    OperationState fs = new OperationState("func.func", new NameLoc(graph.getName().isEmpty() ? "main" : graph.getName(),
        new FileLineColLoc(fileName, 0, 0))).attribute("sym_name", new StringAttr("main"));
    Block body = fs.addRegion().addBlock();
    Builder builder = new Builder(context).atEnd(body);
    NodeImporter n = new NodeImporter(context, builder, opset);
    for (Map.Entry<String, Type> e : argTypes.entrySet()) {
      BlockArgument a = body.addArgument(e.getValue(), new NameLoc(e.getKey(), Location.UNKNOWN));
      n.values.put(e.getKey(), a);
      n.argumentNames.put(a, e.getKey());
    }
    for (ValueInfoProto vi : constantInputs.values()) {
      Tensor value = constants.get(vi.getName());
      checkConstant(vi, value, fileName);
      n.location = new NameLoc(vi.getName(), Location.UNKNOWN);
      n.values.put(vi.getName(), n.constantValue(value));
    }
    for (TensorProto t : graph.getInitializerList()) {
      n.location = new NameLoc(t.getName(), Location.UNKNOWN);
      n.values.put(t.getName(), n.constantValue(TensorProtos.toAttribute(t)));
    }
    for (NodeProto node : graph.getNodeList()) {
      n.node = node;
      n.index++;
      n.location = new NameLoc(n.nodeName(), Location.UNKNOWN);
      List<Value> outs;
      try {
        outs = OnnxOps.CONVERTERS.get(node.getOpType()).convert(n);
      } catch (ShapeError e) {
        // Converters check attributes as they read them (an axis out of range), in the nn verifier's words.
        throw n.error(e.getMessage());
      } catch (ArithmeticException e) {
        throw n.error("an attribute overflows 64-bit arithmetic (" + e.getMessage() + ")");
      }
      for (int i = 0; i < node.getOutputCount() && i < outs.size(); i++) {
        if (!node.getOutput(i).isEmpty()) n.values.put(node.getOutput(i), outs.get(i));
      }
    }
    List<Value> results = new ArrayList<>();
    for (ValueInfoProto out : graph.getOutputList()) {
      Value v = n.values.get(out.getName());
      if (v == null) throw new ImportException(fileName + ": graph output '" + out.getName() + "' is never computed");
      results.add(v);
    }
    ReturnOp.create(builder, Location.UNKNOWN, results);
    List<Type> inputTypes = new ArrayList<>();
    List<Attribute> argAttrs = new ArrayList<>();
    for (BlockArgument a : body.arguments()) {
      inputTypes.add(a.type());
      argAttrs.add(nameAttr(n.argumentNames.get(a)));
    }
    List<Attribute> resAttrs = new ArrayList<>();
    for (ValueInfoProto out : graph.getOutputList()) resAttrs.add(nameAttr(out.getName()));
    List<Type> resultTypes = results.stream().map(Value::type).toList();
    fs.attribute("function_type", new TypeAttr(new FunctionType(inputTypes, resultTypes)));
    if (!argAttrs.isEmpty()) fs.attribute("arg_attrs", new ArrayAttr(argAttrs));
    if (!resAttrs.isEmpty()) fs.attribute("res_attrs", new ArrayAttr(resAttrs));
    module.body().append(Operation.create(context, fs));
    return module;
  }

  /** The names of the graph inputs that are not initializers, in order (input_K.pb feeds the K-th). */
  public static List<String> inputNames(byte[] bytes) throws ImportException {
    return inputNames(java.nio.ByteBuffer.wrap(bytes));
  }

  /** As {@link #inputNames(byte[])}, from a buffer (a mapped file: its tensors are not copied). */
  public static List<String> inputNames(java.nio.ByteBuffer bytes) throws ImportException {
    return inputNames(graph(bytes));
  }

  /**
   * The graph of a model, its tensors' raw data left as views of {@code bytes}: parsed plainly,
   * a 100 MB model was copied twice over (sol-run on ResNet-50 peaked at 0.7 GB resident, where
   * the whole run needs a third of that).
   */
  private static GraphProto graph(java.nio.ByteBuffer bytes) throws ImportException {
    try {
      com.google.protobuf.CodedInputStream in = com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes.duplicate()).newCodedInput();
      in.enableAliasing(true);
      return ModelProto.parser().parseFrom(in).getGraph();
    } catch (InvalidProtocolBufferException e) {
      throw new ImportException("not a valid ONNX model (" + e.getMessage() + ")");
    }
  }

  /** A graph input with open dimensions: its declared dimensions (-1 where open) and the names of the open ones ("?" where unnamed). */
  public record OpenInput(String name, long[] dims, List<String> openNames) {}

  /** The graph inputs (not initializers) whose declared shape has symbolic or unknown dimensions, in order. */
  public static List<OpenInput> openInputs(byte[] bytes) throws ImportException {
    return openInputs(java.nio.ByteBuffer.wrap(bytes));
  }

  /** As {@link #openInputs(byte[])}, from a buffer (a mapped file: its tensors are not copied). */
  public static List<OpenInput> openInputs(java.nio.ByteBuffer bytes) throws ImportException {
    GraphProto g = graph(bytes);
    Set<String> names = new HashSet<>(inputNames(g));
    List<OpenInput> open = new ArrayList<>();
    for (ValueInfoProto vi : g.getInputList()) {
      if (!names.contains(vi.getName()) || !vi.getType().hasTensorType() || !vi.getType().getTensorType().hasShape()) continue;
      TensorShapeProto shape = vi.getType().getTensorType().getShape();
      long[] dims = new long[shape.getDimCount()];
      List<String> openNames = new ArrayList<>();
      for (int i = 0; i < dims.length; i++) {
        TensorShapeProto.Dimension d = shape.getDim(i);
        dims[i] = d.hasDimValue() ? d.getDimValue() : -1;
        if (!d.hasDimValue()) openNames.add(d.getDimParam().isEmpty() ? "?" : d.getDimParam());
      }
      if (!openNames.isEmpty()) open.add(new OpenInput(vi.getName(), dims, openNames));
    }
    return open;
  }

  private static List<String> inputNames(GraphProto g) {
    Set<String> init = new HashSet<>();
    for (TensorProto t : g.getInitializerList()) init.add(t.getName());
    List<String> names = new ArrayList<>();
    for (ValueInfoProto vi : g.getInputList()) if (!init.contains(vi.getName())) names.add(vi.getName());
    return names;
  }

  private static DictionaryAttr nameAttr(String name) {
    return new DictionaryAttr(List.of(new NamedAttribute("onnx.name", new StringAttr(name))));
  }

  /** A constant must have the input's element type, its rank and every dimension the model fixes. */
  private static void checkConstant(ValueInfoProto vi, Tensor value, String fileName) throws ImportException {
    if (!vi.getType().hasTensorType()) throw new ImportException(fileName + ": graph input '" + vi.getName() + "' is not a tensor");
    var tt = vi.getType().getTensorType();
    Type element = TensorProtos.elementType(tt.getElemType());
    if (!value.element().equals(element)) {
      throw new ImportException(fileName + ": the constant '" + vi.getName() + "' has element type " + value.element()
          + ", but the graph input is " + (element == null ? "of ONNX type " + tt.getElemType() : element));
    }
    if (!tt.hasShape()) return;
    boolean fits = tt.getShape().getDimCount() == value.rank();
    for (int i = 0; fits && i < value.rank(); i++) {
      TensorShapeProto.Dimension d = tt.getShape().getDim(i);
      fits = !d.hasDimValue() || d.getDimValue() == value.shape()[i];
    }
    if (!fits) {
      throw new ImportException(fileName + ": the constant '" + vi.getName() + "' has shape " + Arrays.toString(value.shape())
          + ", but the graph input has shape " + describe(tt.getShape()));
    }
  }

  private static String describe(TensorShapeProto shape) {
    List<String> dims = new ArrayList<>();
    for (TensorShapeProto.Dimension d : shape.getDimList()) dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam());
    return "[" + String.join(", ", dims) + "]";
  }

  private static Type inputType(ValueInfoProto vi, Map<String, long[]> shapes, String fileName) throws ImportException {
    if (!vi.getType().hasTensorType()) throw new ImportException(fileName + ": graph input '" + vi.getName() + "' is not a tensor");
    var tt = vi.getType().getTensorType();
    Type element = TensorProtos.elementType(tt.getElemType());
    if (element == null) throw new ImportException(fileName + ": graph input '" + vi.getName() + "' has unsupported type " + tt.getElemType());
    long[] given = shapes.get(vi.getName());
    long[] shape = given != null ? fitShape(vi, given, fileName) : declaredShape(vi, fileName);
    String problem = ShapedType.shapeProblem(shape);
    if (problem != null) {
      throw new ImportException(fileName + ": graph input '" + vi.getName() + "' of shape " + ShapedType.describe(shape) + " " + problem);
    }
    return new RankedTensorType(shape, element);
  }

  private static long[] declaredShape(ValueInfoProto vi, String fileName) throws ImportException {
    var tt = vi.getType().getTensorType();
    if (!tt.hasShape()) {
      throw new ImportException(fileName + ": graph input '" + vi.getName() + "' has no shape; give it with --shape " + vi.getName()
          + "=d0,d1,... (SolOptions.shape in the Java API)");
    }
    long[] shape = new long[tt.getShape().getDimCount()];
    for (int i = 0; i < shape.length; i++) {
      TensorShapeProto.Dimension d = tt.getShape().getDim(i);
      if (!d.hasDimValue()) {
        throw new ImportException(fileName + ": graph input '" + vi.getName() + "' has symbolic dimension '" + d.getDimParam()
            + "'; give its shape with --shape " + vi.getName() + "=d0,d1,... (SolOptions.shape in the Java API)");
      }
      shape[i] = d.getDimValue();
    }
    return shape;
  }

  /** A shape given for an input: where the model leaves dimensions open, of its rank, keeping the dimensions it fixes. */
  private static long[] fitShape(ValueInfoProto vi, long[] given, String fileName) throws ImportException {
    var tt = vi.getType().getTensorType();
    if (!tt.hasShape()) return given;
    TensorShapeProto declared = tt.getShape();
    String where = fileName + ": the shape " + ShapedType.describe(given) + " given for graph input '" + vi.getName() + "' ";
    if (declared.getDimList().stream().allMatch(TensorShapeProto.Dimension::hasDimValue)) {
      // Restating a fixed shape is harmless (a program written for many models may do it); changing one is not.
      long[] fixed = declared.getDimList().stream().mapToLong(TensorShapeProto.Dimension::getDimValue).toArray();
      if (java.util.Arrays.equals(fixed, given)) return given;
      throw new ImportException(fileName + ": graph input '" + vi.getName() + "' has the fixed shape " + describe(declared)
          + ", not " + ShapedType.describe(given) + "; give shapes (--shape, SolOptions.shape) only to inputs with symbolic dimensions");
    }
    if (declared.getDimCount() != given.length) {
      throw new ImportException(where + "has rank " + given.length + ", but the input has rank " + declared.getDimCount() + ": "
          + describe(declared));
    }
    for (int i = 0; i < given.length; i++) {
      TensorShapeProto.Dimension d = declared.getDim(i);
      if (d.hasDimValue() && d.getDimValue() != given[i]) {
        throw new ImportException(where + "changes dimension #" + i + ", which the model fixes to " + d.getDimValue() + ": "
            + describe(declared));
      }
    }
    return given;
  }
}
