package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Runs the then region or the else region by an i1 condition; both yield the results.
 *
 * <pre>{@code %r = "scf.if"(%c) ({ "scf.yield"(%a) : (f32) -> () }, { "scf.yield"(%b) : (f32) -> () }) : (i1) -> f32}</pre>
 */
public final class IfOp extends Operation implements SingleBlock, RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.if", IfOp.class, IfOp::new)
      .operand("condition", I1).variadicResult("results", ANY).regions(2);

  private IfOp(OperationState state) {
    super(state, SPEC);
  }

  public Value condition() { return operand(0); }
  public Region thenRegion() { return region(0); }
  public Region elseRegion() { return region(1); }

  @Override public boolean verify(Diagnostics diag) {
    if (numResults() != 0 && elseRegion().isEmpty()) {
      return diag.report(opError("must have an else block if defining values"));
    }
    if (thenRegion().isEmpty()) return diag.report(opError("expects a non-empty then region"));
    if (!ScfRegions.verifyYield(this, 0, resultTypes(), diag)) return false;
    return elseRegion().isEmpty() || ScfRegions.verifyYield(this, 1, resultTypes(), diag);
  }
}
