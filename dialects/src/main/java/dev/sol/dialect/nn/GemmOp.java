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

  /** {@code alpha * op(a) * op(b) + beta * c}; {@code c} may be null. */
  public static GemmOp create(Builder builder, Location loc, Value a, Value b, Value c, double alpha, double beta, boolean transA,
      boolean transB) {
    RankedTensorType at = (RankedTensorType) a.type();
    long[] as = at.shape();
    long[] bs = ((RankedTensorType) b.type()).shape();
    OperationState s = new OperationState(SPEC.name(), loc).operands(c == null ? List.of(a, b) : List.of(a, b, c))
        .attribute("alpha", new FloatAttr(FloatType.F64, alpha)).attribute("beta", new FloatAttr(FloatType.F64, beta))
        .attribute("trans_a", IntegerAttr.i64(transA ? 1 : 0)).attribute("trans_b", IntegerAttr.i64(transB ? 1 : 0))
        .results(new RankedTensorType(new long[] {transA ? as[1] : as[0], transB ? bs[0] : bs[1]}, at.element()));
    return builder.create(SPEC, s);
  }

  /** The factor of the product, 1 when absent. */
  public double alpha() { return floatAttr("alpha", 1); }

  /** The factor of c, 1 when absent. */
  public double beta() { return floatAttr("beta", 1); }

  /** Whether a is used transposed; false when absent. */
  public boolean transA() { return longAttr("trans_a", 0) != 0; }

  /** Whether b is used transposed; false when absent. */
  public boolean transB() { return longAttr("trans_b", 0) != 0; }

  @Override public List<Type> inferResultTypes() {
    long[] a = operandType(0).shape();
    long[] b = operandType(1).shape();
    if (a.length != 2 || b.length != 2) throw new ShapeError("expects 2-D operands");
    long m = transA() ? a[1] : a[0];
    long ka = transA() ? a[0] : a[1];
    long kb = transB() ? b[1] : b[0];
    long n = transB() ? b[0] : b[1];
    if (ka != kb) throw new ShapeError("inner dimensions differ: " + ka + " vs " + kb);
    sameElementTypes(0, numOperands());
    if (numOperands() == 3 && !Broadcast.broadcastsTo(operandType(2).shape(), new long[] {m, n})) {
      throw new ShapeError("c of shape " + java.util.Arrays.toString(operandType(2).shape()) + " does not broadcast to [" + m + ", " + n + "]");
    }
    return List.of(like(0, new long[] {m, n}));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Linear.gemm(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, alpha(), beta(), transA(), transB(),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
