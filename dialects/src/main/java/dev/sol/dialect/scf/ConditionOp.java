package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends the before region of scf.while: continue with the forwarded values when the condition holds.
 *
 * <pre>{@code "scf.condition"(%c, %a) : (i1, i32) -> ()}</pre>
 */
public final class ConditionOp extends Operation implements Pure, IsTerminator, HasParent {
  public static final OpSpec SPEC = OpSpec.named("scf.condition", ConditionOp.class, ConditionOp::new)
      .operand("condition", I1).variadicOperand("args", ANY);

  private ConditionOp(OperationState state) {
    super(state, SPEC);
  }

  public Value condition() { return operand(0); }
  public java.util.List<Value> args() { return operands().subList(1, numOperands()); }

  /** Ends the before block of scf.while: continue with {@code args} while {@code condition} holds, else return them. */
  public static ConditionOp create(Builder b, Location loc, Value condition, java.util.List<Value> args) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(condition).operands(args));
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("scf.while"); }
}
