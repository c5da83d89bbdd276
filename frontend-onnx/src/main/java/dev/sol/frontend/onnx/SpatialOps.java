package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.longs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converters for convolutions, pooling, normalization and the slicing family. */
final class SpatialOps {
  private SpatialOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("Conv", SpatialOps::conv);
    OnnxOps.CONVERTERS.put("ConvTranspose", SpatialOps::convTranspose);
    OnnxOps.CONVERTERS.put("MaxPool", n -> pool(n, "nn.max_pool"));
    OnnxOps.CONVERTERS.put("AveragePool", n -> pool(n, "nn.avg_pool"));
    OnnxOps.CONVERTERS.put("GlobalAveragePool", n -> List.of(global(n, "nn.reduce_mean")));
    OnnxOps.CONVERTERS.put("GlobalMaxPool", n -> List.of(global(n, "nn.reduce_max")));
    OnnxOps.CONVERTERS.put("BatchNormalization", SpatialOps::batchNorm);
    OnnxOps.CONVERTERS.put("LayerNormalization", SpatialOps::layerNorm);
    OnnxOps.CONVERTERS.put("InstanceNormalization", SpatialOps::instanceNorm);
    OnnxOps.CONVERTERS.put("LRN", n -> List.of(n.emit("nn.lrn", List.of(n.required(0)), attrs("size", IntegerAttr.i64(n.intAttr("size", 1)),
        "alpha", f64(n.floatAttr("alpha", 1e-4)), "beta", f64(n.floatAttr("beta", 0.75)), "bias", f64(n.floatAttr("bias", 1))))));
    OnnxOps.CONVERTERS.put("Slice", SpatialOps::slice);
    OnnxOps.CONVERTERS.put("Gather", n -> {
      Value data = n.required(0);
      int axis = Reductions.axis(n.intAttr("axis", 0), shapeOf(data).length);
      return List.of(n.emit("nn.gather", List.of(data, n.required(1)), attrs("axis", IntegerAttr.i64(axis))));
    });
    OnnxOps.CONVERTERS.put("GatherElements", n -> {
      Value data = n.required(0);
      int axis = Reductions.axis(n.intAttr("axis", 0), shapeOf(data).length);
      return List.of(n.emit("nn.gather_elements", List.of(data, n.required(1)), attrs("axis", IntegerAttr.i64(axis))));
    });
    OnnxOps.CONVERTERS.put("GatherND", SpatialOps::gatherNd);
    OnnxOps.CONVERTERS.put("ScatterND", n -> List.of(n.emit("nn.scatter_nd", List.of(n.required(0), n.required(1), n.required(2)),
        attrs("reduction", new StringAttr(n.stringAttr("reduction", "none"))))));
    OnnxOps.CONVERTERS.put("Split", SpatialOps::split);
    OnnxOps.CONVERTERS.put("Pad", SpatialOps::pad);
    OnnxOps.CONVERTERS.put("Resize", SpatialOps::resize);
    OnnxOps.CONVERTERS.put("Upsample", SpatialOps::resize);
  }

  private static List<Value> resize(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] in = shapeOf(x);
    int rank = in.length;
    boolean legacy = n.node.getOpType().equals("Upsample") || n.opset < 11;
    Tensor roiT = null;
    Tensor scalesT;
    Tensor sizesT = null;
    if (n.node.getOpType().equals("Upsample") && n.opset < 9) {
      var a = n.attr("scales");
      scalesT = a == null ? null : Tensor.ofDoubles(FloatType.F32, new long[] {a.getFloatsCount()},
          a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
    } else if (legacy) {
      scalesT = n.constantInput(1, "the scales");
    } else {
      roiT = n.constantInput(1, "the roi");
      scalesT = n.constantInput(2, "the scales");
      sizesT = n.constantInput(3, "the sizes");
    }
    long[] axes = n.intsAttr("axes");
    if (axes == null) {
      axes = new long[rank];
      for (int i = 0; i < rank; i++) axes[i] = i;
    } else {
      for (int i = 0; i < axes.length; i++) axes[i] = Reductions.axis(axes[i], rank);
    }
    double[] scales = new double[rank];
    Arrays.fill(scales, 1);
    long[] sizes = in.clone();
    if (sizesT != null && sizesT.size() > 0) {
      if (sizesT.size() != axes.length) throw n.error("sizes must have " + axes.length + " entries");
      String policy = n.stringAttr("keep_aspect_ratio_policy", "stretch");
      double common = policy.equals("not_larger") ? Double.POSITIVE_INFINITY : 0;
      for (int i = 0; i < axes.length; i++) {
        double s = (double) sizesT.getLong(i) / in[(int) axes[i]];
        common = policy.equals("not_larger") ? Math.min(common, s) : Math.max(common, s);
      }
      for (int i = 0; i < axes.length; i++) {
        int d = (int) axes[i];
        if (policy.equals("stretch")) {
          sizes[d] = sizesT.getLong(i);
          scales[d] = (double) sizes[d] / in[d];
        } else {
          scales[d] = common;
          sizes[d] = Math.round(in[d] * common);
        }
      }
    } else if (scalesT != null && scalesT.size() > 0) {
      if (scalesT.size() != axes.length) throw n.error("scales must have " + axes.length + " entries");
      for (int i = 0; i < axes.length; i++) {
        int d = (int) axes[i];
        scales[d] = scalesT.get(i);
        sizes[d] = (long) Math.floor(in[d] * scales[d]);
      }
    } else {
      throw n.error("needs scales or sizes");
    }
    double[] roi = null;
    if (roiT != null && roiT.size() > 0) {
      if (roiT.size() != 2 * axes.length) throw n.error("roi must have " + 2 * axes.length + " entries (starts, then ends)");
      roi = new double[2 * rank];
      for (int d = 0; d < rank; d++) roi[d + rank] = 1;
      for (int i = 0; i < axes.length; i++) {
        roi[(int) axes[i]] = roiT.get(i);
        roi[(int) axes[i] + rank] = roiT.get(i + axes.length);
      }
    }
    String mode = n.stringAttr("mode", "nearest");
    if (mode.equals("bilinear") || mode.equals("trilinear")) mode = "linear";
    String transform = legacy ? "asymmetric" : n.stringAttr("coordinate_transformation_mode", "half_pixel");
    String nearestMode = legacy ? "floor" : n.stringAttr("nearest_mode", "round_prefer_floor");
    return List.of(n.emit("nn.resize", List.of(x), attrs("sizes", DenseArrayAttr.i64(sizes),
        "scales", DenseArrayAttr.ofDoubles(FloatType.F64, scales), "roi", roi == null ? null : DenseArrayAttr.ofDoubles(FloatType.F64, roi),
        "mode", new StringAttr(mode), "coordinate_transformation_mode", new StringAttr(transform),
        "nearest_mode", new StringAttr(nearestMode), "cubic_coeff_a", f64(n.floatAttr("cubic_coeff_a", -0.75)),
        "exclude_outside", IntegerAttr.i64(n.intAttr("exclude_outside", 0)), "antialias", IntegerAttr.i64(n.intAttr("antialias", 0)),
        "extrapolation_value", f64(n.floatAttr("extrapolation_value", 0)))));
  }

  private static FloatAttr f64(double v) { return new FloatAttr(FloatType.F64, v); }

  /** Explicit pads from auto_pad (SAME_UPPER, SAME_LOWER, VALID) or the pads attribute. */
  private static long[] pads(NodeImporter n, long[] in, long[] kernel, long[] strides, long[] dilations) throws ImportException {
    int dims = kernel.length;
    if (in.length != dims) throw n.error("kernel_shape needs " + in.length + " entries (one per spatial dimension), got " + dims);
    if (strides.length != dims || dilations.length != dims) throw n.error("strides and dilations need " + dims + " entries each");
    for (int i = 0; i < dims; i++) {
      if (strides[i] < 1 || dilations[i] < 1) {
        throw n.error("strides and dilations must be at least 1, got " + Arrays.toString(strides) + " and " + Arrays.toString(dilations));
      }
    }
    String auto = n.stringAttr("auto_pad", "NOTSET");
    long[] pads = new long[2 * dims];
    switch (auto) {
      case "NOTSET" -> {
        long[] given = n.intsAttr("pads");
        if (given != null) {
          if (given.length != 2 * dims) throw n.error("pads must have " + 2 * dims + " entries");
          pads = given;
        }
      }
      case "VALID" -> { }
      case "SAME_UPPER", "SAME_LOWER" -> {
        for (int i = 0; i < dims; i++) {
          long out = Math.ceilDiv(in[i], strides[i]);
          long total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - in[i]);
          long small = total / 2;
          pads[i] = auto.equals("SAME_UPPER") ? small : total - small;
          pads[i + dims] = total - pads[i];
        }
      }
      default -> throw n.error("unknown auto_pad '" + auto + "'");
    }
    return pads;
  }

  private static long[] orOnes(long[] v, int dims) {
    if (v != null) return v;
    long[] a = new long[dims];
    Arrays.fill(a, 1);
    return a;
  }

  private static List<Value> conv(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    Value w = n.required(1);
    long[] ws = shapeOf(w);
    long[] xs = shapeOf(x);
    if (xs.length < 3 || ws.length != xs.length) throw n.error("expects input and weight of the same rank >= 3");
    int dims = xs.length - 2;
    long[] kernel = kernelShape(n, ws, dims);
    long[] strides = orOnes(n.intsAttr("strides"), dims);
    long[] dilations = orOnes(n.intsAttr("dilations"), dims);
    long[] pads = pads(n, Arrays.copyOfRange(xs, 2, xs.length), kernel, strides, dilations);
    List<Value> operands = new ArrayList<>(List.of(x, w));
    if (n.input(2) != null) operands.add(n.input(2));
    return List.of(n.emit("nn.conv", operands, attrs("strides", DenseArrayAttr.i64(strides), "pads", DenseArrayAttr.i64(pads),
        "dilations", DenseArrayAttr.i64(dilations), "group", IntegerAttr.i64(n.intAttr("group", 1)))));
  }

  /** Attribute kernel_shape, which must agree with the weight's window, or the weight's window. */
  private static long[] kernelShape(NodeImporter n, long[] weight, int dims) throws ImportException {
    long[] window = Arrays.copyOfRange(weight, 2, weight.length);
    long[] given = n.intsAttr("kernel_shape");
    if (given != null && !Arrays.equals(given, window)) {
      throw n.error("kernel_shape " + Arrays.toString(given) + " does not match the weight's " + Arrays.toString(window));
    }
    return window;
  }

  private static List<Value> convTranspose(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    Value w = n.required(1);
    long[] xs = shapeOf(x);
    long[] ws = shapeOf(w);
    if (xs.length < 3 || ws.length != xs.length) throw n.error("expects input and weight of the same rank >= 3");
    int dims = xs.length - 2;
    long[] kernel = kernelShape(n, ws, dims);
    long[] strides = orOnes(n.intsAttr("strides"), dims);
    long[] dilations = orOnes(n.intsAttr("dilations"), dims);
    long[] outPad = n.intsAttr("output_padding") != null ? n.intsAttr("output_padding") : new long[dims];
    long[] pads = n.intsAttr("pads") != null ? n.intsAttr("pads") : new long[2 * dims];
    long[] outputShape = n.intsAttr("output_shape");
    if (outputShape != null && outputShape.length < dims) throw n.error("output_shape needs " + dims + " entries, got " + outputShape.length);
    if (outPad.length != dims || strides.length != dims || dilations.length != dims) {
      throw n.error("strides, dilations and output_padding need " + dims + " entries each");
    }
    String auto = n.stringAttr("auto_pad", "NOTSET");
    if (outputShape != null || auto.startsWith("SAME")) {
      long[] target = new long[dims];
      for (int i = 0; i < dims; i++) {
        target[i] = outputShape != null ? outputShape[outputShape.length - dims + i] : xs[i + 2] * strides[i];
      }
      pads = new long[2 * dims];
      for (int i = 0; i < dims; i++) {
        long total = strides[i] * (xs[i + 2] - 1) + outPad[i] + (kernel[i] - 1) * dilations[i] + 1 - target[i];
        if (total < 0) {
          outPad = outPad.clone();
          outPad[i] -= total;
          total = 0;
        }
        boolean lower = auto.equals("SAME_LOWER");
        pads[i] = lower ? total - total / 2 : total / 2;
        pads[i + dims] = total - pads[i];
      }
    }
    List<Value> operands = new ArrayList<>(List.of(x, w));
    if (n.input(2) != null) operands.add(n.input(2));
    return List.of(n.emit("nn.conv_transpose", operands, attrs("strides", DenseArrayAttr.i64(strides), "pads", DenseArrayAttr.i64(pads),
        "dilations", DenseArrayAttr.i64(dilations), "group", IntegerAttr.i64(n.intAttr("group", 1)),
        "output_padding", DenseArrayAttr.i64(outPad))));
  }

  private static List<Value> pool(NodeImporter n, String op) throws ImportException {
    boolean indices = n.node.getOutputCount() > 1 && !n.node.getOutput(1).isEmpty();
    if (indices && !op.equals("nn.max_pool")) throw n.error("has a second output; only MaxPool has one (Indices)");
    Value x = n.required(0);
    long[] xs = shapeOf(x);
    long[] kernel = n.intsAttr("kernel_shape");
    if (kernel == null) throw n.error("needs kernel_shape");
    int dims = kernel.length;
    long[] strides = orOnes(n.intsAttr("strides"), dims);
    long[] dilations = orOnes(n.intsAttr("dilations"), dims);
    if (xs.length != dims + 2) throw n.error("kernel_shape has " + dims + " entries, but the input has rank " + xs.length);
    if (strides.length != dims || dilations.length != dims) throw n.error("strides and dilations must have " + dims + " entries");
    for (long[] values : List.of(kernel, strides, dilations)) {
      for (long v : values) {
        if (v < 1 || v > ShapedType.MAX_ELEMENTS) throw n.error("kernel_shape, strides and dilations must be in 1.." + ShapedType.MAX_ELEMENTS);
      }
    }
    long[] spatial = Arrays.copyOfRange(xs, 2, xs.length);
    long[] pads = pads(n, spatial, kernel, strides, dilations);
    boolean countsPadding = op.equals("nn.avg_pool") && n.intAttr("count_include_pad", 0) != 0;
    if (!countsPadding) PoolWindows.trim(spatial, kernel, strides, dilations, pads, n.intAttr("ceil_mode", 0) != 0);
    // Averages that count padding cannot be trimmed: so large a window is refused instead.
    String tooLarge = dev.sol.dialect.nn.PoolOp.windowProblem(spatial, kernel);
    if (tooLarge != null) throw n.error(tooLarge);
    Value pooled = n.emit(op, List.of(x), attrs("kernel_shape", DenseArrayAttr.i64(kernel), "strides", DenseArrayAttr.i64(strides),
        "pads", DenseArrayAttr.i64(pads), "dilations", DenseArrayAttr.i64(dilations), "ceil_mode", IntegerAttr.i64(n.intAttr("ceil_mode", 0)),
        "count_include_pad", IntegerAttr.i64(n.intAttr("count_include_pad", 0))));
    if (!indices) return List.of(pooled);
    long[] out = Arrays.copyOfRange(shapeOf(pooled), 2, xs.length);
    return List.of(pooled, MaxPoolIndices.of(n, x, out, kernel, strides, pads, dilations, n.intAttr("storage_order", 0)));
  }

  private static Value global(NodeImporter n, String op) throws ImportException {
    Value x = n.required(0);
    int rank = shapeOf(x).length;
    if (rank < 3) throw n.error("expects an input of rank >= 3 (N, C, spatial...), got rank " + rank);
    long[] axes = new long[rank - 2];
    for (int i = 0; i < axes.length; i++) axes[i] = i + 2;
    return n.emit(op, List.of(x), attrs("axes", DenseArrayAttr.i64(axes), "keepdims", IntegerAttr.i64(1)));
  }

  private static List<Value> batchNorm(NodeImporter n) throws ImportException {
    for (int i = 1; i < n.node.getOutputCount(); i++) {
      if (!n.node.getOutput(i).isEmpty()) throw n.error("training outputs (running mean and variance) are not supported");
    }
    if (n.intAttr("training_mode", 0) != 0) throw n.error("training mode is not supported (inference only)");
    List<Value> operands = new ArrayList<>();
    for (int i = 0; i < 5; i++) operands.add(n.required(i));
    return List.of(n.emit("nn.batch_norm", operands, attrs("epsilon", f64(n.floatAttr("epsilon", 1e-5)))));
  }

  /**
   * GatherND as nn.gather along axis 0 of the data with its batch and indexed axes flattened into
   * one: each index tuple (negative entries counted from the end of their axis) becomes its
   * position in that axis, sum(index_j * stride_j) plus its batch's offset, computed by nn ops on
   * i64 (which fold when the indices are constants; constant indices out of range are an error).
   */
  private static List<Value> gatherNd(NodeImporter n) throws ImportException {
    Value data = n.required(0);
    Value indices = n.required(1);
    long[] ds = shapeOf(data);
    long[] is = shapeOf(indices);
    int b = Math.toIntExact(n.intAttr("batch_dims", 0));
    if (!(((ShapedType) indices.type()).element() instanceof IntegerType it && it.width() == 64)) {
      throw n.error("indices must be int64, got " + indices.type());
    }
    if (b < 0 || b >= is.length || b >= ds.length) {
      throw n.error("batch_dims " + b + " must be below the ranks of the data (" + ds.length + ") and the indices (" + is.length + ")");
    }
    long k = is[is.length - 1];
    if (k < 1 || b + k > ds.length) throw n.error("the index tuples have " + k + " entries; from 1 to " + (ds.length - b) + " are supported");
    for (int d = 0; d < b; d++) {
      if (ds[d] != is[d]) throw n.error("batch dimension " + d + " is " + ds[d] + " in the data but " + is[d] + " in the indices");
    }
    int kk = (int) k;
    long[] dims = Arrays.copyOfRange(ds, b, b + kk);
    long[] strides = new long[kk];
    long block = 1;
    for (int j = kk - 1; j >= 0; j--) {
      strides[j] = block;
      block *= dims[j];
    }
    Tensor constant = NodeImporter.constant(indices);
    if (constant != null) {
      for (int i = 0; i < constant.size(); i++) {
        long v = constant.getLong(i);
        long dim = dims[i % kk];
        if (v < -dim || v >= dim) throw n.error("index " + v + " is out of range for an axis of " + dim);
      }
    }
    Value wrapped = MaskOps.wrapNegative(n, indices, Tensor.ofLongs(IntegerType.I64, new long[] {k}, dims));
    Value position = n.emit("nn.reduce_sum", List.of(n.mul(wrapped, n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {k}, strides)))),
        attrs("axes", DenseArrayAttr.i64(new long[] {is.length - 1}), "keepdims", IntegerAttr.i64(0)));
    long batches = 1;
    for (int d = 0; d < b; d++) batches *= ds[d];
    if (b > 0) {
      long[] shape = Arrays.copyOf(is, is.length - 1);
      Arrays.fill(shape, b, shape.length, 1);
      long[] offsets = new long[Math.toIntExact(batches)];
      for (int i = 0; i < offsets.length; i++) offsets[i] = i * block;
      position = n.add(position, n.constantValue(Tensor.ofLongs(IntegerType.I64, shape, offsets)));
    }
    long[] flat = new long[ds.length - b - kk + 1];
    flat[0] = Math.multiplyExact(batches, block);
    System.arraycopy(ds, b + kk, flat, 1, flat.length - 1);
    return List.of(n.emit("nn.gather", List.of(n.reshape(data, flat), position), attrs("axis", IntegerAttr.i64(0))));
  }

  private static List<Value> layerNorm(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    int axis = Reductions.axis(n.intAttr("axis", -1), shapeOf(x).length);
    List<Value> operands = new ArrayList<>(List.of(x, n.required(1)));
    if (n.input(2) != null) operands.add(n.input(2));
    return n.emit("nn.layer_norm", operands, attrs("axis", IntegerAttr.i64(axis), "epsilon", f64(n.floatAttr("epsilon", 1e-5))), 3);
  }

  /**
   * InstanceNormalization as nn.layer_norm over the spatial axes (each image's channel on its
   * own, unit scale) followed by the per-channel scale and bias as an nn.batch_norm of mean 0,
   * variance 1 and epsilon 0, which multiplies and adds exactly: both ops have fast kernels, and
   * a batch norm takes the activation after it into one pass (nn-fuse).
   */
  private static List<Value> instanceNorm(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    if (s.length < 3) throw n.error("expects an input of rank 3 or more (batch, channels, spatial dimensions), got rank " + s.length);
    if (!(((RankedTensorType) x.type()).element() instanceof FloatType element)) throw n.error("expects a floating-point input");
    Value ones = n.constantValue(DenseElementsAttr.ofDoubles(new RankedTensorType(Arrays.copyOfRange(s, 2, s.length), element), new double[] {1}));
    Value normalized = n.emit("nn.layer_norm", List.of(x, ones), attrs("axis", IntegerAttr.i64(2), "epsilon", f64(n.floatAttr("epsilon", 1e-5))), 3)
        .getFirst();
    RankedTensorType perChannel = new RankedTensorType(new long[] {s[1]}, element);
    Value zero = n.constantValue(DenseElementsAttr.ofDoubles(perChannel, new double[] {0}));
    Value one = n.constantValue(DenseElementsAttr.ofDoubles(perChannel, new double[] {1}));
    return List.of(n.emit("nn.batch_norm", List.of(normalized, n.required(1), n.required(2), zero, one), attrs("epsilon", f64(0))));
  }

  private static List<Value> slice(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (n.opset < 10) {
      starts = n.requiredIntsAttr("starts");
      ends = n.requiredIntsAttr("ends");
      axes = n.intsAttr("axes");
    } else {
      starts = n.requiredInts(1, "the starts");
      ends = n.requiredInts(2, "the ends");
      Tensor a = n.constantInput(3, "the axes");
      Tensor st = n.constantInput(4, "the steps");
      axes = a == null ? null : longs(a);
      steps = st == null ? null : longs(st);
    }
    if (starts == null || ends == null || starts.length != ends.length) throw n.error("starts and ends must have the same length");
    if (axes != null && axes.length != starts.length) throw n.error("axes must have one entry per start (" + axes.length + " for " + starts.length + ")");
    if (steps != null && steps.length != starts.length) throw n.error("steps must have one entry per start (" + steps.length + " for " + starts.length + ")");
    if (axes == null && starts.length > s.length) throw n.error(starts.length + " starts for an input of rank " + s.length);
    long[] fs = new long[s.length];
    long[] fe = s.clone();
    long[] fp = new long[s.length];
    Arrays.fill(fp, 1);
    for (int i = 0; i < starts.length; i++) {
      int d = axes == null ? i : Reductions.axis(axes[i], s.length);
      long step = steps == null ? 1 : steps[i];
      if (step == 0) throw n.error("step must not be 0");
      long dim = s[d];
      long st = starts[i] < 0 ? starts[i] + dim : starts[i];
      long en = ends[i] < 0 ? ends[i] + dim : ends[i];
      if (step > 0) {
        st = Math.max(0, Math.min(dim, st));
        en = Math.max(0, Math.min(dim, en));
      } else {
        st = Math.max(-1, Math.min(dim - 1, st));
        en = Math.max(-1, Math.min(dim - 1, en));
      }
      fs[d] = st;
      fe[d] = en;
      fp[d] = step;
    }
    return List.of(n.slice(x, fs, fe, fp));
  }

  private static List<Value> split(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    int axis = Reductions.axis(n.intAttr("axis", 0), s.length);
    long[] sizes = n.opset < 13 ? n.intsAttr("split") : (n.input(1) == null ? null : longs(n.constantInput(1, "the split sizes")));
    int outputs = n.node.getOutputCount();
    if (sizes == null) {
      long parts = n.attr("num_outputs") != null ? n.intAttr("num_outputs", outputs) : outputs;
      if (parts < 1 || parts > NnOp.MAX_RESULTS) throw n.error("cannot split into " + parts + " outputs (at most " + NnOp.MAX_RESULTS + ")");
      long each = Math.ceilDiv(s[axis], parts);
      sizes = new long[(int) parts];
      long left = s[axis];
      for (int i = 0; i < parts; i++) {
        sizes[i] = Math.min(each, left);
        left -= sizes[i];
      }
    }
    return n.emit("nn.split", List.of(x), attrs("axis", IntegerAttr.i64(axis), "sizes", DenseArrayAttr.i64(sizes)), sizes.length);
  }

  private static List<Value> pad(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    int rank = shapeOf(x).length;
    long[] pads;
    double value = 0;
    String mode = n.stringAttr("mode", "constant");
    if (n.opset < 11) {
      pads = n.requiredIntsAttr(n.opset < 2 ? "paddings" : "pads");
      value = n.floatAttr("value", 0);
    } else {
      pads = n.requiredInts(1, "the pads");
      Tensor v = n.constantInput(2, "the constant value");
      if (v != null && v.size() > 0) value = v.get(0);
      Tensor axesT = n.constantInput(3, "the axes");
      if (axesT != null) {
        long[] axes = longs(axesT);
        if (pads.length != 2 * axes.length) throw n.error("pads must have " + 2 * axes.length + " entries, two per axis");
        long[] full = new long[2 * rank];
        for (int i = 0; i < axes.length; i++) {
          int d = Reductions.axis(axes[i], rank);
          full[d] = pads[i];
          full[d + rank] = pads[i + axes.length];
        }
        pads = full;
      }
    }
    if (pads == null || pads.length != 2 * rank) throw n.error("pads must have " + 2 * rank + " entries");
    return List.of(n.emit("nn.pad", List.of(x), attrs("pads", DenseArrayAttr.i64(pads), "mode", new StringAttr(mode), "value", f64(value))));
  }
}
