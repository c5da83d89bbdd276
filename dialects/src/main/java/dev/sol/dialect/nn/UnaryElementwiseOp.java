package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * An element-wise op on one tensor: the result has the operand's type; subclasses give the
 * scalar function on floats and, for the ops ONNX defines on integers, an exact one on longs.
 */
public abstract class UnaryElementwiseOp extends NnOp implements Pure, Elementwise {
  protected UnaryElementwiseOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** The function of one element; attributes are read once, when it is made. */
  protected abstract DoubleUnaryOperator function();

  /**
   * The exact function of one integer element of type {@code element} (wrapped to the width
   * when stored); null for ops that ONNX defines on floats only.
   */
  protected LongUnaryOperator integerFunction(Type element) { return null; }

  /** Whether the op is defined on integer tensors too. */
  public final boolean definedOnIntegers() { return integerFunction(IntegerType.I64) != null; }

  @Override public final List<Type> inferResultTypes() {
    // Making the function reads (and so checks) the op's attributes.
    Type e = operandType(0).element();
    if (e instanceof FloatType) function();
    else if (integerFunction(e) == null) throw new ShapeError("is defined on floats only, not on " + e + " elements");
    return List.of(operandType(0));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor out = Tensor.zeros(x.element(), x.shape());
    if (x.isFloat()) {
      DoubleUnaryOperator f = function();
      for (int i = 0; i < out.size(); i++) out.set(i, f.applyAsDouble(x.get(i)));
    } else {
      LongUnaryOperator f = integerFunction(x.element());
      if (f == null) throw new IllegalArgumentException(name() + " is defined on floats only, not on " + x.element() + " elements");
      for (int i = 0; i < out.size(); i++) out.setLong(i, f.applyAsLong(x.getLong(i)));
    }
    return List.of(out);
  }
}
