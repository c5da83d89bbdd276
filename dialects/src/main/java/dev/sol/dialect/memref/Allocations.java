package dev.sol.dialect.memref;

import dev.sol.ir.*;
import java.util.List;
import java.util.OptionalLong;

/** What memref.alloc and memref.alloca share: their state, alignment and operand checks. */
final class Allocations {
  private Allocations() {}

  /** An allocation of {@code type} with one size per dynamic dimension and, when positive, an alignment. */
  static OperationState state(OpSpec spec, Location loc, MemRefType type, List<Value> dynamicSizes, long alignment) {
    OperationState s = new OperationState(spec.name(), loc).operands(dynamicSizes).results(type)
        .attribute(OpSpec.OPERAND_SEGMENTS, DenseArrayAttr.i32(dynamicSizes.size(), 0));
    if (alignment > 0) s.attribute("alignment", IntegerAttr.i64(alignment));
    return s;
  }

  static OptionalLong alignment(Operation op) {
    return op.attribute("alignment") instanceof IntegerAttr a ? OptionalLong.of(a.value()) : OptionalLong.empty();
  }

  static boolean verify(Operation op, Diagnostics diag) {
    MemRefType type = (MemRefType) op.result(0).type();
    int dynamic = 0;
    for (long d : type.shape()) if (d == ShapedType.DYNAMIC) dynamic++;
    if (op.operandSegment(0).size() != dynamic) {
      return diag.report(op.opError("dimension operand count does not equal memref dynamic dimension count"));
    }
    int symbols = type.layout() instanceof AffineMapAttr map ? map.map().numSymbols() : 0;
    if (op.operandSegment(1).size() != symbols) {
      return diag.report(op.opError("symbol operand count does not equal memref symbol count: expected " + symbols + ", got "
          + op.operandSegment(1).size()));
    }
    return true;
  }
}
