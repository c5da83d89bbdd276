package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends a region of an scf operation, yielding values to the parent.
 *
 * <pre>{@code "scf.yield"(%0) : (f32) -> ()}</pre>
 */
public final class YieldOp extends Operation implements Pure, IsTerminator, ReturnLike, HasParent {
  public static final OpSpec SPEC = OpSpec.named("scf.yield", YieldOp.class, YieldOp::new)
      .variadicOperand("results", ANY);

  private YieldOp(OperationState state) {
    super(state, SPEC);
  }

  public static YieldOp create(Builder b, Location loc, java.util.List<Value> results) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(results));
  }

  public static YieldOp create(Builder b, Location loc, Value... results) { return create(b, loc, java.util.List.of(results)); }

  @Override public java.util.List<String> allowedParents() {
    return java.util.List.of("scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.parallel", "scf.while");
  }
}
