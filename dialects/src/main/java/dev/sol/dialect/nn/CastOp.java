package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Converts elements to the result element type (floats to integers truncate toward zero).
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
    for (int i = 0; i < out.size(); i++) {
      if (x.isFloat() && !out.isFloat()) {
        double v = x.get(i);
        if (out.isBool()) out.setLong(i, v != 0 ? 1 : 0);
        else out.setLong(i, Double.isNaN(v) ? 0 : (long) v);
      } else if (x.isFloat()) {
        out.set(i, x.get(i));
      } else {
        out.setLong(i, x.getLong(i));
      }
    }
    return List.of(out);
  }
}
