package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Contributes a value to a reduction of the enclosing scf.parallel; the region combines two values.
 *
 * <pre>{@code "scf.reduce"(%v) ({ ^bb0(%a: f32, %b: f32): %s = "arith.addf"(%a, %b) : (f32, f32) -> f32 "scf.reduce.return"(%s) : (f32) -> () }) : (f32) -> ()}</pre>
 */
public final class ReduceOp extends Operation implements HasParent, RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.reduce", ReduceOp.class, ReduceOp::new)
      .operand("operand", ANY).regions(1);

  private ReduceOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }
  public Block body() { return region(0).entryBlock(); }

  /**
   * Reduces {@code operand} into the enclosing scf.parallel's result: {@code combine} gets the
   * two values to combine (as block arguments) and returns the one combined value.
   */
  public static ReduceOp create(Builder b, Location loc, Value operand, BodyBuilder combine) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(operand);
    Block body = ScfRegions.addBlock(s.addRegion(), java.util.List.of(operand.type(), operand.type()), loc);
    ReduceOp op = b.create(SPEC, s);
    ScfRegions.fill(b, body, combine, (in, values) -> ReduceReturnOp.create(in, loc, values.getFirst()));
    return op;
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("scf.parallel"); }

  @Override public boolean verify(Diagnostics diag) {
    Type t = operand(0).type();
    Block b = region(0).entryBlock();
    if (b == null || b.numArguments() != 2 || !b.argument(0).type().equals(t) || !b.argument(1).type().equals(t)) {
      return diag.report(opError("expects two arguments to reduce block of type " + "'" + t + "'"));
    }
    if (!(b.back() instanceof ReduceReturnOp)) return diag.report(opError("the block inside reduce should be terminated with a 'scf.reduce.return' op"));
    return true;
  }
}
