package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * The remainder of an element-wise division, with broadcasting (ONNX's Mod). Attribute fmod
 * (default 0): 1 takes the dividend's sign, as C's fmod and %; 0 the divisor's, as Python's %
 * (integers only: floats need fmod = 1). An integer remainder by 0 is 0 here (ONNX leaves it
 * undefined), and the most negative value mod -1 is 0.
 *
 * <pre>{@code %2 = "nn.mod"(%0, %1) {fmod = 1 : i64} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ModOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.mod", ModOp.class, ModOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private ModOp(OperationState state) {
    super(state, SPEC);
  }

  /** Attribute fmod: whether the remainder takes the dividend's sign (1) or the divisor's (0, the default). */
  public boolean fmod() {
    long f = longAttr("fmod", 0);
    if (f != 0 && f != 1) throw new ShapeError("fmod must be 0 or 1, got " + f);
    return f == 1;
  }

  @Override protected void checkAttributes() {
    if (!fmod() && operandType(0).element() instanceof FloatType) throw new ShapeError("takes floats with fmod = 1 only");
  }

  @Override protected double apply(double a, double b) {
    return a % b;
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    if (b == 0) return 0;
    if (unsigned) return Long.remainderUnsigned(a, b);
    long r = a % b;
    return !fmod() && r != 0 && (r < 0) != (b < 0) ? r + b : r;
  }
}
