package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * log(softmax(x)) along one axis (attribute axis, default -1).
 *
 * <pre>{@code %1 = "nn.log_softmax"(%0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class LogSoftmaxOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.log_softmax", LogSoftmaxOp.class, LogSoftmaxOp::new)
      .operand("input", ANY).optionalAttribute("axis", I64).result("output", ANY);

  private LogSoftmaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    Reductions.axis(longAttr("axis", -1), operandType(0).rank());
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Reductions.softmax(in.get(0), Reductions.axis(longAttr("axis", -1), in.get(0).rank()), true));
  }
}
