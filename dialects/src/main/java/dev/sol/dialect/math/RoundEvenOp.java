package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Rounds half to even. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.roundeven"(...) : (...) -> (...)}</pre>
 */
public final class RoundEvenOp extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.roundeven", RoundEvenOp.class, RoundEvenOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private RoundEvenOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static RoundEvenOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Math.rint(x[0]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
