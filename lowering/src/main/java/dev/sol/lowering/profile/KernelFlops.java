package dev.sol.lowering.profile;

import dev.sol.dialect.nn.*;
import dev.sol.ir.RankedTensorType;
import dev.sol.ir.ShapedType;
import dev.sol.ir.Type;

/**
 * The arithmetic one nn op does, counted the way GFLOP/s figures are usually counted: a
 * multiply-add is two operations (so a convolution, matmul or gemm is 2 x its MACs, its bias
 * not counted), an element-wise op is one per output element whatever its formula, a pooling
 * window one per element it covers, and ops that only move data (reshape, transpose, concat,
 * slice, pad, gather, ...) none. The counts compare a kernel against the machine's FMA peak;
 * for the cheap ops, which are bound by memory, they are only a rough guide.
 */
public final class KernelFlops {
  private KernelFlops() {}

  /** Softmax and log-softmax per element: max, subtract, exp, sum, then divide (or log and subtract). */
  private static final long SOFTMAX = 5;
  /** Layer norm per element: mean, centre, square and sum, normalize, scale, shift. */
  private static final long LAYER_NORM = 7;

  /** The floating-point operations of {@code op} (integer arithmetic counts alike); 0 for data movement. */
  public static long of(NnOp op) {
    long out = elements(op.result(0).type());
    return switch (op) {
      // Weights [M, C/group, k...]: each output element is a dot product over C/group * k... products.
      case ConvOp c -> 2 * out * perOutputChannel(c.operandType(1));
      // Weights [C, M/group, k...]: each input element is scattered into M/group * k... outputs.
      case ConvTransposeOp c -> 2 * c.operandType(0).numElements() * perOutputChannel(c.operandType(1));
      case MatMulOp m -> 2 * out * lastDim(m.operandType(0));
      case GemmOp g -> 2 * out * g.operandType(0).shape()[g.transA() ? 0 : 1];
      case PoolOp p -> out * product(p.kernelShape());
      case ReduceOp r -> r.operandType(0).numElements();
      case SoftmaxLikeOp _ -> SOFTMAX * out;
      case LayerNormOp _ -> LAYER_NORM * out;
      // Scale and shift per element once the channel's factors are known.
      case BatchNormOp _ -> 2 * out;
      // A sum of squares over the window, then scale, power and divide.
      case LrnOp l -> (2 * l.size() + 3) * out;
      case ResizeOp r -> resize(r, out);
      case IdentityOp _ -> 0;
      case UnaryElementwiseOp _ -> out;
      case BroadcastBinaryOp _ -> out;
      case CastOp _ -> out;
      case WhereOp _, CompareOp _, LogicalBinaryOp _, NotOp _ -> out;
      default -> 0;
    };
  }

  /**
   * A weighted sum over the 2^d (linear) or 4^d (cubic) neighbours of each output element, d
   * the dimensions that change size, a multiply-add per neighbour; nearest only copies.
   */
  private static long resize(ResizeOp r, long out) {
    long[] in = r.operandType(0).shape();
    long[] to = ((RankedTensorType) r.result(0).type()).shape();
    int changed = 0;
    for (int d = 0; d < in.length; d++) if (in[d] != to[d]) changed++;
    long taps = switch (r.mode()) {
      case "linear" -> 1L << changed;
      case "cubic" -> 1L << (2 * changed);
      default -> 0;
    };
    return 2 * taps * out;
  }

  private static long perOutputChannel(RankedTensorType weight) {
    long[] w = weight.shape();
    return w[0] == 0 ? 0 : weight.numElements() / w[0];
  }

  private static long lastDim(RankedTensorType t) {
    return t.rank() == 0 ? 1 : t.shape()[t.rank() - 1];
  }

  private static long product(long[] dims) {
    long p = 1;
    if (dims != null) for (long d : dims) p *= d;
    return p;
  }

  private static long elements(Type t) {
    return t instanceof ShapedType s && s.hasStaticShape() ? s.numElements() : 0;
  }
}
