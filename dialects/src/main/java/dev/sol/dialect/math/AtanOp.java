package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Arc tangent. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.atan"(...) : (...) -> (...)}</pre>
 */
public final class AtanOp extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.atan", AtanOp.class, AtanOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AtanOp(OperationState state) {
    super(state, SPEC);
  }

  public static AtanOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Math.atan(x[0]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
