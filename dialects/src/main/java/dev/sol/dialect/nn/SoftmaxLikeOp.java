package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/** Softmax or its logarithm along one axis (attribute axis, default -1: the last). */
public abstract class SoftmaxLikeOp extends NnOp implements Pure {
  protected SoftmaxLikeOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** True for log-softmax. */
  public abstract boolean isLog();

  /** The normalized axis in [0, rank); -1 (the last) when absent. */
  public final int axis() { return Reductions.axis(longAttr("axis", -1), operandType(0).rank()); }

  @Override public final List<Type> inferResultTypes() {
    axis();
    floatOperand(0);
    return List.of(operandType(0));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Reductions.softmax(in.get(0), axis(), isLog()));
  }
}
