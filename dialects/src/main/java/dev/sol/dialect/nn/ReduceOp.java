package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/** A reduction over axes (all of them when axes is absent or empty), keeping them as size 1 unless keepdims = 0. */
public abstract class ReduceOp extends NnOp implements Pure {
  protected ReduceOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** What the reduction computes. */
  public abstract Reductions.Kind kind();

  /** The reduced axes as given (possibly negative); null or empty means all. */
  public final long[] axes() { return intsAttr("axes"); }

  /** Whether reduced axes stay as dimensions of size 1; true when absent. */
  public final boolean keepDims() { return longAttr("keepdims", 1) != 0; }

  /** Whether this reduces exactly the last two axes of a 4-D operand: a global pool over the planes of an NCHW image. */
  public final boolean overPlanes() {
    if (!(operand(0).type() instanceof ShapedType s) || s.rank() != 4) return false;
    boolean[] r = Reductions.reduced(s.shape(), axes());
    return !r[0] && !r[1] && r[2] && r[3];
  }

  @Override public final List<Type> inferResultTypes() {
    // Booleans have a largest and a smallest value, but no sum (ONNX defines only max and min on them).
    if (operandType(0).element() instanceof IntegerType b && b.width() == 1 && kind() != Reductions.Kind.MAX && kind() != Reductions.Kind.MIN) {
      throw new ShapeError("is not defined on i1 elements");
    }
    return List.of(like(0, Reductions.reducedShape(operandType(0).shape(), axes(), keepDims())));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Reductions.reduce(in.get(0), axes(), keepDims(), kind()));
  }
}
