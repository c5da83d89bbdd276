package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Allocates a buffer on the heap.
 *
 * <pre>{@code %0 = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>}</pre>
 */
public final class AllocOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.alloc", AllocOp.class, AllocOp::new)
      .variadicOperand("dynamicSizes", INDEX).variadicOperand("symbolOperands", INDEX).result("memref", MEMREF)
      .optionalAttribute("alignment", I64);

  private AllocOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType type = (MemRefType) result().type();
    int dynamic = 0;
    for (long d : type.shape()) if (d == ShapedType.DYNAMIC) dynamic++;
    if (operandSegment(0).size() != dynamic) {
      return diag.report(opError("dimension operand count does not equal memref dynamic dimension count"));
    }
    int symbols = type.layout() instanceof AffineMapAttr map ? map.map().numSymbols() : 0;
    if (operandSegment(1).size() != symbols) {
      return diag.report(opError("symbol operand count does not equal memref symbol count: expected " + symbols + ", got "
          + operandSegment(1).size()));
    }
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.ALLOCATE); }
}
