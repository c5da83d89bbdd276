package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Tangent. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.tan"(...) : (...) -> (...)}</pre>
 */
public final class TanOp extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.tan", TanOp.class, TanOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TanOp(OperationState state) {
    super(state, SPEC);
  }

  public static TanOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Math.tan(x[0]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
