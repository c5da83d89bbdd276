package dev.sol.lowering.nn2loops;

import dev.sol.ir.Operation;
import dev.sol.ir.Value;
import dev.sol.pass.conversion.ConversionPattern;
import dev.sol.pass.conversion.ConversionRewriter;
import java.util.List;

/**
 * Tried last on every illegal op: one that no other pattern lowers gets this reason as its
 * error, instead of the conversion's generic "failed to legalize".
 */
public final class NoLowering extends ConversionPattern {
  public NoLowering() {
    super(null, 0, null);
  }

  @Override public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
    return rewriter.notifyMatchFailure(op, "'" + op.name() + "' has no lowering to loops yet");
  }
}
