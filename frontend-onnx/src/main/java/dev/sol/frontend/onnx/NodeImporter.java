package dev.sol.frontend.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.ShapeError;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What node converters use: the values imported so far, node attributes, and creation of nn
 * operations with inferred result types; an operation whose operands are all constants is
 * folded on the spot, so shape computations never reach the IR.
 */
final class NodeImporter {
  final IRContext context;
  final Builder builder;
  final Map<String, Value> values = new HashMap<>();
  final int opset;
  final Map<Value, String> argumentNames = new IdentityHashMap<>();
  NodeProto node;
  /** The node's position in the graph, for messages about nodes without names. */
  int index;
  Location location;

  NodeImporter(IRContext context, Builder builder, int opset) {
    this.context = context;
    this.builder = builder;
    this.opset = opset;
  }

  ImportException error(String message) {
    return new ImportException("node '" + nodeName() + "' (" + node.getOpType() + "): " + message);
  }

  /** The node's name, else its first output's; a node with neither is named by its position. */
  String nodeName() {
    if (!node.getName().isEmpty()) return node.getName();
    return node.getOutputCount() > 0 && !node.getOutput(0).isEmpty() ? node.getOutput(0) : "#" + index;
  }

  /** Input {@code i}, or null when absent or empty. */
  Value input(int i) throws ImportException {
    if (i >= node.getInputCount() || node.getInput(i).isEmpty()) return null;
    Value v = values.get(node.getInput(i));
    if (v == null) throw error("input '" + node.getInput(i) + "' is not defined before use");
    return v;
  }

  Value required(int i) throws ImportException {
    Value v = input(i);
    if (v == null) throw error("input #" + i + " is required");
    return v;
  }

  int numInputs() { return node.getInputCount(); }

  /** The constant value of {@code v}, or null when it is computed at run time. */
  static Tensor constant(Value v) {
    if (v != null && v.definingOp() instanceof dev.sol.dialect.nn.ConstantOp c) {
      return Tensor.fromAttribute((DenseElementsAttr) c.attribute("value"));
    }
    return null;
  }

  /**
   * Input {@code i} as a constant; the op needs it known when importing. A graph input is
   * never taken for a constant implicitly: its value must be given as a constant of the
   * import, and the error names the inputs the value comes from.
   */
  Tensor constantInput(int i, String what) throws ImportException {
    Value v = input(i);
    if (v == null) return null;
    Tensor t = constant(v);
    if (t != null) return t;
    List<String> sources = graphInputsBehind(v);
    if (sources.isEmpty()) throw error(what + " (input #" + i + ") must be a constant; values computed at run time are not supported");
    boolean many = sources.size() > 1;
    String problem = what + " (input #" + i + ") comes from graph input" + (many ? "s '" : " '") + String.join("', '", sources)
        + "', whose value" + (many ? "s" : "") + " must be known when compiling";
    throw new ConstantInputException(error(problem).getMessage(), sources, nodeName());
  }

  /** The graph inputs that {@code v} is computed from, in first-found order. */
  private List<String> graphInputsBehind(Value v) {
    LinkedHashSet<String> found = new LinkedHashSet<>();
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Value> work = new ArrayDeque<>(List.of(v));
    while (!work.isEmpty()) {
      Value w = work.pop();
      if (!seen.add(w)) continue;
      if (argumentNames.containsKey(w)) found.add(argumentNames.get(w));
      else if (w.definingOp() != null) work.addAll(w.definingOp().operands());
    }
    return new ArrayList<>(found);
  }

  /** Input {@code i} as constant integers; the node needs it, so its absence is an error. */
  long[] requiredInts(int i, String what) throws ImportException {
    Tensor t = constantInput(i, what);
    if (t == null) throw error(what + " (input #" + i + ") is required");
    return longs(t);
  }

  /** Integer list attribute {@code name}, which the node needs. */
  long[] requiredIntsAttr(String name) throws ImportException {
    long[] v = intsAttr(name);
    if (v == null) throw error("attribute '" + name + "' is required");
    return v;
  }

  static long[] longs(Tensor t) {
    long[] out = new long[t.size()];
    for (int i = 0; i < out.length; i++) out[i] = t.getLong(i);
    return out;
  }

  // ---- attributes

  AttributeProto attr(String name) {
    for (AttributeProto a : node.getAttributeList()) if (a.getName().equals(name)) return a;
    return null;
  }

  long intAttr(String name, long fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getI();
  }

  double floatAttr(String name, double fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getF();
  }

  String stringAttr(String name, String fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getS().toStringUtf8();
  }

