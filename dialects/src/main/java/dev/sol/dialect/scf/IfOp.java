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
  public Block thenBlock() { return thenRegion().entryBlock(); }
  /** The else block, or null when there is no else branch. */
  public Block elseBlock() { return elseRegion().entryBlock(); }
  public YieldOp thenYield() { return (YieldOp) thenBlock().back(); }
  /** The else branch's scf.yield, or null when there is no else branch. */
  public YieldOp elseYield() { return elseRegion().isEmpty() ? null : (YieldOp) elseBlock().back(); }

  /** An scf.if whose two regions are still empty (to be filled, or to receive moved blocks). */
  public static IfOp create(Builder b, Location loc, Value condition, java.util.List<Type> resultTypes) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(condition).results(resultTypes);
    s.addRegion();
    s.addRegion();
    return b.create(SPEC, s);
  }

  /**
   * An scf.if whose branches {@code thenBranch} and {@code elseBranch} build, each returning
   * what it yields; a null {@code elseBranch} leaves no else branch (for ifs without results).
   */
  public static IfOp create(Builder b, Location loc, Value condition, java.util.List<Type> resultTypes,
      BodyBuilder thenBranch, BodyBuilder elseBranch) {
    IfOp op = create(b, loc, condition, resultTypes);
    ScfRegions.fill(b, op.thenRegion().addBlock(), thenBranch, (in, values) -> YieldOp.create(in, loc, values));
    if (elseBranch != null) ScfRegions.fill(b, op.elseRegion().addBlock(), elseBranch, (in, values) -> YieldOp.create(in, loc, values));
    return op;
  }

  @Override public boolean verify(Diagnostics diag) {
    if (numResults() != 0 && elseRegion().isEmpty()) {
      return diag.report(opError("must have an else block if defining values"));
    }
    if (thenRegion().isEmpty()) return diag.report(opError("expects a non-empty then region"));
    if (!ScfRegions.verifyYield(this, 0, resultTypes(), diag)) return false;
    return elseRegion().isEmpty() || ScfRegions.verifyYield(this, 1, resultTypes(), diag);
  }
}
