package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.CompositeOps.floatInput;
import static dev.sol.frontend.onnx.CompositeOps.scalar;
import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX operators that import as comparisons and a choice (nn.compare, nn.where): IsNaN (x
 * differs from itself), IsInf, ThresholdedRelu, Shrink, Trilu (the difference of column and
 * row positions compared with k), Hardmax (the argmax compared with the positions along the
 * axis) and OneHot (the indices compared with the positions along the new axis).
 */
final class MaskOps {
  private MaskOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("IsNaN", n -> {
      Value x = floatInput(n);
      return List.of(n.unary("nn.not", compare(n, "eq", x, x)));
    });
    OnnxOps.CONVERTERS.put("IsInf", MaskOps::isInf);
    OnnxOps.CONVERTERS.put("ThresholdedRelu", n -> {
      Value x = floatInput(n);
      return List.of(where(n, compare(n, "gt", x, scalar(n, n.floatAttr("alpha", 1))), x, scalar(n, 0)));
    });
    OnnxOps.CONVERTERS.put("Shrink", n -> {
      Value x = floatInput(n);
      double lambd = n.floatAttr("lambd", 0.5);
      double bias = n.floatAttr("bias", 0);
      Value above = where(n, compare(n, "gt", x, scalar(n, lambd)), n.sub(x, scalar(n, bias)), scalar(n, 0));
      return List.of(where(n, compare(n, "lt", x, scalar(n, -lambd)), n.add(x, scalar(n, bias)), above));
    });
    OnnxOps.CONVERTERS.put("Trilu", MaskOps::trilu);
    OnnxOps.CONVERTERS.put("Hardmax", MaskOps::hardmax);
    OnnxOps.CONVERTERS.put("OneHot", MaskOps::oneHot);
  }

  /**
   * Hardmax: 1 at the first largest element along the axis, 0 elsewhere. From opset 13 along
   * one axis (default -1); before, over the input flattened to 2-D at the axis (default 1).
   */
  private static List<Value> hardmax(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    long[] s = shapeOf(x);
    // No elements: the result is as empty as the input (an argmax along an empty axis has no position).
    if (Tensor.count(s) == 0) return List.of(x);
    boolean coerced = n.opset < 13;
    int axis = Reductions.axis(n.intAttr("axis", coerced ? 1 : -1), s.length);
    Value v = coerced ? n.reshape(x, new long[] {Tensor.count(Arrays.copyOf(s, axis)), Tensor.count(Arrays.copyOfRange(s, axis, s.length))}) : x;
    int along = coerced ? 1 : axis;
    long[] vs = shapeOf(v);
    Value argmax = n.emit("nn.argmax", List.of(v), attrs("axis", IntegerAttr.i64(along), "keepdims", IntegerAttr.i64(1), "select_last_index", IntegerAttr.i64(0)));
    Value mask = compare(n, "eq", positions(n, vs.length, along, vs[along]), argmax);
    Value y = where(n, mask, scalar(n, 1), scalar(n, 0));
    return List.of(coerced ? n.reshape(y, s) : y);
  }

  /**
   * OneHot: a new axis of depth positions (default last), on where the position is the index (a
   * negative index counts from the end), off elsewhere; depth and values [off, on] constants.
   */
  private static List<Value> oneHot(NodeImporter n) throws ImportException {
    Value indices = n.required(0);
    Tensor depthTensor = n.constantInput(1, "depth");
    Tensor values = n.constantInput(2, "values");
    if (depthTensor == null || depthTensor.size() != 1) throw n.error("depth must be a constant of one element");
    if (values == null || values.size() != 2) throw n.error("values must be a constant of two elements [off, on]");
    long depth = (long) depthTensor.get(0);
    if (depth < 1) throw n.error("depth must be at least 1, got " + depth);
    long[] is = shapeOf(indices);
    int axis = Reductions.axis(n.intAttr("axis", -1), is.length + 1);
    Value index = ((ShapedType) indices.type()).element().equals(IntegerType.I64) ? indices : OnnxOps.cast(n, indices, IntegerType.I64);
    Value depthValue = n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {depth}));
    Value zero = n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {0}));
    index = where(n, compare(n, "lt", index, zero), n.add(index, depthValue), index);
    long[] expanded = new long[is.length + 1];
    for (int d = 0, j = 0; d < expanded.length; d++) expanded[d] = d == axis ? 1 : is[j++];
    Value mask = compare(n, "eq", n.reshape(index, expanded), positions(n, expanded.length, axis, depth));
    return List.of(where(n, mask, constantOf(n, values, 1), constantOf(n, values, 0)));
  }

  /** Element {@code i} of {@code t} as a scalar constant of its type. */
  private static Value constantOf(NodeImporter n, Tensor t, int i) {
    Tensor s = Tensor.zeros(t.element(), new long[0]);
    if (t.isFloat()) s.set(0, t.get(i));
    else s.setLong(0, t.getLong(i));
    return n.constantValue(s);
  }

  /** The most positions along one axis that {@link #positions} makes a constant of (32 MiB of i64). */
  static final long MAX_POSITIONS = 1L << 22;

  /** The i64 constant 0, 1, ..., count - 1 along {@code axis} of a tensor of {@code rank} dimensions, the others 1. */
  private static Value positions(NodeImporter n, int rank, int axis, long count) throws ImportException {
    if (count > MAX_POSITIONS) throw n.error("an axis of " + count + " positions is more than SOL's limit of " + MAX_POSITIONS + " for this operator");
    long[] shape = new long[rank];
    Arrays.fill(shape, 1);
    shape[axis] = count;
    long[] values = new long[Math.toIntExact(count)];
    for (int i = 0; i < values.length; i++) values[i] = i;
    return n.constantValue(Tensor.ofLongs(IntegerType.I64, shape, values));
  }

  /** IsInf: x == +inf where detect_positive (default 1), x == -inf where detect_negative (default 1). */
  private static List<Value> isInf(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    boolean positive = n.intAttr("detect_positive", 1) != 0;
    boolean negative = n.intAttr("detect_negative", 1) != 0;
    Value pos = positive ? compare(n, "eq", x, scalar(n, Double.POSITIVE_INFINITY)) : null;
    Value neg = negative ? compare(n, "eq", x, scalar(n, Double.NEGATIVE_INFINITY)) : null;
    if (pos != null && neg != null) return List.of(n.binary("nn.or", pos, neg));
    if (pos != null || neg != null) return List.of(pos != null ? pos : neg);
    return List.of(n.constantValue(Tensor.zeros(IntegerType.I1, shapeOf(x))));
  }

  /**
   * Trilu: the elements of the last two dimensions' upper triangle (j - i >= k; upper = 1, the
   * default) or lower one (j - i <= k), the others zero: nn.where with the mask compare(j - i,
   * k), j - i the difference of two position constants (folded to a constant mask when small),
   * broadcast over the leading dimensions. k (input #1, one element) must be a constant.
   */
  private static List<Value> trilu(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    if (s.length < 2) throw n.error("expects a tensor of rank 2 or more, got rank " + s.length);
    Tensor kt = n.numInputs() > 1 ? n.constantInput(1, "k") : null;
    if (kt != null && (kt.size() != 1 || kt.isFloat())) throw n.error("k must be an integer constant of one element");
    long k = kt == null ? 0 : kt.getLong(0);
    Value offset = n.sub(positions(n, 2, 1, s[s.length - 1]), positions(n, 2, 0, s[s.length - 2]));
    Value bound = n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {k}));
    Value mask = compare(n, n.intAttr("upper", 1) != 0 ? "ge" : "le", offset, bound);
    return List.of(where(n, mask, x, n.constantValue(Tensor.zeros(((ShapedType) x.type()).element(), new long[0]))));
  }

  /** nn.compare of a and b with {@code predicate} (eq, lt, le, gt, ge). */
  static Value compare(NodeImporter n, String predicate, Value a, Value b) throws ImportException {
    return n.emit("nn.compare", List.of(a, b), attrs("predicate", new StringAttr(predicate)));
  }

  /**
   * i64 {@code indices} with each negative entry counted from the end of its axis: plus
   * {@code lengths} (the axis lengths, broadcast against the indices) where below 0. The zero
   * is made first and the lengths after the comparison, so the ops come in one fixed order.
   */
  static Value wrapNegative(NodeImporter n, Value indices, Tensor lengths) throws ImportException {
    Value zero = n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {0}));
    Value negative = compare(n, "lt", indices, zero);
    return where(n, negative, n.add(indices, n.constantValue(lengths)), indices);
  }

  /** nn.where: x where c holds, else y. */
  static Value where(NodeImporter n, Value c, Value x, Value y) throws ImportException {
    return n.emit("nn.where", List.of(c, x, y), DictionaryAttr.EMPTY);
  }

}
