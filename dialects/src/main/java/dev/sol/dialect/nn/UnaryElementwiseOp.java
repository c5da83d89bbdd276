package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An element-wise op on one tensor: the result has the operand's type; subclasses give the
 * scalar function.
 */
public abstract class UnaryElementwiseOp extends NnOp implements Pure, Elementwise {
  protected UnaryElementwiseOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** The function of one element; attributes are read once, when it is made. */
  protected abstract DoubleUnaryOperator function();

  @Override public final List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    DoubleUnaryOperator f = function();
    Tensor out = Tensor.zeros(x.element(), x.shape());
    for (int i = 0; i < out.size(); i++) out.set(i, f.applyAsDouble(x.get(i)));
    return List.of(out);
  }
}