  long[] intsAttr(String name) {
    AttributeProto a = attr(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  // ---- creation

  Value constantValue(Tensor t) { return constantValue((DenseElementsAttr) t.toAttribute()); }

  Value constantValue(DenseElementsAttr value) { return ConstantOp.create(builder, location, value).result(); }

  /** Creates nn op {@code name} with inferred result types, folding it when its operands are constants. */
  List<Value> emit(String name, List<Value> operands, DictionaryAttr attributes, int numResults) throws ImportException {
    if (numResults > NnOp.MAX_RESULTS) throw error(numResults + " outputs are more than SOL's limit of " + NnOp.MAX_RESULTS);
    OperationState s = new OperationState(name, location).operands(operands);
    s.attributes = attributes;
    for (int i = 0; i < numResults; i++) s.resultTypes.add(NoneType.INSTANCE);
    Operation op = Operation.create(context, s);
    List<Type> types;
    try {
      types = ((NnOp) op).inferResultTypes();
      checkShapes(types);
    } catch (ShapeError | ImportException e) {
      op.dropAllReferences();
      throw e instanceof ImportException ie ? ie : error(e.getMessage());
    } catch (ArithmeticException e) {
      op.dropAllReferences();
      throw error("the output shape overflows 64-bit arithmetic (" + e.getMessage() + ")");
    }
    for (int i = 0; i < numResults; i++) op.result(i).setType(types.get(i));
    boolean foldable = !operands.isEmpty() && ((NnOp) op).withinFoldLimit()
        && operands.stream().allMatch(v -> v.definingOp() instanceof ConstantOp);
    if (foldable) {
      List<Tensor> constants = new ArrayList<>();
      for (Value v : operands) constants.add(constant(v));
      try {
        List<Tensor> folded = ((NnOp) op).evaluate(constants);
        op.dropAllReferences();
        List<Value> out = new ArrayList<>();
        for (Tensor t : folded) out.add(constantValue(t));
        return out;
      } catch (ShapeError | IllegalArgumentException | ArithmeticException e) {
        // Fall through: keep the operation and let it run at run time.
      }
    }
    builder.insert(op);
    return op.results().stream().map(r -> (Value) r).toList();
  }

  /** Inferred shapes that wrapped around or went negative (absurd pads, reshape targets) stop the import at the node. */
  private void checkShapes(List<Type> types) throws ImportException {
    for (int i = 0; i < types.size(); i++) {
      if (!(types.get(i) instanceof ShapedType st) || !st.hasRank()) continue;
      String problem = concreteShapeProblem(st.shape());
      if (problem != null) throw error("output #" + i + " would have shape " + ShapedType.describe(st.shape()) + ", which " + problem);
    }
  }

  /** A constant's shape, checked before anything is allocated. */
  void checkShape(long[] shape, String what) throws ImportException {
    String problem = concreteShapeProblem(shape);
    if (problem != null) throw error(what + " " + ShapedType.describe(shape) + " " + problem);
  }

  /** Why a shape computed from the model's numbers is not one: as {@link ShapedType#shapeProblem}, where no dimension is dynamic. */
  private static String concreteShapeProblem(long[] shape) {
    for (long d : shape) if (d == ShapedType.DYNAMIC) return "has a negative dimension (" + d + ")";
    return ShapedType.shapeProblem(shape);
  }

  Value emit(String name, List<Value> operands, DictionaryAttr attributes) throws ImportException {
    return emit(name, operands, attributes, 1).getFirst();
  }

  static DictionaryAttr attrs(Object... keyValues) {
    DictionaryAttr d = DictionaryAttr.EMPTY;
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) d = d.with((String) keyValues[i], (Attribute) keyValues[i + 1]);
    }
    return d;
  }

  /** The element-wise nn op {@code op} (nn.relu, nn.exp, ...) of {@code v}. */
  Value unary(String op, Value v) throws ImportException { return emit(op, List.of(v), DictionaryAttr.EMPTY); }

  /** The broadcasting nn op {@code op} (nn.add, nn.mul, ...) of {@code a} and {@code b}. */
  Value binary(String op, Value a, Value b) throws ImportException { return emit(op, List.of(a, b), DictionaryAttr.EMPTY); }

  Value add(Value a, Value b) throws ImportException { return binary("nn.add", a, b); }

  Value sub(Value a, Value b) throws ImportException { return binary("nn.sub", a, b); }

  Value mul(Value a, Value b) throws ImportException { return binary("nn.mul", a, b); }

  Value transpose(Value v, long... perm) throws ImportException {
    return emit("nn.transpose", List.of(v), attrs("perm", DenseArrayAttr.i64(perm)));
  }

  /** A rank-0 constant {@code v} of {@code element}, which broadcasts against any shape. */
  Value scalar(double v, Type element) {
    return constantValue(DenseElementsAttr.ofDoubles(new RankedTensorType(new long[0], element), new double[] {v}));
  }

  /** nn.slice of {@code v} from {@code starts} to {@code ends} by {@code steps}, one entry per dimension. */
  Value slice(Value v, long[] starts, long[] ends, long[] steps) throws ImportException {
    return emit("nn.slice", List.of(v), attrs("starts", DenseArrayAttr.i64(starts), "ends", DenseArrayAttr.i64(ends), "steps", DenseArrayAttr.i64(steps)));
  }

  /** Elements [start, end) of {@code v} along {@code axis}, every {@code step}-th; the other dimensions whole. */
  Value slice(Value v, int axis, long start, long end, long step) throws ImportException {
    long[] s = shapeOf(v);
    long[] starts = new long[s.length];
    long[] ends = s.clone();
    long[] steps = new long[s.length];
    java.util.Arrays.fill(steps, 1);
    starts[axis] = start;
    ends[axis] = end;
    steps[axis] = step;
    return slice(v, starts, ends, steps);
  }

  Value reshape(Value v, long[] shape) throws ImportException {
    return emit("nn.reshape", List.of(v), attrs("shape", DenseArrayAttr.i64(shape)));
  }

  static long[] shapeOf(Value v) { return ((RankedTensorType) v.type()).shape(); }
}
