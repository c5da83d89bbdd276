package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A counted loop from lowerBound to upperBound by step, carrying iter_args values.
 *
 * <pre>{@code %r = "scf.for"(%lb, %ub, %step, %init) ({ ^bb0(%iv: index, %acc: f32): "scf.yield"(%acc) : (f32) -> () }) : (index, index, index, f32) -> f32}</pre>
 */
public final class ForOp extends Operation implements SingleBlock, RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("scf.for", ForOp.class, ForOp::new)
      .operand("lowerBound", INDEX).operand("upperBound", INDEX).operand("step", INDEX).variadicOperand("initArgs", ANY)
      .variadicResult("results", ANY).regions(1);

  private ForOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lowerBound() { return operand(0); }
  public Value upperBound() { return operand(1); }
  public Value step() { return operand(2); }
  public java.util.List<Value> initArgs() { return operands().subList(3, numOperands()); }
  public Block body() { return region(0).entryBlock(); }
  public BlockArgument inductionVar() { return body().argument(0); }
  /** The body's arguments that carry the iter args from one iteration to the next. */
  public java.util.List<BlockArgument> regionIterArgs() { return body().arguments().subList(1, body().numArguments()); }

  /** Builds one iteration: the loop's body receives the induction variable and the carried values and returns the next ones. */
  @FunctionalInterface
  public interface Body {
    java.util.List<Value> build(Builder b, Value inductionVar, java.util.List<BlockArgument> iterArgs);
  }

  /**
   * A loop from {@code lowerBound} to {@code upperBound} by {@code step} carrying
   * {@code iterArgs}; its body block has the induction variable and one argument per iter
   * arg, and no terminator yet.
   */
  public static ForOp create(Builder b, Location loc, Value lowerBound, Value upperBound, Value step, java.util.List<Value> iterArgs) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(lowerBound, upperBound, step).operands(iterArgs)
        .results(ScfRegions.typesOf(iterArgs));
    java.util.List<Type> argTypes = new java.util.ArrayList<>();
    argTypes.add(IndexType.INSTANCE);
    argTypes.addAll(ScfRegions.typesOf(iterArgs));
    ScfRegions.addBlock(s.addRegion(), argTypes, loc);
    return b.create(SPEC, s);
  }

  /** A loop whose body {@code body} builds; what it returns is yielded (scf.yield is appended). */
  public static ForOp create(Builder b, Location loc, Value lowerBound, Value upperBound, Value step, java.util.List<Value> iterArgs,
      Body body) {
    ForOp loop = create(b, loc, lowerBound, upperBound, step, iterArgs);
    ScfRegions.fill(b, loop.body(), (in, args) -> body.build(in, args.getFirst(), args.subList(1, args.size())),
        (in, values) -> YieldOp.create(in, loc, values));
    return loop;
  }

  @Override public boolean verify(Diagnostics diag) {
    if (step().definingOp() instanceof dev.sol.dialect.arith.ConstantOp c && c.value() instanceof IntegerAttr i && i.value() <= 0) {
      return diag.report(opError("constant step operand must be positive"));
    }
    if (numOperands() - 3 != numResults()) {
      return diag.report(opError("mismatch in number of loop-carried values and defined values"));
    }
    Block body = body();
    if (body == null) return diag.report(opError("expects a non-empty block"));
    if (body.numArguments() == 0 || !(body.argument(0).type() instanceof IndexType)) {
      return diag.report(opError("expected body first argument to be an index argument for the induction variable"));
    }
    if (body.numArguments() - 1 != numResults()) {
      return diag.report(opError("mismatch in number of basic block args and defined values"));
    }
    for (int i = 0; i < numResults(); i++) {
      if (!operand(3 + i).type().equals(result(i).type())) {
        return diag.report(opError("types mismatch between " + i + "th iter operand and defined value"));
      }
      if (!body.argument(1 + i).type().equals(result(i).type())) {
        return diag.report(opError("types mismatch between " + i + "th iter region arg and defined value"));
      }
    }
    return ScfRegions.verifyYield(this, 0, resultTypes(), diag);
  }
}
