package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * A logical op on two i1 tensors with numpy broadcasting (ONNX's And, Or, Xor): the result holds
 * i1 in the broadcast shape; subclasses give the truth table.
 */
public abstract class LogicalBinaryOp extends NnOp implements Pure, Elementwise {
  protected LogicalBinaryOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** The result for one pair of truth values. */
  protected abstract boolean apply(boolean a, boolean b);

  @Override public final List<Type> inferResultTypes() {
    requireBooleans(this, 0);
    requireBooleans(this, 1);
    return List.of(new RankedTensorType(Broadcast.shape(operandType(0).shape(), operandType(1).shape()), IntegerType.I1));
  }

  /** Checks that operand {@code i} of {@code op} holds i1 elements. */
  static void requireBooleans(NnOp op, int i) {
    Type e = op.operandType(i).element();
    if (!(e instanceof IntegerType t) || t.width() != 1) throw new ShapeError("operand #" + i + " must hold i1 elements, got " + e);
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    Tensor x0 = in.get(0);
    Tensor x1 = in.get(1);
    long[] shape = Broadcast.shape(x0.shape(), x1.shape());
    int[] ma = Broadcast.indexMap(x0.shape(), shape);
    int[] mb = Broadcast.indexMap(x1.shape(), shape);
    Tensor out = Tensor.zeros(IntegerType.I1, shape);
    for (int i = 0; i < out.size(); i++) out.setLong(i, apply(x0.getLong(ma[i]) != 0, x1.getLong(mb[i]) != 0) ? 1 : 0);
    return List.of(out);
  }
}
