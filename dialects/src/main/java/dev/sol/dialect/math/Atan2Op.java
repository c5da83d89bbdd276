package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Two-argument arc tangent. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.atan2"(...) : (...) -> (...)}</pre>
 */
public final class Atan2Op extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.atan2", Atan2Op.class, Atan2Op::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private Atan2Op(OperationState state) {
    super(state, SPEC);
  }

  /** The result has the type of {@code lhs}. */
  public static Atan2Op create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return Math.atan2(x[0], x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
