package dev.sol.runtime;

import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.nn.*;
import dev.sol.ir.*;
import dev.sol.ir.traits.Elementwise;
import dev.sol.lowering.profile.KernelFlops;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a model's batch can run one image at a time: the JIT then compiles the model for one
 * image and calls it once per image of the batch, on slices of the inputs and outputs, instead
 * of running each layer over the whole batch. A layer's output for one image then feeds the
 * next layer while it is still in the caches, as at batch 1: ResNet-50 at batch 4 took 1.056
 * times four batch-1 runs layer by layer (its 1 x 1 layers a fifth longer per image, their
 * inputs fetched from L3), where ONNX Runtime's channel-blocked kernels lose nothing.
 *
 * <p>A model qualifies when every input and output has the same first dimension N > 1 and every
 * op keeps the images apart along it: each op that reads a value computed from the inputs
 * (carrying the batch) keeps the batch as dimension 0 of its results and works on each image
 * alone. Ops are admitted by kind, by the rules in {@link #separate}; any other op, or an op that
 * would mix images (a softmax or reduction over axis 0, a transpose that moves axis 0, a
 * concatenation along it, a constant that differs per image) keeps the layer-by-layer batch.
 */
final class ImageSlices {
  private ImageSlices() {}

  /**
   * The batch N when {@code model}'s function runs image by image on {@code threads} threads
   * (see the class comment), else 1, by what its convolutions and matrix products do per image
   * ({@link Work}). Not when the weights of its matrix-vector products (fewer than {@link
   * #FEW_ROWS} rows per image) outgrow half of the L3 cache ({@code l3Bytes}): one image at a
   * time reads them from memory once per image, where the batch's products read them once
   * (VGG-19's classifier: 494 MB; ResNet-50's 8 MB and MobileNet-v2's 5 MB stay in the cache).
   * Measured at batch 4, one image at a time against the whole batch (paired runs in one
   * process): on one thread ResNet-50 0.95, DenseNet-121 0.94, Inception-v1, MobileNet-v2 and
   * SqueezeNet 1.1 0.97. On two threads each layer's parallel loop splits a quarter of the
   * batch's work, where the batch gave each thread whole images: ResNet-50 0.94 and ResNet-50 v2
   * 0.97 (large products, half of the work in 1 x 1 convolutions, whose inputs come from L3 when
   * the layer before wrote four images), but ResNet-18 1.01, ResNeXt-50 1.02, ConvNeXt-T 1.05,
   * DenseNet-121 0.99, MobileNet-v1, SqueezeNet 1.1 and MobileNet-v2 1.05; so on several
   * threads only networks like ResNet-50 go image by image ({@link Work#bottlenecks}).
   */
  static long images(LoadedModel model, int threads, long l3Bytes) {
    long n = batchOf(model);
    if (n <= 1 || !separable(model.function, n)) return 1;
    Work w = Work.of(model.function, n);
    if (w.vectorWeightBytes() > l3Bytes / 2.0) return 1;
    return threads == 1 || w.bottlenecks() ? n : 1;
  }

  /** Rows per image below which a product reads its weights as a matrix-vector product does. */
  private static final long FEW_ROWS = 16;

  /** On several threads, the least mean work of a convolution or matrix product per image for running image by image. */
  private static final double MIN_PRODUCT_FLOPS = 100e6;

  /** On several threads, the least share of the work in 1 x 1 convolutions for running image by image. */
  private static final double MIN_POINTWISE_SHARE = 0.4;

  /**
   * Per image: the floating-point work of the convolutions and matrix products, how many there
   * are, the work of the 1 x 1 convolutions of one group, whether any convolution has groups,
   * and the bytes of weights of the products with fewer than {@link #FEW_ROWS} rows.
   */
  private record Work(double flops, long products, double pointwiseFlops, boolean grouped, double vectorWeightBytes) {
    static Work of(Operation function, long n) {
      double flops = 0;
      long products = 0;
      double pointwise = 0;
      boolean grouped = false;
      double weights = 0;
      for (Operation op : function.region(0).blocks().getFirst().operations()) {
        if (!(op instanceof ConvOp || op instanceof ConvTransposeOp || op instanceof GemmOp || op instanceof MatMulOp)) continue;
        double work = KernelFlops.of((NnOp) op) / (double) n;
        flops += work;
        products++;
        if (op instanceof ConvOp c) {
          long[] w = c.operandType(1).shape();
          grouped |= c.group() > 1;
          if (c.group() == 1 && Tensor.count(w) == w[0] * w[1]) pointwise += work;
        } else if (op instanceof GemmOp || op instanceof MatMulOp) {
          long[] out = ((ShapedType) op.result(0).type()).shape();
          long rowsPerImage = Tensor.count(out) / n / out[out.length - 1];
          if (rowsPerImage < FEW_ROWS) weights += 4.0 * Tensor.count(((ShapedType) op.operand(1).type()).shape());
        }
      }
      return new Work(flops, products, pointwise, grouped, weights);
    }

    /** Large products of one group, at least {@link #MIN_POINTWISE_SHARE} of the work in 1 x 1 convolutions: ResNet-50's bottlenecks. */
    boolean bottlenecks() {
      return !grouped && flops >= MIN_PRODUCT_FLOPS * products && pointwiseFlops >= MIN_POINTWISE_SHARE * flops;
    }
  }

  /** The shapes of the inputs for one image: each input's, with its first dimension 1. */
  static Map<String, long[]> oneImageShapes(LoadedModel model) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, TensorInfo> in : model.inputs.entrySet()) {
      long[] shape = in.getValue().shape();
      shape[0] = 1;
      shapes.put(in.getKey(), shape);
    }
    return shapes;
  }

  /** Whether {@code one} is {@code batched} for one image: the same inputs and outputs, in order, each with a first dimension of 1. */
  static boolean matches(LoadedModel one, LoadedModel batched) {
    return sameButBatch(one.inputs, batched.inputs) && sameButBatch(one.outputs, batched.outputs);
  }

  private static boolean sameButBatch(Map<String, TensorInfo> one, Map<String, TensorInfo> batched) {
    if (!List.copyOf(one.keySet()).equals(List.copyOf(batched.keySet()))) return false;
    for (Map.Entry<String, TensorInfo> e : batched.entrySet()) {
      long[] shape = e.getValue().shape();
      shape[0] = 1;
      if (!new TensorInfo(e.getValue().elementType(), shape).equals(one.get(e.getKey()))) return false;
    }
    return true;
  }

  /** The common first dimension of every input and output, or 1 when there is none. */
  private static long batchOf(LoadedModel model) {
    long n = -1;
    for (TensorInfo t : concat(model.inputs, model.outputs)) {
      if (t.rank() == 0) return 1;
      long first = t.shape()[0];
      if (n >= 0 && first != n) return 1;
      n = first;
    }
    return Math.max(n, 1);
  }

  private static List<TensorInfo> concat(Map<String, TensorInfo> a, Map<String, TensorInfo> b) {
    List<TensorInfo> all = new java.util.ArrayList<>(a.values());
    all.addAll(b.values());
    return all;
  }

  /** Whether every op of {@code function}'s body keeps the N images apart, and every result carries them. */
  private static boolean separable(Operation function, long n) {
    if (function.numRegions() != 1 || function.region(0).blocks().size() != 1) return false;
    Block body = function.region(0).blocks().getFirst();
    Set<Value> batched = new HashSet<>(body.arguments());
    for (Operation op : body.operations()) {
      if (op instanceof ReturnOp) {
        for (Value v : op.operands()) if (!batched.contains(v)) return false;
        continue;
      }
      if (op.numRegions() > 0) return false;
      boolean reads = false;
      for (Value v : op.operands()) reads |= batched.contains(v);
      if (!reads) continue;
      if (!(op instanceof NnOp nn) || !separate(nn, batched, n)) return false;
      batched.addAll(op.results());
    }
    return true;
  }

  /**
   * Whether {@code op}, which reads a batched value, works on each image alone: its batched
   * operands and its results have N as their first dimension, and by kind: element-wise ops
   * whose other operands broadcast along it; convolutions, pooling, batch norm and LRN on a
   * batched image with weights that are not; reshapes (which keep each image's elements
   * together when the first dimension stays); transposes that leave axis 0 in place; softmax,
   * arg-reductions, top-k, layer norm, split, gather and concatenation along another axis;
   * reductions that leave axis 0 out; slices and pads that leave it whole; resizes that keep
   * it; Gemm on a batched A, not transposed; MatMul of a batched matrix by weights, or of two
   * batched stacks of at least three dimensions.
   */
  private static boolean separate(NnOp op, Set<Value> batched, long n) {
    for (Value v : op.operands()) if (batched.contains(v) && !leadingN(v, n)) return false;
    for (Value r : op.results()) if (!leadingN(r, n)) return false;
    int rank = rank(op.result(0));
    return switch (op) {
      case Elementwise e -> broadcastsAlongBatch(op, batched, rank);
      case CastOp c -> true;
      case ConvOp c -> onlyFirstBatched(op, batched);
      case ConvTransposeOp c -> onlyFirstBatched(op, batched);
      case PoolOp p -> onlyFirstBatched(op, batched);
      case BatchNormOp b -> onlyFirstBatched(op, batched);
      case LrnOp l -> onlyFirstBatched(op, batched);
      case ReshapeOp r -> onlyFirstBatched(op, batched);
      case TransposeOp t -> t.perm() != null && t.perm().length > 0 && t.perm()[0] == 0;
      case SoftmaxLikeOp s -> s.axis() != 0;
      case ArgReduceOp a -> a.axis() != 0;
      case TopKOp t -> t.axis() != 0 && onlyFirstBatched(op, batched);
      case LayerNormOp l -> Reductions.axis(l.axis(), rank) != 0 && onlyFirstBatched(op, batched);
      case SplitOp s -> s.axis() != 0;
      case GatherOp g -> g.axis() != 0 && onlyFirstBatched(op, batched);
      case ConcatOp c -> Reductions.axis(c.axis(), rank) != 0 && allBatched(op, batched);
      case ReduceOp r -> r.axes() != null && r.axes().length > 0 && noAxisZero(r.axes(), rank(op.operand(0))) && onlyFirstBatched(op, batched);
      case SliceOp s -> s.starts() != null && s.starts()[0] == 0 && (s.steps() == null || s.steps()[0] == 1) && onlyFirstBatched(op, batched);
      case PadOp p -> p.pads() != null && p.pads()[0] == 0 && p.pads()[rank] == 0 && onlyFirstBatched(op, batched);
      case ResizeOp r -> IDENTITY_AT_SCALE_ONE.contains(r.coordinateTransformationMode()) && onlyFirstBatched(op, batched);
      case GemmOp g -> !g.transA() && onlyFirstBatched(op, batched) && (g.numOperands() < 3 || sameForEveryImage(g.operand(2), rank));
      case MatMulOp m -> batchedMatMul(m, batched);
      default -> false;
    };
  }

  /**
   * The coordinate transformations that map each index to itself where a dimension keeps its
   * size (tf_half_pixel_for_nn moves it by half a pixel, which nearest_mode ceil rounds to the
   * next image; tf_crop_and_resize reads its region of interest).
   */
  private static final Set<String> IDENTITY_AT_SCALE_ONE = Set.of("half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric");

  /** A product whose rows are images: a batched A by constant B, or two batched stacks with the images as their first batch dimension. */
  private static boolean batchedMatMul(MatMulOp m, Set<Value> batched) {
    boolean a = batched.contains(m.operand(0));
    boolean b = batched.contains(m.operand(1));
    if (a && !b) return rank(m.operand(0)) >= 2 && rank(m.operand(1)) <= 2;
    return a && b && rank(m.operand(0)) >= 3 && rank(m.operand(0)) == rank(m.operand(1));
  }

  private static boolean onlyFirstBatched(Operation op, Set<Value> batched) {
    if (!batched.contains(op.operand(0))) return false;
    for (int i = 1; i < op.numOperands(); i++) if (batched.contains(op.operand(i))) return false;
    return true;
  }

  private static boolean allBatched(Operation op, Set<Value> batched) {
    for (Value v : op.operands()) if (!batched.contains(v)) return false;
    return true;
  }

  /**
   * Element-wise: every batched operand has the result's rank (one of lower rank would line its
   * first dimension up with another of the result's), every other one broadcasts along the
   * result's first dimension.
   */
  private static boolean broadcastsAlongBatch(Operation op, Set<Value> batched, int rank) {
    for (Value v : op.operands()) {
      if (batched.contains(v) ? rank(v) != rank : !sameForEveryImage(v, rank)) return false;
    }
    return true;
  }

  /** A value of lower rank than the result, or whose first dimension is 1, is the same for every image. */
  private static boolean sameForEveryImage(Value v, int rank) {
    return rank(v) < rank || ((ShapedType) v.type()).shape()[0] == 1;
  }

  private static boolean noAxisZero(long[] axes, int rank) {
    for (long axis : axes) if (Reductions.axis(axis, rank) == 0) return false;
    return true;
  }

  private static boolean leadingN(Value v, long n) {
    return v.type() instanceof RankedTensorType t && t.rank() > 0 && t.shape()[0] == n;
  }

  private static int rank(Value v) {
    return ((ShapedType) v.type()).rank();
  }
}
