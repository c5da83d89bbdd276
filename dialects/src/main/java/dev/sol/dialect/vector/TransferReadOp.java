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
  /** The mask operand, or null. */
  public Value mask() { return operandSegment(3).isEmpty() ? null : operandSegment(3).getFirst(); }
  public AffineMap permutationMap() { return ((AffineMapAttr) attribute("permutation_map")).map(); }
  /** Per vector dimension, whether it is known to stay inside the source (MLIR's default: false). */
  public boolean[] inBounds() { return VectorPositions.inBounds(this, ((VectorType) result().type()).rank()); }

  /**
   * A 1-D read of {@code type} along the last dimension of {@code source} from {@code indices}
   * (the minor identity map); unless {@code inBounds}, lanes past the end of that dimension
   * read {@code padding}.
   */
  public static TransferReadOp create(Builder b, Location loc, VectorType type, Value source, java.util.List<Value> indices, Value padding,
      boolean inBounds) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(source).operands(indices).operands(padding).results(type)
        .attribute(OpSpec.OPERAND_SEGMENTS, DenseArrayAttr.i32(1, indices.size(), 1, 0))
        .attribute("permutation_map", new AffineMapAttr(VectorPositions.minorIdentity(indices.size())))
        .attribute("in_bounds", new ArrayAttr(java.util.List.of(IntegerAttr.of(inBounds)))));
  }

  @Override public boolean verify(Diagnostics diag) {
    ShapedType src = (ShapedType) operand(0).type();
    if (!operand(numOperands() - 1 - operandSegment(3).size()).type().equals(src.element())) {
      return diag.report(opError("requires formal padding and source of the same elemental type"));
    }
    return VectorPositions.verifyTransfer(this, diag, src, (VectorType) result().type(), operandSegment(1).size());
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
