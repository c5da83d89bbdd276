package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Matrix product with numpy semantics (1-D operands promoted, batch dimensions broadcast).
 *
 * <pre>{@code %2 = "nn.matmul"(%0, %1) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>}</pre>
 */
public final class MatMulOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.matmul", MatMulOp.class, MatMulOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private MatMulOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    sameElementTypes(0, 2);
    return List.of(like(0, Linear.matmulShape(operandType(0).shape(), operandType(1).shape())));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Linear.matmul(in.get(0), in.get(1)));
  }
}
