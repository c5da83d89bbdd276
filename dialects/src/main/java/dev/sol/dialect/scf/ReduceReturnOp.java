package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends the region of scf.reduce with the combined value.
 *
 * <pre>{@code "scf.reduce.return"(%s) : (f32) -> ()}</pre>
 */
public final class ReduceReturnOp extends Operation implements Pure, IsTerminator, HasParent {
  public static final OpSpec SPEC = OpSpec.named("scf.reduce.return", ReduceReturnOp.class, ReduceReturnOp::new)
      .operand("result", ANY);

  private ReduceReturnOp(OperationState state) {
    super(state, SPEC);
  }

  public Value value() { return operand(0); }

  public static ReduceReturnOp create(Builder b, Location loc, Value value) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(value));
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("scf.reduce"); }

  @Override public boolean verify(Diagnostics diag) {
    if (parentOp() instanceof ReduceOp r && !r.operand(0).type().equals(operand(0).type())) {
      return diag.report(opError("needs to have type '" + r.operand(0).type() + "' (the type of the enclosing ReduceOp)"));
    }
    return true;
  }
}
