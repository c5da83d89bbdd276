package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The rank of a memref. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.rank"(...) : (...) -> (...)}</pre>
 */
public final class RankOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.rank", RankOp.class, RankOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private RankOp(OperationState state) {
    super(state, SPEC);
  }
}
