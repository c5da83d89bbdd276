package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.List;

/** Canonicalization patterns of the nn dialect. */
final class NnCanonicalization {
  private NnCanonicalization() {}

  static List<RewritePattern> patterns() {
    return List.of(new RemoveIdentity(), new ReshapeOfReshape(), new RemoveNoopReshape(), new TransposeOfTranspose(), new PadIntoConv(), new PadIntoMaxPool(), new RemoveNoopCast(),
        new RemoveNoopSlice(), new RemoveUnitArithmetic<>(MulOp.class, MulOp.SPEC, 1, true),
        new RemoveUnitArithmetic<>(DivOp.class, DivOp.SPEC, 1, false), new RemoveUnitArithmetic<>(SubOp.class, SubOp.SPEC, 0, false));
  }

  /** nn.identity is its operand. */
  static final class RemoveIdentity extends OpRewritePattern<IdentityOp> {
    RemoveIdentity() { super(IdentityOp.class, IdentityOp.SPEC); }

    @Override public boolean matchAndRewrite(IdentityOp op, PatternRewriter rewriter) {
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /** reshape(reshape(x)) is one reshape of x. */
  static final class ReshapeOfReshape extends OpRewritePattern<ReshapeOp> {
    ReshapeOfReshape() { super(ReshapeOp.class, ReshapeOp.SPEC); }

    @Override public boolean matchAndRewrite(ReshapeOp op, PatternRewriter rewriter) {
      if (!(op.operand(0).definingOp() instanceof ReshapeOp inner)) return false;
      rewriter.modifyInPlace(op, () -> op.setOperand(0, inner.operand(0)));
      return true;
    }
  }

  /** A reshape to the operand's own shape is the operand. */
  static final class RemoveNoopReshape extends OpRewritePattern<ReshapeOp> {
    RemoveNoopReshape() { super(ReshapeOp.class, ReshapeOp.SPEC); }

    @Override public boolean matchAndRewrite(ReshapeOp op, PatternRewriter rewriter) {
      if (!op.operand(0).type().equals(op.result(0).type())) return false;
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /** transpose(transpose(x, p), q) is transpose(x, p∘q), or x when that is the identity. */
  static final class TransposeOfTranspose extends OpRewritePattern<TransposeOp> {
    TransposeOfTranspose() { super(TransposeOp.class, TransposeOp.SPEC); }

    @Override public boolean matchAndRewrite(TransposeOp op, PatternRewriter rewriter) {
      long[] q = op.perm();
      boolean identity = true;
      for (int i = 0; i < q.length; i++) identity &= q[i] == i;
      if (identity) {
        rewriter.replaceOp(op, op.operand(0));
        return true;
      }
      if (!(op.operand(0).definingOp() instanceof TransposeOp inner)) return false;
      long[] p = inner.perm();
      long[] composed = new long[q.length];
      for (int i = 0; i < q.length; i++) composed[i] = p[(int) q[i]];
      rewriter.modifyInPlace(op, () -> {
        op.setOperand(0, inner.operand(0));
        op.setPerm(composed);
      });
      return true;
    }
  }

  /**
   * conv(pad(x)) with zeros around the spatial dimensions only is conv(x) with that padding
   * added to its own: TensorFlow and Keras models write a stride-2 convolution's padding as a
   * Pad (ZeroPadding2D) before it, which would otherwise copy the whole input. (ONNX Runtime's
   * PadFusion does the same.) A floating-point convolution only, and only where the sum stays
   * within {@link #mergedPads}' bound.
   */
  static final class PadIntoConv extends OpRewritePattern<ConvOp> {
    PadIntoConv() { super(ConvOp.class, ConvOp.SPEC); }

    @Override public boolean matchAndRewrite(ConvOp op, PatternRewriter rewriter) {
      if (!(op.operand(0).definingOp() instanceof PadOp pad) || pad.mode() != PadOp.Mode.CONSTANT || pad.value() != 0) return false;
      if (!(op.operand(1).type() instanceof RankedTensorType w) || w.rank() < 3) return false;
      long[] pads = mergedPads(pad, op.pads(), java.util.Arrays.copyOfRange(w.shape(), 2, w.rank()), op.dilations());
      if (pads == null) return false;
      ConvOp folded = ConvOp.create(rewriter, op.location(), pad.operand(0), op.operand(1), op.numOperands() > 2 ? op.operand(2) : null, op.strides(), pads,
          op.dilations(), op.group());
      rewriter.replaceOp(op, folded.result(0));
      return true;
    }
  }

  /**
   * The padding of a window op (a convolution or a pool: its own {@code pads}, begins then ends
   * of each spatial dimension, its {@code window} and {@code dilations}) that reads {@code pad}'s
   * input instead of its result, or null where that does not go: a pad of a floating-point
   * tensor that pads only the spatial dimensions, by no negative amount (a crop), and leaves
   * every side's padding below the dilated window, so that each window still holds a value of
   * the input (the kernels of the convolutions and pools assume so).
   */
  static long[] mergedPads(PadOp pad, long[] own, long[] window, long[] dilations) {
    if (!(pad.operand(0).type() instanceof RankedTensorType x) || !(x.element() instanceof FloatType)) return null;
    int rank = x.rank();
    int dims = rank - 2;
    long[] padding = pad.pads();
    if (dims < 1 || window.length != dims || padding[0] != 0 || padding[1] != 0 || padding[rank] != 0 || padding[rank + 1] != 0) return null;
    long[] pads = new long[2 * dims];
    for (int i = 0; i < dims; i++) {
      long extent = (window[i] - 1) * dilations[i] + 1;
      pads[i] = own[i] + padding[i + 2];
      pads[i + dims] = own[i + dims] + padding[rank + i + 2];
      if (padding[i + 2] < 0 || padding[rank + i + 2] < 0 || pads[i] >= extent || pads[i + dims] >= extent) return null;
    }
    return pads;
  }

  /**
   * max_pool(pad(x)) with constant padding around the spatial dimensions only is max_pool(x)
   * with that padding added to its own, where the pad's value never wins a window that holds a
   * value of x: minus infinity, or 0 when x comes from a ReLU or a ReLU6 (Keras' ResNet pads its stem's
   * activations with ZeroPadding2D before the 3 x 3 pool). The pool's own padding counts as
   * minus infinity; every side stays below the dilated window, so each window holds a value of
   * x. A stem written so then fuses with its convolution as ONNX's own does (nn-fuse's rule
   * "pool"), where the pad had copied the convolution's 3.2 MB result between the two.
   */
  static final class PadIntoMaxPool extends OpRewritePattern<MaxPoolOp> {
    PadIntoMaxPool() { super(MaxPoolOp.class, MaxPoolOp.SPEC); }

    @Override public boolean matchAndRewrite(MaxPoolOp op, PatternRewriter rewriter) {
      if (op.numResults() != 1 || op.ceilMode() || !(op.operand(0).definingOp() instanceof PadOp pad) || pad.mode() != PadOp.Mode.CONSTANT) return false;
      if (!(pad.value() == Double.NEGATIVE_INFINITY || pad.value() == 0 && nonNegative(pad.operand(0)))) return false;
      long[] pads = mergedPads(pad, op.pads(), op.kernelShape(), op.dilations());
      if (pads == null) return false;
      OperationState state = new OperationState(MaxPoolOp.SPEC.name(), op.location()).operands(pad.operand(0)).results(op.result(0).type());
      state.attributes = op.attributes();
      state.attribute("pads", DenseArrayAttr.i64(pads));
      MaxPoolOp folded = rewriter.create(MaxPoolOp.SPEC, state);
      rewriter.replaceOp(op, folded.result(0));
      return true;
    }
  }

  /** Whether every value of {@code v} is at least 0 or NaN: a ReLU's result, or a clip's from a lower bound of 0 or more (ReLU6). */
  static boolean nonNegative(Value v) {
    return v.definingOp() instanceof ReluOp || v.definingOp() instanceof ClipOp clip && clip.min() >= 0;
  }

  /** A cast to the operand's own type is the operand (exporters write them, as PyTorch's .float() on a float tensor). */
  static final class RemoveNoopCast extends OpRewritePattern<CastOp> {
    RemoveNoopCast() { super(CastOp.class, CastOp.SPEC); }

    @Override public boolean matchAndRewrite(CastOp op, PatternRewriter rewriter) {
      if (!op.operand(0).type().equals(op.result(0).type())) return false;
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /** A slice with unit steps that keeps the operand's shape takes all of it: it is the operand. */
  static final class RemoveNoopSlice extends OpRewritePattern<SliceOp> {
    RemoveNoopSlice() { super(SliceOp.class, SliceOp.SPEC); }

    @Override public boolean matchAndRewrite(SliceOp op, PatternRewriter rewriter) {
      if (!op.operand(0).type().equals(op.result(0).type())) return false;
      for (long step : op.steps()) if (step != 1) return false;
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /**
   * x * 1, 1 * x, x / 1 and x - 0, with the constant one float value in all places and the
   * result of x's own type, are x: exact for every x, -0 and NaN included (x + 0 is not: it
   * turns -0 into 0, so it stays).
   */
  static final class RemoveUnitArithmetic<T extends Operation> extends OpRewritePattern<T> {
    private final double unit;
    private final boolean commutes;

    RemoveUnitArithmetic(Class<T> type, OpSpec spec, double unit, boolean commutes) {
      super(type, spec);
      this.unit = unit;
      this.commutes = commutes;
    }

    @Override public boolean matchAndRewrite(T op, PatternRewriter rewriter) {
      int kept = all(op.operand(1), unit) ? 0 : commutes && all(op.operand(0), unit) ? 1 : -1;
      if (kept < 0 || !op.operand(kept).type().equals(op.result(0).type())) return false;
      rewriter.replaceOp(op, op.operand(kept));
      return true;
    }

    /** Whether {@code v} is a constant of floats that all are {@code value} (up to 64 of them, or a splat), +0 and -0 told apart. */
    private static boolean all(Value v, double value) {
      if (!(v.definingOp() instanceof ConstantOp c) || !(c.value().elementType() instanceof FloatType)) return false;
      DenseElementsAttr d = c.value();
      // Bit for bit: x - (-0) is x + 0, which turns -0 into 0.
      long bits = Double.doubleToLongBits(value);
      if (d.isSplat()) return Double.doubleToLongBits(d.getDouble(0)) == bits;
      if (d.numElements() > 64) return false;
      for (long i = 0; i < d.numElements(); i++) if (Double.doubleToLongBits(d.getDouble(i)) != bits) return false;
      return true;
    }
  }
}
