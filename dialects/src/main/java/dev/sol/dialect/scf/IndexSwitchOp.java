package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Switches over an index to one of several regions. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "scf.index_switch"(...) : (...) -> (...)}</pre>
 */
public final class IndexSwitchOp extends Operation implements RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.index_switch", IndexSwitchOp.class, IndexSwitchOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private IndexSwitchOp(OperationState state) {
    super(state, SPEC);
  }
}
