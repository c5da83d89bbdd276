package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * An element-wise op on two tensors with numpy broadcasting: the result has the broadcast
 * shape and the left operand's element type; subclasses give the scalar function twice:
 * in doubles, for floats (and Pow's mixes of floats and integers), and exactly in longs, for
 * integers (wrapped to the element width when stored).
 */
public abstract class BroadcastBinaryOp extends NnOp implements Pure, Elementwise {
  protected BroadcastBinaryOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** The result for one pair of elements when either operand is a float. */
  protected abstract double apply(double a, double b);

  /** The exact result for one pair of integer elements, {@code unsigned} when the left operand's type is. */
  protected abstract long apply(long a, long b, boolean unsigned);

  /** Whether the operands may hold different element types (Pow's exponent); false for the others, as in ONNX. */
  protected boolean mixesElementTypes() { return false; }

  /** Checks the op's attributes against its operands' types (a ShapeError when they do not go together); none by default. */
  protected void checkAttributes() {}

  @Override public final List<Type> inferResultTypes() {
    // Arithmetic on i1 has no agreed meaning (true + true wraps to false in arith, not in ONNX's bool).
    if (operandType(0).element() instanceof IntegerType t && t.width() == 1) throw new ShapeError("is not defined on i1 elements");
    checkAttributes();
    if (!mixesElementTypes()) sameElementTypes(0, 2);
    return List.of(like(0, Broadcast.shape(operandType(0).shape(), operandType(1).shape())));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    Tensor x0 = in.get(0);
    Tensor x1 = in.get(1);
    long[] shape = Broadcast.shape(x0.shape(), x1.shape());
    int[] ma = Broadcast.indexMap(x0.shape(), shape);
    int[] mb = Broadcast.indexMap(x1.shape(), shape);
    Tensor out = Tensor.zeros(x0.element(), shape);
    if (x0.isFloat() || x1.isFloat()) {
      for (int i = 0; i < out.size(); i++) out.set(i, apply(x0.get(ma[i]), x1.get(mb[i])));
    } else {
      boolean unsigned = x0.isUnsigned();
      for (int i = 0; i < out.size(); i++) out.setLong(i, apply(x0.getLong(ma[i]), x1.getLong(mb[i]), unsigned));
    }
    return List.of(out);
  }
}
