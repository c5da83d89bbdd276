package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A strided window into a buffer; static values in static_* arrays, dynamic ones as operands.
 *
 * <pre>{@code %1 = "memref.subview"(%0) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2>, static_strides = array<i64: 1>} : (memref<4xf32>) -> memref<2xf32, strided<[1]>>}</pre>
 */
public final class SubViewOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.subview", SubViewOp.class, SubViewOp::new)
      .operand("source", MEMREF).variadicOperand("offsets", INDEX).variadicOperand("sizes", INDEX).variadicOperand("strides", INDEX)
      .attribute("static_offsets", DENSE_I64_ARRAY).attribute("static_sizes", DENSE_I64_ARRAY).attribute("static_strides", DENSE_I64_ARRAY)
      .result("result", MEMREF);

  private SubViewOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public java.util.List<Value> offsets() { return operandSegment(1); }
  public long[] staticOffsets() { return ((DenseArrayAttr) attribute("static_offsets")).ints(); }

  private int mixedRank(String staticAttr) {
    return ((DenseArrayAttr) attribute(staticAttr)).size();
  }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType src = (MemRefType) source().type();
    MemRefType res = (MemRefType) result().type();
    int offsets = mixedRank("static_offsets");
    int sizes = mixedRank("static_sizes");
    int strides = mixedRank("static_strides");
    if (offsets != sizes) {
      return diag.report(opError("expected mixed offsets rank to match mixed sizes rank (" + offsets + " vs " + sizes
          + ") so the rank of the result type is well-formed."));
    }
    if (sizes != strides) {
      return diag.report(opError("expected mixed sizes rank to match mixed strides rank (" + sizes + " vs " + strides
          + ") so the rank of the result type is well-formed."));
    }
    String[] names = {"offset", "size", "stride"};
    String[] attrs = {"static_offsets", "static_sizes", "static_strides"};
    for (int k = 0; k < 3; k++) {
      long[] values = ((DenseArrayAttr) attribute(attrs[k])).ints();
      if (values.length != src.rank()) {
        return diag.report(opError("expected " + src.rank() + " " + names[k] + " values"));
      }
      int dynamic = 0;
      for (long v : values) if (v == ShapedType.DYNAMIC) dynamic++;
      if (operandSegment(k + 1).size() != dynamic) {
        return diag.report(opError("expected " + dynamic + " dynamic " + names[k] + " values"));
      }
    }
    if (!res.element().equals(src.element())) return diag.report(opError("expected result element type to be '" + src.element() + "'"));
    if (res.rank() > src.rank()) return diag.report(opError("expected result rank to be smaller or equal to the source rank"));
    return true;
  }
}
