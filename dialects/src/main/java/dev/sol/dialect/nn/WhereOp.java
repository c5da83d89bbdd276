package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Chooses x where the condition holds, else y, with broadcasting.
 *
 * <pre>{@code %3 = "nn.where"(%c, %x, %y) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class WhereOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.where", WhereOp.class, WhereOp::new)
      .operand("condition", ANY).operand("x", ANY).operand("y", ANY).result("output", ANY);

  private WhereOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    if (!(operandType(0).element() instanceof IntegerType c) || c.width() != 1) {
      throw new ShapeError("condition must hold i1 elements, got " + operandType(0).element());
    }
    sameElementTypes(1, 3);
    return List.of(like(1, Broadcast.shape(operandType(0).shape(), Broadcast.shape(operandType(1).shape(), operandType(2).shape()))));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    long[] shape = Broadcast.shape(in.get(0).shape(), Broadcast.shape(in.get(1).shape(), in.get(2).shape()));
    int[] mc = Broadcast.indexMap(in.get(0).shape(), shape);
    int[] mx = Broadcast.indexMap(in.get(1).shape(), shape);
    int[] my = Broadcast.indexMap(in.get(2).shape(), shape);
    Tensor out = Tensor.zeros(in.get(1).element(), shape);
    for (int i = 0; i < out.size(); i++) {
      if (in.get(1).isFloat()) out.set(i, in.get(0).getLong(mc[i]) != 0 ? in.get(1).get(mx[i]) : in.get(2).get(my[i]));
      else out.setLong(i, in.get(0).getLong(mc[i]) != 0 ? in.get(1).getLong(mx[i]) : in.get(2).getLong(my[i]));
    }
    return List.of(out);
  }
}
