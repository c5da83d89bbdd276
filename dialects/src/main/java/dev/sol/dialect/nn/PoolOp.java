package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/** Max or average pooling over windows of kernel_shape, with explicit pads, strides, dilations and ceil_mode. */
public abstract class PoolOp extends NnOp implements Pure {
  /**
   * The most taps a window may have when it also has more taps than the input has positions:
   * such a window mostly meets padding, and looping over all of it would spin for hours.
   */
  public static final long MAX_TAPS = 1 << 24;

  protected PoolOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** True for max pooling, false for averages. */
  public abstract boolean isMax();

  private int spatialDims() { return operandType(0).rank() - 2; }

  /** The window size per spatial dimension. */
  public final long[] kernelShape() { return intsAttr("kernel_shape"); }

  /** One stride per spatial dimension, 1 when absent. */
  public final long[] strides() { return Spatial.perDim(intsAttr("strides"), spatialDims(), 1); }

  /** The padding at the beginning of every spatial dimension, then at the end; 0 when absent. */
  public final long[] pads() { return Spatial.pads(intsAttr("pads"), spatialDims()); }

  /** One dilation per spatial dimension, 1 when absent. */
  public final long[] dilations() { return Spatial.perDim(intsAttr("dilations"), spatialDims(), 1); }

  /** Whether the output size rounds up (a last window may start in the end padding); false when absent. */
  public final boolean ceilMode() { return longAttr("ceil_mode", 0) != 0; }

  /** Whether averages count padded cells; false when absent. */
  public final boolean countIncludePad() { return longAttr("count_include_pad", 0) != 0; }

  @Override public final List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    int dims = x.length - 2;
    long[] k = kernelShape();
    if (dims < 1 || k == null || k.length != dims) throw new ShapeError("kernel_shape must have one entry per spatial dimension");
    Spatial.atLeast("kernel_shape", k, 1);
    Spatial.spatialNotEmpty(x);
    long[] s = strides();
    long[] d = dilations();
    long[] p = pads();
    Spatial.checkWindow(s, p, d);
    String tooLarge = windowProblem(java.util.Arrays.copyOfRange(x, 2, x.length), k);
    if (tooLarge != null) throw new ShapeError(tooLarge);
    long[] out = x.clone();
    for (int i = 0; i < dims; i++) out[i + 2] = Spatial.outSize(x[i + 2], k[i], s[i], d[i], p[i], p[i + dims], ceilMode());
    return List.of(like(0, out));
  }

  /**
   * Why a window of {@code kernel} on an input of {@code spatial} positions is refused, or
   * null: more than {@link #MAX_TAPS} taps and more taps than the input has positions.
   */
  public static String windowProblem(long[] spatial, long[] kernel) {
    long taps = 1;
    long positions = 1;
    for (int i = 0; i < kernel.length; i++) {
      taps = saturatingTimes(taps, kernel[i]);
      if (i < spatial.length) positions = saturatingTimes(positions, spatial[i]);
    }
    if (taps <= MAX_TAPS || taps <= positions) return null;
    return "the window of " + taps + " taps is larger than the input (" + positions + " positions) and SOL's limit of " + MAX_TAPS;
  }

  private static long saturatingTimes(long a, long b) {
    long c = Math.max(b, 0);
    return c > 0 && a > Long.MAX_VALUE / c ? Long.MAX_VALUE : a * c;
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Spatial.pool(in.get(0), kernelShape(), strides(), pads(), dilations(), isMax(), countIncludePad(),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
