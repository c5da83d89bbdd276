package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Logical negation of an i1 tensor (ONNX's Not).
 *
 * <pre>{@code %1 = "nn.not"(%0) : (tensor<4xi1>) -> tensor<4xi1>}</pre>
 */
public final class NotOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.not", NotOp.class, NotOp::new)
      .operand("input", ANY).result("output", ANY);

  private NotOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    LogicalBinaryOp.requireBooleans(this, 0);
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor out = Tensor.zeros(IntegerType.I1, x.shape());
    for (int i = 0; i < out.size(); i++) out.setLong(i, x.getLong(i) == 0 ? 1 : 0);
    return List.of(out);
  }
}
