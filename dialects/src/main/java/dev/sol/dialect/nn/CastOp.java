package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Converts elements to the result element type: floats to integers truncate toward zero (NaN
 * gives 0), integers to integers wrap to the width, anything to i1 compares with zero.
 *
 * <pre>{@code %1 = "nn.cast"(%0) : (tensor<4xf32>) -> tensor<4xi64>}</pre>
 */
public final class CastOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.cast", CastOp.class, CastOp::new)
      .operand("input", ANY).result("output", ANY);

  private CastOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    Type target = ((ShapedType) result(0).type()).element();
    return List.of(new RankedTensorType(operandType(0).shape(), target));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor out = Tensor.zeros(((ShapedType) result(0).type()).element(), x.shape());
    boolean exact = !x.isFloat() && !out.isFloat();
    for (int i = 0; i < out.size(); i++) {
      if (exact) out.setLong(i, x.getLong(i));
      else out.set(i, x.get(i));
    }
    return List.of(out);
  }
}
