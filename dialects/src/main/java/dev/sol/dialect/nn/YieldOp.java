package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.HasParent;
import dev.sol.ir.traits.IsTerminator;
import dev.sol.ir.traits.Pure;
import dev.sol.ir.traits.ReturnLike;
import java.util.List;

/**
 * Ends the body of an nn.fused, yielding its results.
 *
 * <pre>{@code "nn.yield"(%r) : (tensor<4xf32>) -> ()}</pre>
 */
public final class YieldOp extends Operation implements Pure, IsTerminator, ReturnLike, HasParent {
  public static final OpSpec SPEC = OpSpec.named("nn.yield", YieldOp.class, YieldOp::new).variadicOperand("results", ANY);

  private YieldOp(OperationState state) {
    super(state, SPEC);
  }

  public static YieldOp create(Builder b, Location loc, List<Value> results) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(results));
  }

  @Override public List<String> allowedParents() { return List.of(FusedOp.SPEC.name()); }
}
