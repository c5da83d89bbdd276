package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Magnitude of lhs with the sign of rhs. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.copysign"(...) : (...) -> (...)}</pre>
 */
public final class CopySignOp extends Operation implements Pure, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.copysign", CopySignOp.class, CopySignOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CopySignOp(OperationState state) {
    super(state, SPEC);
  }

  /** The result has the type of {@code lhs}. */
  public static CopySignOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return Math.copySign(x[0], x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
