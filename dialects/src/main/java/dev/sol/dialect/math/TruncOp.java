package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Rounds toward zero. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.trunc"(...) : (...) -> (...)}</pre>
 */
public final class TruncOp extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.trunc", TruncOp.class, TruncOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TruncOp(OperationState state) {
    super(state, SPEC);
  }

  public static TruncOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return x[0] < 0 ? Math.ceil(x[0]) : Math.floor(x[0]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
