package dev.sol.dialect.memref;

import dev.sol.ir.*;

/** Checks shared by memref.alloc and memref.alloca: operand counts against the result type. */
final class AllocVerifier {
  private AllocVerifier() {}

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
