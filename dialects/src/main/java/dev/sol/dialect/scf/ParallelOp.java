package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A parallel loop nest over several induction variables, with optional reductions (scf.reduce).
 *
 * <pre>{@code "scf.parallel"(%lb, %ub, %st) ({ ^bb0(%i: index): "scf.yield"() : () -> () }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()}</pre>
 */
public final class ParallelOp extends Operation implements SingleBlock, RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.parallel", ParallelOp.class, ParallelOp::new)
      .variadicOperand("lowerBound", INDEX).variadicOperand("upperBound", INDEX).variadicOperand("step", INDEX)
      .variadicOperand("initVals", ANY).variadicResult("results", ANY).regions(1);

  private ParallelOp(OperationState state) {
    super(state, SPEC);
  }

  public java.util.List<Value> lowerBounds() { return operandSegment(0); }
  public java.util.List<Value> upperBounds() { return operandSegment(1); }
  public java.util.List<Value> steps() { return operandSegment(2); }
  public java.util.List<Value> initVals() { return operandSegment(3); }
  public Block body() { return region(0).entryBlock(); }
  public java.util.List<BlockArgument> inductionVars() { return body().arguments(); }

  /**
   * A parallel loop nest, one induction variable per bound, reducing into {@code initVals}
   * (through scf.reduce ops in the body); the body block has no terminator yet.
   */
  public static ParallelOp create(Builder b, Location loc, java.util.List<Value> lowerBounds, java.util.List<Value> upperBounds,
      java.util.List<Value> steps, java.util.List<Value> initVals) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(lowerBounds).operands(upperBounds).operands(steps)
        .operands(initVals).results(ScfRegions.typesOf(initVals))
        .attribute(OpSpec.OPERAND_SEGMENTS, DenseArrayAttr.i32(lowerBounds.size(), upperBounds.size(), steps.size(), initVals.size()));
    ScfRegions.addBlock(s.addRegion(), java.util.Collections.nCopies(steps.size(), IndexType.INSTANCE), loc);
    return b.create(SPEC, s);
  }

  /** A parallel loop whose body {@code body} builds from the induction variables; it returns no values (scf.yield is appended). */
  public static ParallelOp create(Builder b, Location loc, java.util.List<Value> lowerBounds, java.util.List<Value> upperBounds,
      java.util.List<Value> steps, java.util.List<Value> initVals, BodyBuilder body) {
    ParallelOp op = create(b, loc, lowerBounds, upperBounds, steps, initVals);
    ScfRegions.fill(b, op.body(), body, (in, values) -> YieldOp.create(in, loc, values));
    return op;
  }

  @Override public boolean verify(Diagnostics diag) {
    int n = steps().size();
    if (n == 0) return diag.report(opError("needs at least one tuple element for lowerBound, upperBound and step"));
    if (lowerBounds().size() != n || upperBounds().size() != n) {
      return diag.report(opError("expects the same number of induction variables: " + n + " as bound and step values: "
          + lowerBounds().size()));
    }
    for (Value st : steps()) {
      if (st.definingOp() instanceof dev.sol.dialect.arith.ConstantOp c && c.value() instanceof IntegerAttr i && i.value() == 0) {
        return diag.report(opError("constant step operand must be non-zero"));
      }
    }
    Block body = body();
    if (body == null) return diag.report(opError("expects a non-empty block"));
    if (body.numArguments() != n) {
      return diag.report(opError("expects the same number of induction variables: " + body.numArguments()
          + " as bound and step values: " + n));
    }
    for (BlockArgument a : body.arguments()) {
      if (!(a.type() instanceof IndexType)) return diag.report(opError("expects arguments for the induction variable to be of index type"));
    }
    int reductions = 0;
    for (Operation o : body) if (o instanceof ReduceOp) reductions++;
    if (reductions != numResults()) {
      return diag.report(opError("expects number of results: " + numResults() + " to be the same as number of reductions: " + reductions));
    }
    if (initVals().size() != numResults()) {
      return diag.report(opError("expects number of results: " + numResults() + " to be the same as number of initial values: "
          + initVals().size()));
    }
    if (!(body.back() instanceof YieldOp y) || y.numOperands() != 0) {
      return diag.report(opError("expects its body to end with an 'scf.yield' without operands"));
    }
    return true;
  }
}
