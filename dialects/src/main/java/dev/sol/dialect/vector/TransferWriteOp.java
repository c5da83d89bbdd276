package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Writes a vector to a buffer or tensor through a permutation map.
 *
 * <pre>{@code "vector.transfer_write"(%v, %m, %i) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (vector<4xf32>, memref<8xf32>, index) -> ()}</pre>
 */
public final class TransferWriteOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.transfer_write", TransferWriteOp.class, TransferWriteOp::new)
      .operand("vector", VECTOR).operand("source", SHAPED).variadicOperand("indices", INDEX).optionalOperand("mask", VECTOR)
      .attribute("permutation_map", AFFINE_MAP).optionalAttribute("in_bounds", BOOL_ARRAY).optionalResult("result", ANY);

  private TransferWriteOp(OperationState state) {
    super(state, SPEC);
  }

  public Value vector() { return operand(0); }
  public Value source() { return operand(1); }
  public java.util.List<Value> indices() { return operandSegment(2); }
  /** The mask operand, or null. */
  public Value mask() { return operandSegment(3).isEmpty() ? null : operandSegment(3).getFirst(); }
  public AffineMap permutationMap() { return ((AffineMapAttr) attribute("permutation_map")).map(); }
  /** Per vector dimension, whether it is known to stay inside the destination (MLIR's default: false). */
  public boolean[] inBounds() { return VectorPositions.inBounds(this, ((VectorType) vector().type()).rank()); }

  /**
   * A 1-D write of {@code vector} along the last dimension of the buffer {@code dest} from
   * {@code indices} (the minor identity map); unless {@code inBounds}, lanes past the end of
   * that dimension are not written.
   */
  public static TransferWriteOp create(Builder b, Location loc, Value vector, Value dest, java.util.List<Value> indices, boolean inBounds) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(vector, dest).operands(indices)
        .attribute(OpSpec.OPERAND_SEGMENTS, DenseArrayAttr.i32(1, 1, indices.size(), 0))
        .attribute("permutation_map", new AffineMapAttr(VectorPositions.minorIdentity(indices.size())))
        .attribute("in_bounds", new ArrayAttr(java.util.List.of(IntegerAttr.of(inBounds)))));
  }

  @Override public boolean verify(Diagnostics diag) {
    ShapedType src = (ShapedType) operand(1).type();
    if (src instanceof MemRefType && numResults() != 0) return diag.report(opError("should not have a result when writing to a memref"));
    if (src instanceof RankedTensorType && (numResults() != 1 || !result(0).type().equals(src))) {
      return diag.report(opError("expects a result of the tensor type that is written"));
    }
    return VectorPositions.verifyTransfer(this, diag, src, (VectorType) operand(0).type(), operandSegment(2).size());
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.WRITE); }
}
