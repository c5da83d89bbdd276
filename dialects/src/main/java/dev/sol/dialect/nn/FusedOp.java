package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.IsolatedFromAbove;
import dev.sol.ir.traits.SingleBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of nn ops that the compiler generates as one kernel (SOL's fusion): the body reads
 * the block arguments, which stand for the operands, and yields the results. The group means
 * exactly what its body means; lowering it as one loop nest is what makes it faster (for
 * example a convolution whose ReLU and residual add run on each tile while it is in
 * registers). {@code nn-fuse} forms the groups; a group that no fused lowering takes is
 * lowered op by op.
 *
 * <pre>{@code
 * %1 = "nn.fused"(%x, %w) ({
 * ^bb0(%a: tensor<1x3x8x8xf32>, %b: tensor<4x3x3x3xf32>):
 *   %c = "nn.conv"(%a, %b) {pads = array<i64: 1, 1, 1, 1>} : (...) -> tensor<1x4x8x8xf32>
 *   %r = "nn.relu"(%c) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
 *   "nn.yield"(%r) : (tensor<1x4x8x8xf32>) -> ()
 * }) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
 * }</pre>
 */
public final class FusedOp extends Operation implements IsolatedFromAbove, SingleBlock {
  public static final OpSpec SPEC = OpSpec.named("nn.fused", FusedOp.class, FusedOp::new)
      .variadicOperand("inputs", ANY).variadicResult("results", ANY).regions(1);

  private FusedOp(OperationState state) {
    super(state, SPEC);
  }

  public Block body() { return region(0).entryBlock(); }

  /** The ops of the body, without the terminator. */
  public List<Operation> members() {
    List<Operation> ops = new ArrayList<>(body().operations());
    ops.removeLast();
    return ops;
  }

  /** The values the body yields. */
  public List<Value> yielded() { return new ArrayList<>(body().terminator().operands()); }

  /** An nn.fused of {@code inputs} with an empty block, one argument per input. */
  public static FusedOp create(Builder b, Location loc, List<Value> inputs, List<Type> resultTypes) {
    OperationState s = new OperationState(SPEC.name(), loc).operands(inputs).results(resultTypes);
    Block block = s.addRegion().addBlock();
    for (Value v : inputs) block.addArgument(v.type(), loc);
    return b.create(SPEC, s);
  }

  @Override public boolean verify(Diagnostics diag) {
    if (region(0).isEmpty() || region(0).blocks().size() != 1) return diag.report(opError("expects a body of one block"));
    Block body = body();
    if (body.numArguments() != numOperands()) {
      return diag.report(opError("expects one block argument per operand, got " + body.numArguments() + " for " + numOperands()));
    }
    for (int i = 0; i < numOperands(); i++) {
      if (!body.argument(i).type().equals(operand(i).type())) {
        return diag.report(opError("block argument #" + i + " has type " + body.argument(i).type() + " but operand #" + i + " has " + operand(i).type()));
      }
    }
    if (body.operations().isEmpty() || !(body.terminator() instanceof YieldOp yield)) return diag.report(opError("expects its body to end with nn.yield"));
    if (yield.numOperands() != numResults()) {
      return diag.report(opError("yields " + yield.numOperands() + " values but has " + numResults() + " results"));
    }
    for (int i = 0; i < numResults(); i++) {
      if (!yield.operand(i).type().equals(result(i).type())) {
        return diag.report(opError("yields " + yield.operand(i).type() + " as result #" + i + " of type " + result(i).type()));
      }
    }
    return true;
  }
}
