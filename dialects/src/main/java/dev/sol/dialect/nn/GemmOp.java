package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * alpha * op(A) * op(B) + beta * C with op = transpose when trans_a/trans_b; C broadcasts.
 *
 * <pre>{@code %3 = "nn.gemm"(%a, %b, %c) {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = 0 : i64, trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>}</pre>
 */
public final class GemmOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.gemm", GemmOp.class, GemmOp::new)
      .operand("a", ANY).operand("b", ANY).optionalOperand("c", ANY).optionalAttribute("alpha", ANY_ATTR).optionalAttribute("beta", ANY_ATTR)
      .optionalAttribute("trans_a", I64).optionalAttribute("trans_b", I64).result("output", ANY);

  private GemmOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    long[] a = operandType(0).shape();
    long[] b = operandType(1).shape();
    if (a.length != 2 || b.length != 2) throw new ShapeError("expects 2-D operands");
    long m = longAttr("trans_a", 0) != 0 ? a[1] : a[0];
    long ka = longAttr("trans_a", 0) != 0 ? a[0] : a[1];
    long kb = longAttr("trans_b", 0) != 0 ? b[1] : b[0];
    long n = longAttr("trans_b", 0) != 0 ? b[0] : b[1];
    if (ka != kb) throw new ShapeError("inner dimensions differ: " + ka + " vs " + kb);
    if (numOperands() == 3) Broadcast.shape(operandType(2).shape(), new long[] {m, n});
    return List.of(like(0, new long[] {m, n}));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Linear.gemm(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, floatAttr("alpha", 1), floatAttr("beta", 1),
        longAttr("trans_a", 0) != 0, longAttr("trans_b", 0) != 0, ((RankedTensorType) result(0).type()).shape()));
  }
}
