package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reads a vector from a buffer or tensor through a permutation map, padding out-of-bounds lanes.
 *
 * <pre>{@code %v = "vector.transfer_read"(%m, %i, %pad) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (memref<8xf32>, index, f32) -> vector<4xf32>}</pre>
 */
public final class TransferReadOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.transfer_read", TransferReadOp.class, TransferReadOp::new)
      .operand("source", SHAPED).variadicOperand("indices", INDEX).operand("padding", ANY).optionalOperand("mask", VECTOR)
      .attribute("permutation_map", AFFINE_MAP).optionalAttribute("in_bounds", BOOL_ARRAY).result("vector", VECTOR);

  private TransferReadOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public java.util.List<Value> indices() { return operandSegment(1); }
  public Value padding() { return operandSegment(2).getFirst(); }

  @Override public boolean verify(Diagnostics diag) {
    ShapedType src = (ShapedType) operand(0).type();
    if (!operand(numOperands() - 1 - operandSegment(3).size()).type().equals(src.element())) {
      return diag.report(opError("requires formal padding and source of the same elemental type"));
    }
    return VectorPositions.verifyTransfer(this, diag, src, (VectorType) result().type(), operandSegment(1).size());
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
