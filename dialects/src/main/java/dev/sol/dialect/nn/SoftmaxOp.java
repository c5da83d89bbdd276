package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * exp(x) / sum(exp(x)) along one axis (attribute axis, default -1).
 *
 * <pre>{@code %1 = "nn.softmax"(%0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class SoftmaxOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.softmax", SoftmaxOp.class, SoftmaxOp::new)
      .operand("input", ANY).optionalAttribute("axis", I64).result("output", ANY);

  private SoftmaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    Reductions.axis(longAttr("axis", -1), operandType(0).rank());
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Reductions.softmax(in.get(0), Reductions.axis(longAttr("axis", -1), in.get(0).rank()), false));
  }
}
