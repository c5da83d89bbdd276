package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Runs its region once and returns what it yields.
 *
 * <pre>{@code %r = "scf.execute_region"() ({ "scf.yield"(%0) : (f32) -> () }) : () -> f32}</pre>
 */
public final class ExecuteRegionOp extends Operation implements RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.execute_region", ExecuteRegionOp.class, ExecuteRegionOp::new)
      .variadicResult("results", ANY).regions(1);

  private ExecuteRegionOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean verify(Diagnostics diag) {
    if (region(0).isEmpty()) return diag.report(opError("region needs to have at least one block"));
    if (region(0).entryBlock().numArguments() > 0) return diag.report(opError("region cannot have any arguments"));
    return true;
  }
}
