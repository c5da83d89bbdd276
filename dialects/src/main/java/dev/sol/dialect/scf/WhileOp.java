package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A while loop: the before region computes the condition (scf.condition), the after region the next iteration.
 *
 * <pre>{@code %r = "scf.while"(%init) ({ ^bb0(%a: i32): "scf.condition"(%c, %a) : (i1, i32) -> () }, { ^bb0(%b: i32): "scf.yield"(%b) : (i32) -> () }) : (i32) -> i32}</pre>
 */
public final class WhileOp extends Operation implements RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.while", WhileOp.class, WhileOp::new)
      .variadicOperand("inits", ANY).variadicResult("results", ANY).regions(2);

  private WhileOp(OperationState state) {
    super(state, SPEC);
  }

  public java.util.List<Value> inits() { return operands(); }

  public Region before() { return region(0); }
  public Region after() { return region(1); }
  public Block beforeBlock() { return before().entryBlock(); }
  public Block afterBlock() { return after().entryBlock(); }

  /**
   * A while loop over {@code inits}: the before block takes arguments of the inits' types, the
   * after block of {@code resultTypes}; both are empty.
   */
  public static WhileOp create(Builder b, Location loc, java.util.List<Type> resultTypes, java.util.List<Value> inits) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(inits).results(resultTypes);
    ScfRegions.addBlock(s.addRegion(), ScfRegions.typesOf(inits), loc);
    ScfRegions.addBlock(s.addRegion(), resultTypes, loc);
    return b.create(SPEC, s);
  }

  /**
   * A while loop whose blocks the callbacks build: {@code before} returns the condition
   * followed by the values forwarded to the after block or the results (scf.condition is
   * appended), {@code after} returns the next values of the before block's arguments.
   */
  public static WhileOp create(Builder b, Location loc, java.util.List<Type> resultTypes, java.util.List<Value> inits,
      BodyBuilder before, BodyBuilder after) {
    WhileOp op = create(b, loc, resultTypes, inits);
    ScfRegions.fill(b, op.beforeBlock(), before,
        (in, values) -> ConditionOp.create(in, loc, values.getFirst(), values.subList(1, values.size())));
    ScfRegions.fill(b, op.afterBlock(), after, (in, values) -> YieldOp.create(in, loc, values));
    return op;
  }

  @Override public boolean verify(Diagnostics diag) {
    Block before = before().entryBlock();
    Block after = after().entryBlock();
    if (before == null || after == null) return diag.report(opError("expects non-empty before and after regions"));
    if (!ScfRegions.argTypesMatch(before, operandTypes())) {
      return diag.report(opError("expects the 'before' region arguments to match the operand types"));
    }
    if (!(before.back() instanceof ConditionOp cond)) {
      return diag.report(opError("expects the 'before' region to terminate with 'scf.condition'")
          .note(before.back() == null ? location() : before.back().location(), "terminator here"));
    }
    java.util.List<Type> forwarded = cond.operandTypes().subList(1, cond.numOperands());
    if (!forwarded.equals(resultTypes())) {
      return diag.report(opError("expects the types forwarded by 'scf.condition' to match the result types"));
    }
    if (!ScfRegions.argTypesMatch(after, resultTypes())) {
      return diag.report(opError("expects the 'after' region arguments to match the result types"));
    }
    return ScfRegions.verifyYield(this, 1, operandTypes(), diag);
  }
}
