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

  public Block body() { return region(0).entryBlock(); }

  /** An scf.execute_region with one empty block. */
  public static ExecuteRegionOp create(Builder b, Location loc, java.util.List<Type> resultTypes) {
    OperationState s = new OperationState(SPEC.name(), loc).results(resultTypes);
    s.addRegion().addBlock();
    return b.create(SPEC, s);
  }

  /** An scf.execute_region whose block {@code body} builds, returning what it yields. */
  public static ExecuteRegionOp create(Builder b, Location loc, java.util.List<Type> resultTypes, BodyBuilder body) {
    ExecuteRegionOp op = create(b, loc, resultTypes);
    ScfRegions.fill(b, op.body(), body, (in, values) -> YieldOp.create(in, loc, values));
    return op;
  }

  @Override public boolean verify(Diagnostics diag) {
    if (region(0).isEmpty()) return diag.report(opError("region needs to have at least one block"));
    if (region(0).entryBlock().numArguments() > 0) return diag.report(opError("region cannot have any arguments"));
    return true;
  }
}
