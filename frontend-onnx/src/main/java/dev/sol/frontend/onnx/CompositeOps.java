package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.longs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

/**
 * ONNX operators that import as a few nn operations each: activations built from relu, min,
 * exp and friends (PRelu, Elu, Selu, Celu, Mish, Softsign), the reductions ONNX defines on top
 * of a sum (ReduceL1, ReduceL2, ReduceSumSquare, ReduceLogSum, ReduceLogSumExp), LpNormalization
 * and GroupNormalization, DepthToSpace and SpaceToDepth as reshape-transpose-reshape, Expand
 * and Tile by broadcasting and concatenation, Mean, Range of constant bounds, and CumSum as a
 * masked sum. nn-fuse
 * then merges the element-wise parts into one loop nest, so none needs an op of its own.
 */
final class CompositeOps {
  private CompositeOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("PRelu", n -> {
      Value x = floatInput(n);
      return List.of(n.add(relu(n, x), n.mul(n.required(1), min(n, x, scalar(n, 0)))));
    });
    OnnxOps.CONVERTERS.put("Elu", n -> List.of(elu(n, floatInput(n), n.floatAttr("alpha", 1))));
    OnnxOps.CONVERTERS.put("Selu", n -> List.of(n.mul(elu(n, floatInput(n), n.floatAttr("alpha", 1.67326319217681884765625)),
        scalar(n, n.floatAttr("gamma", 1.05070102214813232421875)))));
    OnnxOps.CONVERTERS.put("Celu", n -> {
      // max(0, x) + min(0, alpha (exp(x / alpha) - 1)), with exp taken of min(x, 0) so that it cannot overflow.
      Value x = floatInput(n);
      double alpha = n.floatAttr("alpha", 1);
      Value negative = n.unary("nn.exp", n.mul(min(n, x, scalar(n, 0)), scalar(n, 1 / alpha)));
      return List.of(n.add(relu(n, x), n.mul(n.sub(negative, scalar(n, 1)), scalar(n, alpha))));
    });
    OnnxOps.CONVERTERS.put("Mish", n -> {
      Value x = floatInput(n);
      return List.of(n.mul(x, n.unary("nn.tanh", n.unary("nn.softplus", x))));
    });
    OnnxOps.CONVERTERS.put("Softsign", n -> {
      Value x = floatInput(n);
      return List.of(n.emit("nn.div", List.of(x, n.add(n.unary("nn.abs", x), scalar(n, 1))), DictionaryAttr.EMPTY));
    });
    OnnxOps.CONVERTERS.put("Mean", n -> {
      Value acc = floatInput(n);
      for (int i = 1; i < n.numInputs(); i++) acc = n.add(acc, n.required(i));
      return List.of(n.numInputs() == 1 ? acc : n.mul(acc, scalar(n, 1.0 / n.numInputs())));
    });
    OnnxOps.CONVERTERS.put("ReduceSumSquare", n -> List.of(reduceSum(n, n.mul(floatInput(n), floatInput(n)))));
    OnnxOps.CONVERTERS.put("ReduceL1", n -> List.of(reduceSum(n, n.unary("nn.abs", floatInput(n)))));
    OnnxOps.CONVERTERS.put("ReduceL2", n -> List.of(n.unary("nn.sqrt", reduceSum(n, n.mul(floatInput(n), floatInput(n))))));
    OnnxOps.CONVERTERS.put("ReduceLogSum", n -> List.of(n.unary("nn.log", reduceSum(n, floatInput(n)))));
    OnnxOps.CONVERTERS.put("ReduceLogSumExp", CompositeOps::reduceLogSumExp);
    OnnxOps.CONVERTERS.put("LpNormalization", CompositeOps::lpNormalization);
    OnnxOps.CONVERTERS.put("GroupNormalization", CompositeOps::groupNormalization);
    OnnxOps.CONVERTERS.put("DepthToSpace", CompositeOps::depthToSpace);
    OnnxOps.CONVERTERS.put("SpaceToDepth", CompositeOps::spaceToDepth);
    OnnxOps.CONVERTERS.put("Expand", CompositeOps::expand);
    OnnxOps.CONVERTERS.put("Tile", CompositeOps::tile);
    OnnxOps.CONVERTERS.put("Range", CompositeOps::range);
    OnnxOps.CONVERTERS.put("CumSum", CompositeOps::cumSum);
    OnnxOps.CONVERTERS.put("MeanVarianceNormalization", CompositeOps::meanVarianceNormalization);
    OnnxOps.CONVERTERS.put("RMSNormalization", CompositeOps::rmsNormalization);
    OnnxOps.CONVERTERS.put("Swish", n -> {
      // x * sigmoid(alpha x); with alpha 1 the SiLU that nn-fuse puts into a product's epilogue.
      Value x = floatInput(n);
      double alpha = n.floatAttr("alpha", 1);
      return List.of(n.mul(x, n.unary("nn.sigmoid", alpha == 1 ? x : n.mul(x, scalar(n, alpha)))));
    });
  }

  /**
   * RMSNormalization (opset 23): x / sqrt(mean(x^2 over the axes from axis on) + epsilon) times
   * the scale, which broadcasts against those axes. With stash_type 1 (float, the default) a
   * 16-bit input is normalized in f32 and the result converted back; another stash_type is refused.
   */
  private static List<Value> rmsNormalization(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    Type element = element(x);
    int rank = shapeOf(x).length;
    int axis = Reductions.axis(n.intAttr("axis", -1), rank);
    long stash = n.intAttr("stash_type", 1);
    if (stash != 1) throw n.error("stash_type " + stash + " is not supported (only 1, float)");
    boolean widen = !element.equals(FloatType.F32) && !element.equals(FloatType.F64);
    Value v = widen ? OnnxOps.cast(n, x, FloatType.F32) : x;
    long[] axes = LongStream.range(axis, rank).toArray();
    Value meanSquare = reduce(n, "nn.reduce_mean", n.mul(v, v), axes, true);
    Value rms = n.unary("nn.sqrt", n.add(meanSquare, n.scalar(n.floatAttr("epsilon", 1e-5), element(v))));
    Value normalized = n.emit("nn.div", List.of(v, rms), DictionaryAttr.EMPTY);
    if (widen) normalized = OnnxOps.cast(n, normalized, element);
    return List.of(n.mul(normalized, n.required(1)));
  }

  /**
   * MeanVarianceNormalization: (x - mean) / (sqrt(variance) + 1e-9) over the axes (default 0,
   * 2, 3), the variance taken as the mean of squared deviations (ONNX's function writes E[x^2] -
   * E[x]^2, which loses the digits of a small variance beside a large mean).
   */
  private static List<Value> meanVarianceNormalization(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    long[] axes = n.intsAttr("axes");
    if (axes == null) axes = new long[] {0, 2, 3};
    Value deviation = n.sub(x, reduce(n, "nn.reduce_mean", x, axes, true));
    Value variance = reduce(n, "nn.reduce_mean", n.mul(deviation, deviation), axes, true);
    return List.of(n.emit("nn.div", List.of(deviation, n.add(n.unary("nn.sqrt", variance), scalar(n, 1e-9))), DictionaryAttr.EMPTY));
  }

  /** The most elements of CumSum's masked copy (rows x length x length). */
  static final long MAX_CUMSUM_ELEMENTS = 1L << 24;

  /**
   * CumSum as a masked sum: the axis moved last and the rest flattened into rows, each row
   * copied once per output j with the inputs that do not count towards j set to zero (nn.where
   * with a constant triangle: i <= j; i < j when exclusive; the other way round when reversed),
   * then summed along the copy (nn.reduce_sum). A product with a triangle of ones would multiply
   * the others by zero, and an infinite or NaN input would make every output of its row NaN.
   * Its rows x length^2 elements are few at the lengths it is used for (position ids from an
   * attention mask, a running sum over a short axis); more than {@link #MAX_CUMSUM_ELEMENTS}
   * are refused. The inputs are added in index order also when reversed.
   */
  private static List<Value> cumSum(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] shape = shapeOf(x);
    Type element = element(x);
    if (!(element instanceof FloatType) && !(element instanceof IntegerType it && (it.width() == 32 || it.width() == 64))) {
      throw n.error("expects floats or 32- or 64-bit integers, got " + element);
    }
    long[] axisValues = n.requiredInts(1, "the axis");
    if (axisValues.length != 1) throw n.error("the axis must hold one value, got " + axisValues.length);
    if (shape.length == 0) throw n.error("expects an input of rank 1 or more");
    for (long d : shape) if (d < 0) throw n.error("needs a static shape; give --shape");
    int axis = Reductions.axis(axisValues[0], shape.length);
    long length = shape[axis];
    long rows = Arrays.stream(shape).reduce(1, (a, b) -> a * b) / Math.max(1, length);
    if (rows * length * length > MAX_CUMSUM_ELEMENTS) {
      throw n.error("a running sum over " + length + " elements in " + rows + " rows needs " + rows * length * length
          + " elements, more than SOL's limit of " + MAX_CUMSUM_ELEMENTS);
    }
    boolean exclusive = n.intAttr("exclusive", 0) != 0;
    boolean reverse = n.intAttr("reverse", 0) != 0;
    // counts[j][i]: whether input i counts towards output j.
    long[] counts = new long[(int) (length * length)];
    for (int j = 0; j < length; j++) {
      for (int i = 0; i < length; i++) {
        if (reverse ? (exclusive ? i > j : i >= j) : (exclusive ? i < j : i <= j)) counts[(int) (j * length + i)] = 1;
      }
    }
    Value mask = n.constantValue(DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {length, length}, IntegerType.I1), counts));
    long[] perm = new long[shape.length];
    long[] inverse = new long[shape.length];
    long[] moved = new long[shape.length];
    for (int d = 0, k = 0; d < shape.length; d++) if (d != axis) perm[k++] = d;
    perm[shape.length - 1] = axis;
    for (int d = 0; d < shape.length; d++) {
      inverse[(int) perm[d]] = d;
      moved[d] = shape[(int) perm[d]];
    }
    boolean last = axis == shape.length - 1;
    Value copies = n.reshape(last ? x : n.transpose(x, perm), new long[] {rows, 1, length});
    Value zero = element instanceof FloatType ? n.scalar(0, element)
        : n.constantValue(DenseElementsAttr.ofLongs(new RankedTensorType(new long[0], element), new long[] {0}));
    Value kept = n.emit("nn.where", List.of(mask, copies, zero), DictionaryAttr.EMPTY);
    Value sums = n.reshape(reduce(n, "nn.reduce_sum", kept, new long[] {2}, false), moved);
    return List.of(last ? sums : n.transpose(sums, inverse));
  }

  /** Input 0, which these compositions need as a floating-point tensor. */
  static Value floatInput(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    if (!(element(x) instanceof FloatType)) throw n.error("expects a floating-point input, got " + x.type());
    return x;
  }

  private static Type element(Value v) { return ((ShapedType) v.type()).element(); }

  /** x where x > 0, alpha (exp(x) - 1) elsewhere: relu(x) + alpha (exp(min(x, 0)) - 1). */
  private static Value elu(NodeImporter n, Value x, double alpha) throws ImportException {
    Value negative = n.sub(n.unary("nn.exp", min(n, x, scalar(n, 0))), scalar(n, 1));
    return n.add(relu(n, x), n.mul(negative, scalar(n, alpha)));
  }

  /** The node's reduction axes (an input from opset 18, an attribute before), null for all. */
  private static long[] axes(NodeImporter n) throws ImportException {
    long[] axes = n.opset >= 18 ? (n.input(1) == null ? null : longs(n.constantInput(1, "the axes"))) : n.intsAttr("axes");
    return axes == null || axes.length == 0 ? null : axes;
  }

  private static Value reduce(NodeImporter n, String op, Value x, long[] axes, boolean keepdims) throws ImportException {
    return n.emit(op, List.of(x), attrs("axes", axes == null ? null : DenseArrayAttr.i64(axes), "keepdims", IntegerAttr.i64(keepdims ? 1 : 0)));
  }

  private static Value reduceSum(NodeImporter n, Value x) throws ImportException {
    long[] axes = axes(n);
    if (axes == null && n.intAttr("noop_with_empty_axes", 0) != 0) return x;
    return reduce(n, "nn.reduce_sum", x, axes, n.intAttr("keepdims", 1) != 0);
  }

  /** log(sum(exp(x - max))) + max, the maximum taken out so that exp cannot overflow. */
  private static List<Value> reduceLogSumExp(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    long[] axes = axes(n);
    if (axes == null && n.intAttr("noop_with_empty_axes", 0) != 0) return List.of(x);
    Value max = reduce(n, "nn.reduce_max", x, axes, true);
    Value sum = reduce(n, "nn.reduce_sum", n.unary("nn.exp", n.sub(x, max)), axes, true);
    Value result = n.add(n.unary("nn.log", sum), max);
    if (n.intAttr("keepdims", 1) == 0) result = n.reshape(result, shapeOf(reduce(n, "nn.reduce_max", x, axes, false)));
    return List.of(result);
  }

  private static List<Value> lpNormalization(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    long p = n.intAttr("p", 2);
    int axis = Reductions.axis(n.intAttr("axis", -1), shapeOf(x).length);
    long[] axes = {axis};
    Value norm = switch ((int) p) {
      case 1 -> reduce(n, "nn.reduce_sum", n.unary("nn.abs", x), axes, true);
      case 2 -> n.unary("nn.sqrt", reduce(n, "nn.reduce_sum", n.mul(x, x), axes, true));
      default -> throw n.error("p must be 1 or 2, got " + p);
    };
    return List.of(n.emit("nn.div", List.of(x, norm), DictionaryAttr.EMPTY));
  }

  /**
   * Statistics over each group of channels (a layer norm of [N, G, C/G * spatial]), then a
   * per-channel scale and bias; opset 18's per-group scale and bias are repeated per channel.
   */
  private static List<Value> groupNormalization(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    long[] s = shapeOf(x);
    if (s.length < 3) throw n.error("expects an input of rank 3 or more (batch, channels, spatial dimensions), got rank " + s.length);
    long groups = n.intAttr("num_groups", 0);
    if (n.attr("num_groups") == null) throw n.error("attribute 'num_groups' is required");
    if (groups <= 0 || s[1] % groups != 0) throw n.error("num_groups " + groups + " does not divide the " + s[1] + " channels");
    long perGroup = Tensor.count(s) / s[0] / groups;
    Value grouped = n.reshape(x, new long[] {s[0], groups, perGroup});
    Value ones = n.constantValue(DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {perGroup}, element(x)), new double[] {1}));
    Value normalized = n.emit("nn.layer_norm", List.of(grouped, ones), attrs("axis", IntegerAttr.i64(2),
        "epsilon", new FloatAttr(FloatType.F64, n.floatAttr("epsilon", 1e-5))), 3).getFirst();
    long[] perChannel = new long[s.length - 1];
    Arrays.fill(perChannel, 1);
    perChannel[0] = s[1];
    Value scale = channelParameter(n, 1, "scale", groups, s[1], perChannel);
    Value bias = channelParameter(n, 2, "bias", groups, s[1], perChannel);
    return List.of(n.add(n.mul(n.reshape(normalized, s), scale), bias));
  }

  /** Input {@code i} as a [C, 1, ...] tensor: given per channel (opset 21), or per group (opset 18) and repeated. */
  private static Value channelParameter(NodeImporter n, int i, String what, long groups, long channels, long[] shape) throws ImportException {
    Value v = n.required(i);
    long[] vs = shapeOf(v);
    if (vs.length != 1 || (vs[0] != channels && vs[0] != groups)) {
      throw n.error(what + " has shape " + ShapedType.describe(vs) + ", expected [" + channels + "] (per channel) or [" + groups + "] (per group)");
    }
    if (vs[0] != channels) {
      Tensor perGroup = n.constantInput(i, "the per-group " + what);
      Tensor repeated = Tensor.zeros(perGroup.element(), new long[] {channels});
      for (int c = 0; c < channels; c++) repeated.set(c, perGroup.get((int) (c / (channels / groups))));
      v = n.constantValue(repeated);
    }
    return n.reshape(v, shape);
  }

  private static List<Value> depthToSpace(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long b = blocksize(n, s);
    if (s[1] % (b * b) != 0) throw n.error("blocksize " + b + " squared does not divide the " + s[1] + " channels");
    long c = s[1] / (b * b);
    String mode = n.stringAttr("mode", "DCR");
    Value blocks;
    switch (mode) {
      case "DCR" -> blocks = n.transpose(n.reshape(x, new long[] {s[0], b, b, c, s[2], s[3]}), 0, 3, 4, 1, 5, 2);
      case "CRD" -> blocks = n.transpose(n.reshape(x, new long[] {s[0], c, b, b, s[2], s[3]}), 0, 1, 4, 2, 5, 3);
      default -> throw n.error("mode must be DCR or CRD, got '" + mode + "'");
    }
    return List.of(n.reshape(blocks, new long[] {s[0], c, s[2] * b, s[3] * b}));
  }

  private static List<Value> spaceToDepth(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long b = blocksize(n, s);
    if (s[2] % b != 0 || s[3] % b != 0) throw n.error("blocksize " + b + " does not divide the " + s[2] + "x" + s[3] + " image");
    Value blocks = n.transpose(n.reshape(x, new long[] {s[0], s[1], s[2] / b, b, s[3] / b, b}), 0, 3, 5, 1, 2, 4);
    return List.of(n.reshape(blocks, new long[] {s[0], s[1] * b * b, s[2] / b, s[3] / b}));
  }

  private static long blocksize(NodeImporter n, long[] s) throws ImportException {
    if (s.length != 4) throw n.error("expects a 4-D input, got rank " + s.length);
    long b = n.intAttr("blocksize", 0);
    if (b <= 0) throw n.error("blocksize must be positive, got " + b);
    return b;
  }

  /** Broadcasts x to the numpy-broadcast shape of x and the given shape, by adding zeros of just the new extent. */
  private static List<Value> expand(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] xs = shapeOf(x);
    long[] target = n.requiredInts(1, "the shape");
    int rank = Math.max(xs.length, target.length);
    long[] out = new long[rank];
    long[] extent = new long[rank];
    for (int d = 0; d < rank; d++) {
      long a = d - (rank - xs.length) >= 0 ? xs[d - (rank - xs.length)] : 1;
      long t = d - (rank - target.length) >= 0 ? target[d - (rank - target.length)] : 1;
      if (a != t && a != 1 && t != 1) throw n.error("cannot broadcast shape " + ShapedType.describe(xs) + " to " + Arrays.toString(target));
      out[d] = a == 1 ? t : a;
      extent[d] = a == 1 ? t : 1;
    }
    if (Arrays.equals(out, xs)) return List.of(x);
    n.checkShape(out, "the expanded shape");
    if (Arrays.stream(out).anyMatch(d -> d == 0)) {
      // No elements (a batch of 0): the result is an empty constant of that shape; x is never read.
      RankedTensorType empty = new RankedTensorType(out, element(x));
      return List.of(n.constantValue(element(x) instanceof IntegerType
          ? DenseElementsAttr.ofLongs(empty, new long[0]) : DenseElementsAttr.ofDoubles(empty, new double[0])));
    }
    RankedTensorType zerosType = new RankedTensorType(extent, element(x));
    Value zeros = n.constantValue(element(x) instanceof IntegerType
        ? DenseElementsAttr.ofLongs(zerosType, new long[] {0}) : DenseElementsAttr.ofDoubles(zerosType, new double[] {0}));
    // Booleans broadcast through an or with false: nn.add takes no i1.
    boolean bool = element(x) instanceof IntegerType it && it.width() == 1;
    return List.of(bool ? n.binary("nn.or", x, zeros) : n.add(x, zeros));
  }

  /** Concatenates each axis's repeats, one axis after another. */
  private static List<Value> tile(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] repeats = n.requiredInts(1, "the repeats");
    long[] s = shapeOf(x);
    if (repeats.length != s.length) throw n.error("repeats has " + repeats.length + " entries for an input of rank " + s.length);
    long[] out = s.clone();
    for (int d = 0; d < s.length; d++) {
      if (repeats[d] < 0) throw n.error("repeats entry " + d + " is negative (" + repeats[d] + ")");
      out[d] = Math.multiplyExact(s[d], repeats[d]);
    }
    n.checkShape(out, "the tiled shape");
    for (int d = 0; d < s.length; d++) {
      if (repeats[d] == 1) continue;
      if (repeats[d] > 4096) throw n.error("repeats entry " + d + " is " + repeats[d] + "; at most 4096 copies along one axis are supported");
      x = n.emit("nn.concat", new ArrayList<>(Collections.nCopies((int) repeats[d], x)), attrs("axis", IntegerAttr.i64(d)));
    }
    return List.of(x);
  }

  /** Range of constant bounds: a constant. */
  private static List<Value> range(NodeImporter n) throws ImportException {
    Tensor start = n.constantInput(0, "the start");
    Tensor limit = n.constantInput(1, "the limit");
    Tensor delta = n.constantInput(2, "the delta");
    if (start == null || limit == null || delta == null) throw n.error("start, limit and delta are required");
    Type element = start.element();
    boolean floating = start.isFloat();
    double d = floating ? delta.get(0) : delta.getLong(0);
    if (d == 0) throw n.error("delta must not be 0");
    double count = Math.max(0, Math.ceil(((floating ? limit.get(0) : limit.getLong(0)) - (floating ? start.get(0) : start.getLong(0))) / d));
    if (count > 1 << 24) throw n.error("the range has " + (long) count + " elements, more than SOL folds (2^24)");
    Tensor out = Tensor.zeros(element, new long[] {(long) count});
    for (int i = 0; i < (int) count; i++) {
      if (floating) out.set(i, start.get(0) + i * delta.get(0));
      else out.setLong(i, start.getLong(0) + i * delta.getLong(0));
    }
    return List.of(n.constantValue(out));
  }

  /** A rank-0 constant of input 0's element type. */
  static Value scalar(NodeImporter n, double v) throws ImportException { return n.scalar(v, element(n.required(0))); }

  private static Value relu(NodeImporter n, Value v) throws ImportException { return n.unary("nn.relu", v); }

  private static Value min(NodeImporter n, Value a, Value b) throws ImportException { return n.binary("nn.min", a, b); }
}
