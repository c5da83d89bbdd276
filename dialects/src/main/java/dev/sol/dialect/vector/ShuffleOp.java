package dev.sol.dialect.vector;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Picks lanes of two 1-D vectors by a static mask: lane i of the result is lane {@code mask[i]}
 * of the concatenation of {@code v1} and {@code v2} (MLIR 16's form; MLIR's n-D shuffles of
 * leading dimensions are not supported).
 *
 * <pre>{@code %e = "vector.shuffle"(%a, %b) {mask = [0, 2, 4, 6]} : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>}</pre>
 */
public final class ShuffleOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.shuffle", ShuffleOp.class, ShuffleOp::new)
      .operand("v1", VECTOR).operand("v2", VECTOR).attribute("mask", I64_ARRAY).result("vector", VECTOR);

  private ShuffleOp(OperationState state) {
    super(state, SPEC);
  }

  public Value v1() { return operand(0); }
  public Value v2() { return operand(1); }

  public long[] mask() {
    return ((ArrayAttr) attribute("mask")).elements().stream().mapToLong(e -> ((IntegerAttr) e).value()).toArray();
  }

  /** The lanes {@code mask} of v1 followed by v2 (1-D vectors of one element type). */
  public static ShuffleOp create(Builder b, Location loc, Value v1, Value v2, long... mask) {
    VectorType t = (VectorType) v1.type();
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(v1, v2)
        .results(new VectorType(new long[] {mask.length}, t.element()))
        .attribute("mask", VectorPositions.attribute(mask)));
  }

  @Override public boolean verify(Diagnostics diag) {
    VectorType a = (VectorType) v1().type();
    VectorType b = (VectorType) v2().type();
    VectorType r = (VectorType) result().type();
    if (a.rank() != 1 || b.rank() != 1 || r.rank() != 1) return diag.report(opError("only 1-D vectors are supported"));
    if (!a.element().equals(b.element()) || !r.element().equals(a.element())) {
      return diag.report(opError("expected operands and result of one element type"));
    }
    long[] mask = mask();
    if (r.shape()[0] != mask.length) return diag.report(opError("expected the result to have as many lanes as the mask (" + mask.length + ")"));
    long lanes = a.shape()[0] + b.shape()[0];
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] < 0 || mask[i] >= lanes) return diag.report(opError("mask index #" + (i + 1) + " is out of range"));
    }
    return true;
  }
}
