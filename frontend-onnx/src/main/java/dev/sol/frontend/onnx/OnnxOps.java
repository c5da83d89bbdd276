package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.longs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ONNX operators and how each becomes nn operations, following the semantics of the
 * model's opset (attributes that became inputs, changed defaults, old broadcasting).
 */
final class OnnxOps {
  private OnnxOps() {}

  interface Converter {
    List<Value> convert(NodeImporter n) throws ImportException;
  }

  static final Map<String, Converter> CONVERTERS = new TreeMap<>();

  private static void unary(String onnx, String nn) {
    CONVERTERS.put(onnx, n -> List.of(n.emit(nn, List.of(n.required(0)), DictionaryAttr.EMPTY)));
  }

  private static FloatAttr f64(double v) { return new FloatAttr(FloatType.F64, v); }

  static {
    SpatialOps.register();
    RecurrentOps.register();
    CompositeOps.register();
    EinsumOps.register();
    MaskOps.register();
    PositionOps.register();
    HyperbolicOps.register();
    unary("Relu", "nn.relu");
    unary("Sigmoid", "nn.sigmoid");
    unary("Tanh", "nn.tanh");
    unary("Exp", "nn.exp");
    unary("Log", "nn.log");
    unary("Sqrt", "nn.sqrt");
    unary("Abs", "nn.abs");
    unary("Neg", "nn.neg");
    unary("Erf", "nn.erf");
    unary("HardSwish", "nn.hard_swish");
    unary("Ceil", "nn.ceil");
    unary("Floor", "nn.floor");
    unary("Reciprocal", "nn.reciprocal");
    unary("Softplus", "nn.softplus");
    unary("Sin", "nn.sin");
    unary("Cos", "nn.cos");
    unary("Sign", "nn.sign");
    unary("Round", "nn.round");
    CONVERTERS.put("Identity", n -> List.of(n.required(0)));
    CONVERTERS.put("Dropout", n -> {
      Tensor training = n.numInputs() > 2 ? n.constantInput(2, "training_mode") : null;
      if (training != null && training.getLong(0) != 0) {
        // Training mode drops elements at random, which SOL does not do; with a ratio of 0 it keeps them all, as inference does.
        Tensor ratio = n.constantInput(1, "the ratio");
        double dropped = ratio == null ? 0.5 : ratio.get(0);
        if (dropped != 0) throw n.error("training mode with ratio " + dropped + " is not supported (it drops elements at random; inference only)");
      }
      Value x = n.required(0);
      if (n.node.getOutputCount() < 2 || n.node.getOutput(1).isEmpty()) return List.of(x);
      Tensor mask = Tensor.zeros(IntegerType.I1, shapeOf(x));
      for (int i = 0; i < mask.size(); i++) mask.setLong(i, 1);
      return List.of(x, n.constantValue(mask));
    });
    CONVERTERS.put("LeakyRelu", n -> List.of(n.emit("nn.leaky_relu", List.of(n.required(0)), attrs("alpha", f64(n.floatAttr("alpha", 0.01))))));
    CONVERTERS.put("HardSigmoid", n -> List.of(n.emit("nn.hard_sigmoid", List.of(n.required(0)),
        attrs("alpha", f64(n.floatAttr("alpha", 0.2)), "beta", f64(n.floatAttr("beta", 0.5))))));
    CONVERTERS.put("Gelu", n -> List.of(n.emit("nn.gelu", List.of(n.required(0)), attrs("approximate", new StringAttr(n.stringAttr("approximate", "none"))))));
    CONVERTERS.put("Clip", OnnxOps::clip);
    for (String[] b : new String[][] {{"Add", "nn.add"}, {"Sub", "nn.sub"}, {"Mul", "nn.mul"}, {"Div", "nn.div"}, {"Pow", "nn.pow"}}) {
      CONVERTERS.put(b[0], n -> List.of(binary(n, b[1])));
    }
    for (String[] v : new String[][] {{"Sum", "nn.add"}, {"Max", "nn.max"}, {"Min", "nn.min"}}) {
      CONVERTERS.put(v[0], n -> {
        Value acc = n.required(0);
        for (int i = 1; i < n.numInputs(); i++) acc = n.emit(v[1], List.of(acc, n.required(i)), DictionaryAttr.EMPTY);
        return List.of(acc);
      });
    }
    CONVERTERS.put("Where", n -> List.of(n.emit("nn.where", List.of(n.required(0), n.required(1), n.required(2)), DictionaryAttr.EMPTY)));
    for (String[] c : new String[][] {{"Equal", "eq"}, {"Less", "lt"}, {"LessOrEqual", "le"}, {"Greater", "gt"}, {"GreaterOrEqual", "ge"}}) {
      CONVERTERS.put(c[0], n -> List.of(binary(n, "nn.compare", attrs("predicate", new StringAttr(c[1])))));
    }
    CONVERTERS.put("Mod", n -> List.of(binary(n, "nn.mod", attrs("fmod", IntegerAttr.i64(n.intAttr("fmod", 0))))));
    for (String[] b : new String[][] {{"And", "nn.and"}, {"Or", "nn.or"}, {"Xor", "nn.xor"}}) {
      CONVERTERS.put(b[0], n -> List.of(binary(n, b[1])));
    }
    unary("Not", "nn.not");
    CONVERTERS.put("MatMul", n -> List.of(n.emit("nn.matmul", List.of(n.required(0), n.required(1)), DictionaryAttr.EMPTY)));
    CONVERTERS.put("Gemm", OnnxOps::gemm);
    CONVERTERS.put("Transpose", n -> {
      int rank = shapeOf(n.required(0)).length;
      long[] perm = n.intsAttr("perm");
      if (perm == null) {
        perm = new long[rank];
        for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
      }
      return List.of(n.emit("nn.transpose", List.of(n.required(0)), attrs("perm", DenseArrayAttr.i64(perm))));
    });
    CONVERTERS.put("Concat", n -> {
      List<Value> inputs = new ArrayList<>();
      for (int i = 0; i < n.numInputs(); i++) inputs.add(n.required(i));
      if (inputs.isEmpty()) throw n.error("needs at least one input");
      int axis = Reductions.axis(n.intAttr("axis", 1), shapeOf(inputs.getFirst()).length);
      return List.of(n.emit("nn.concat", inputs, attrs("axis", IntegerAttr.i64(axis))));
    });
    CONVERTERS.put("Softmax", n -> List.of(softmax(n, "nn.softmax")));
    CONVERTERS.put("LogSoftmax", n -> List.of(softmax(n, "nn.log_softmax")));
    CONVERTERS.put("ReduceSum", n -> List.of(reduce(n, "nn.reduce_sum", 13)));
    CONVERTERS.put("ReduceMean", n -> List.of(reduce(n, "nn.reduce_mean", 18)));
    CONVERTERS.put("ReduceMax", n -> List.of(reduce(n, "nn.reduce_max", 18)));
    CONVERTERS.put("ArgMax", n -> List.of(argReduce(n, "nn.argmax")));
    CONVERTERS.put("TopK", OnnxOps::topK);
    CONVERTERS.put("ArgMin", n -> List.of(argReduce(n, "nn.argmin")));
    CONVERTERS.put("ReduceMin", n -> List.of(reduce(n, "nn.reduce_min", 18)));
    CONVERTERS.put("ReduceProd", n -> List.of(reduce(n, "nn.reduce_prod", 18)));
    CONVERTERS.put("Reshape", OnnxOps::reshape);
    CONVERTERS.put("Flatten", n -> {
      long[] s = shapeOf(n.required(0));
      int axis = (int) n.intAttr("axis", 1);
      if (axis < 0) axis += s.length;
      if (axis < 0 || axis > s.length) throw n.error("axis " + n.intAttr("axis", 1) + " is out of range");
      return List.of(n.reshape(n.required(0), new long[] {Tensor.count(Arrays.copyOf(s, axis)), Tensor.count(Arrays.copyOfRange(s, axis, s.length))}));
    });
    CONVERTERS.put("Squeeze", OnnxOps::squeeze);
    CONVERTERS.put("Unsqueeze", OnnxOps::unsqueeze);
    CONVERTERS.put("Cast", n -> {
      Type element = TensorProtos.elementType((int) n.intAttr("to", 1));
      if (element == null) throw n.error("unsupported target type " + n.intAttr("to", 1));
      return List.of(cast(n, n.required(0), element));
    });
    CONVERTERS.put("CastLike", n -> List.of(cast(n, n.required(0), ((ShapedType) n.required(1).type()).element())));
    CONVERTERS.put("Size", n -> List.of(n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {Tensor.count(shapeOf(n.required(0)))}))));
    CONVERTERS.put("Constant", OnnxOps::constant);
    CONVERTERS.put("Shape", n -> {
      long[] s = shapeOf(n.required(0));
      int start = (int) n.intAttr("start", 0);
      int end = (int) n.intAttr("end", s.length);
      start = Math.max(0, Math.min(s.length, start < 0 ? start + s.length : start));
      end = Math.max(0, Math.min(s.length, end < 0 ? end + s.length : end));
      long[] part = Arrays.copyOfRange(s, start, Math.max(start, end));
      return List.of(n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {part.length}, part)));
    });
    CONVERTERS.put("ConstantOfShape", n -> {
      long[] shape = n.requiredInts(0, "the shape");
      var a = n.attr("value");
      Tensor fill = a == null ? Tensor.ofDoubles(FloatType.F32, new long[] {1}, new double[] {0}) : TensorProtos.toTensor(a.getT());
      n.checkShape(shape, "the shape");
      if (fill.size() != 1) throw n.error("the value must have one element, not " + fill.size());
      // A splat: one element stored, however large the shape (folding it further has its own limit).
      RankedTensorType type = new RankedTensorType(shape, fill.element());
      boolean empty = ShapedType.elementCount(shape) == 0;
      DenseElementsAttr value = fill.isFloat() ? DenseElementsAttr.ofDoubles(type, empty ? new double[0] : new double[] {fill.get(0)})
          : DenseElementsAttr.ofLongs(type, empty ? new long[0] : new long[] {fill.getLong(0)});
      return List.of(dev.sol.dialect.nn.ConstantOp.create(n.builder, n.location, value).result());
    });
  }

  private static List<Value> clip(NodeImporter n) throws ImportException {
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (n.opset < 11) {
      min = n.floatAttr("min", min);
      max = n.floatAttr("max", max);
    } else {
      Tensor lo = n.constantInput(1, "the minimum");
      Tensor hi = n.constantInput(2, "the maximum");
      if (lo != null) min = lo.get(0);
      if (hi != null) max = hi.get(0);
    }
    return List.of(n.emit("nn.clip", List.of(n.required(0)), attrs("min", f64(min), "max", f64(max))));
  }

  /** {@code x} converted to {@code element} (nn.cast), folded when x is a constant. */
  static Value cast(NodeImporter n, Value x, Type element) throws ImportException {
    Operation op = Operation.create(n.context, new OperationState("nn.cast", n.location).operands(x)
        .results(new RankedTensorType(shapeOf(x), element)));
    Tensor c = NodeImporter.constant(x);
    if (c != null) {
      Tensor folded = ((dev.sol.dialect.nn.NnOp) op).evaluate(List.of(c)).getFirst();
      op.dropAllReferences();
      return n.constantValue(folded);
    }
    return n.builder.insert(op).result(0);
  }

  /** Binary ops; before opset 7, {@code broadcast=1} aligns B with A starting at {@code axis}. */
  private static Value binary(NodeImporter n, String op) throws ImportException {
    return binary(n, op, DictionaryAttr.EMPTY);
  }

  /** The broadcasting nn op {@code op} with {@code attributes} of the node's two inputs, before opset 7 with its broadcast and axis attributes. */
  private static Value binary(NodeImporter n, String op, DictionaryAttr attributes) throws ImportException {
    Value a = n.required(0);
    Value b = n.required(1);
    if (n.opset < 7 && n.intAttr("broadcast", 0) != 0) {
      long[] as = shapeOf(a);
      long[] bs = shapeOf(b);
      if (n.attr("axis") != null && bs.length < as.length) {
        int axis = (int) n.intAttr("axis", 0);
        if (axis < 0) axis += as.length;
        long[] aligned = new long[as.length - axis];
        Arrays.fill(aligned, 1);
        System.arraycopy(bs, 0, aligned, 0, bs.length);
        b = n.reshape(b, aligned);
      }
    }
    return n.emit(op, List.of(a, b), attributes);
  }

  private static List<Value> gemm(NodeImporter n) throws ImportException {
    List<Value> operands = new ArrayList<>(List.of(n.required(0), n.required(1)));
    Value c = n.input(2);
    if (c != null) operands.add(c);
    DictionaryAttr a = attrs("alpha", f64(n.floatAttr("alpha", 1)), "beta", f64(n.floatAttr("beta", 1)),
        "trans_a", IntegerAttr.i64(n.intAttr("transA", 0)), "trans_b", IntegerAttr.i64(n.intAttr("transB", 0)));
    return List.of(n.emit("nn.gemm", operands, a));
  }

  /** Before opset 13, softmax flattens to 2-D at axis (default 1); from 13 on it works on one axis (default -1). */
  private static Value softmax(NodeImporter n, String op) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    if (n.opset >= 13) {
      return n.emit(op, List.of(x), attrs("axis", IntegerAttr.i64(Reductions.axis(n.intAttr("axis", -1), s.length))));
    }
    int axis = Reductions.axis(n.intAttr("axis", 1), s.length);
    Value flat = n.reshape(x, new long[] {Tensor.count(Arrays.copyOf(s, axis)), Tensor.count(Arrays.copyOfRange(s, axis, s.length))});
    Value y = n.emit(op, List.of(flat), attrs("axis", IntegerAttr.i64(1)));
    return n.reshape(y, s);
  }

  /**
   * TopK: k as an attribute before opset 10, then as a constant input of one element; axis
   * (default -1), largest (opset 11 on, default 1). The results are always sorted, which
   * sorted = 0 allows.
   */
  private static List<Value> topK(NodeImporter n) throws ImportException {
    long k;
    if (n.opset < 10) {
      if (n.attr("k") == null) throw n.error("attribute 'k' is required");
      k = n.intAttr("k", 0);
    } else {
      long[] ks = n.requiredInts(1, "K");
      if (ks.length != 1) throw n.error("K must hold one value, got " + ks.length);
      k = ks[0];
    }
    return n.emit("nn.top_k", List.of(n.required(0)), attrs("k", IntegerAttr.i64(k), "axis", IntegerAttr.i64(n.intAttr("axis", -1)), "largest",
        IntegerAttr.i64(n.intAttr("largest", 1))), 2);
  }

  /** ArgMax / ArgMin: axis (default 0), keepdims (default 1), select_last_index (opset 12 on, default 0). */
  private static Value argReduce(NodeImporter n, String op) throws ImportException {
    return n.emit(op, List.of(n.required(0)), attrs("axis", IntegerAttr.i64(n.intAttr("axis", 0)), "keepdims", IntegerAttr.i64(n.intAttr("keepdims", 1)),
        "select_last_index", IntegerAttr.i64(n.intAttr("select_last_index", 0))));
  }

  /** Axes moved from an attribute to an input at {@code inputSince}; empty axes mean all, unless noop_with_empty_axes. */
  private static Value reduce(NodeImporter n, String op, int inputSince) throws ImportException {
    Value x = n.required(0);
    long[] axes = n.opset >= inputSince ? (n.input(1) == null ? null : longs(n.constantInput(1, "the axes"))) : n.intsAttr("axes");
    if ((axes == null || axes.length == 0) && n.intAttr("noop_with_empty_axes", 0) != 0) return x;
    DictionaryAttr a = attrs("axes", axes == null || axes.length == 0 ? null : DenseArrayAttr.i64(axes),
        "keepdims", IntegerAttr.i64(n.intAttr("keepdims", 1)));
    return n.emit(op, List.of(x), a);
  }

  private static List<Value> reshape(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] in = shapeOf(x);
    long[] target = n.opset < 5 ? n.requiredIntsAttr("shape") : n.requiredInts(1, "the shape");
    boolean allowZero = n.intAttr("allowzero", 0) != 0;
    long[] out = target.clone();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0 && !allowZero) {
        if (i >= in.length) throw n.error("shape entry " + i + " copies a dimension the input does not have");
        out[i] = in[i];
      }
      if (out[i] == -1) {
        if (inferred >= 0) throw n.error("the shape has more than one -1");
        inferred = i;
      } else if (out[i] < 0) {
        throw n.error("shape entry " + i + " is " + out[i] + "; only -1 (inferred) may be negative");
      } else {
        known = saturatingProduct(known, out[i]);
      }
    }
    if (inferred >= 0) {
      long total = ShapedType.elementCount(in);
      if (known == 0 || total % known != 0) throw n.error("cannot infer the -1 in " + Arrays.toString(target) + " for " + Arrays.toString(in));
      out[inferred] = total / known;
    }
    return List.of(n.reshape(x, out));
  }

  /** a * b for non-negative factors, at most MAX_ELEMENTS + 1: a larger product is rejected with the output shape anyway. */
  private static long saturatingProduct(long a, long b) {
    long cap = ShapedType.MAX_ELEMENTS + 1;
    if (a == 0 || b == 0) return 0;
    return a > cap / b ? cap : Math.min(cap, a * b);
  }

  private static long[] axesInputOrAttr(NodeImporter n, String what) throws ImportException {
    if (n.opset >= 13) return n.input(1) == null ? null : longs(n.constantInput(1, what));
    return n.intsAttr("axes");
  }

  private static List<Value> squeeze(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long[] axes = axesInputOrAttr(n, "the axes");
    boolean[] drop = new boolean[s.length];
    if (axes == null) {
      for (int i = 0; i < s.length; i++) drop[i] = s[i] == 1;
    } else {
      for (long a : axes) {
        int d = Reductions.axis(a, s.length);
        if (s[d] != 1) throw n.error("cannot squeeze dimension " + d + " of size " + s[d]);
        drop[d] = true;
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < s.length; i++) if (!drop[i]) out.add(s[i]);
    return List.of(n.reshape(x, out.stream().mapToLong(Long::longValue).toArray()));
  }

  private static List<Value> unsqueeze(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long[] axes = axesInputOrAttr(n, "the axes");
    if (axes == null) throw n.error("needs axes");
    int rank = s.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long a : axes) {
      int d = Reductions.axis(a, rank);
      if (inserted[d]) throw n.error("axes name dimension " + d + " twice: " + java.util.Arrays.toString(axes));
      inserted[d] = true;
    }
    long[] out = new long[rank];
    int src = 0;
    for (int i = 0; i < rank; i++) out[i] = inserted[i] ? 1 : s[src++];
    return List.of(n.reshape(x, out));
  }

  private static List<Value> constant(NodeImporter n) throws ImportException {
    var a = n.node.getAttributeCount() == 1 ? n.node.getAttribute(0) : null;
    if (a == null) throw n.error("expects exactly one attribute");
    Tensor t = switch (a.getName()) {
      case "value" -> TensorProtos.toTensor(a.getT());
      case "value_float" -> Tensor.ofDoubles(FloatType.F32, new long[0], new double[] {a.getF()});
      case "value_floats" -> Tensor.ofDoubles(FloatType.F32, new long[] {a.getFloatsCount()},
          a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
      case "value_int" -> Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {a.getI()});
      case "value_ints" -> Tensor.ofLongs(IntegerType.I64, new long[] {a.getIntsCount()},
          a.getIntsList().stream().mapToLong(Long::longValue).toArray());
      default -> throw n.error("unsupported constant attribute '" + a.getName() + "'");
    };
    return List.of(n.constantValue(t));
  }
}
