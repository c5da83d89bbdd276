package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The size of one dimension of a buffer.
 *
 * <pre>{@code %d = "memref.dim"(%0, %c0) : (memref<?xf32>, index) -> index}</pre>
 */
public final class DimOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("memref.dim", DimOp.class, DimOp::new)
      .operand("source", ANY_MEMREF).operand("index", INDEX).result("result", INDEX);

  private DimOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public Value index() { return operand(1); }

  /** The size of a static dimension is a constant. */
  @Override public java.util.List<Object> fold(java.util.List<Attribute> c) {
    if (!(c.get(1) instanceof IntegerAttr i) || !(operand(0).type() instanceof MemRefType m)) return null;
    if (i.value() < 0 || i.value() >= m.rank() || m.shape()[(int) i.value()] == ShapedType.DYNAMIC) return null;
    return java.util.List.of(IntegerAttr.index(m.shape()[(int) i.value()]));
  }
}
