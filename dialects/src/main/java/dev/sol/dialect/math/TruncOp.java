package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Rounds toward zero. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.trunc"(...) : (...) -> (...)}</pre>
 */
public final class TruncOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.trunc", TruncOp.class, TruncOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TruncOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.unary(c.get(0), result(0).type(), x -> x < 0 ? Math.ceil(x) : Math.floor(x));
  }
}
