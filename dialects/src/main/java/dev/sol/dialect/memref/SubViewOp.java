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
  public java.util.List<Value> sizes() { return operandSegment(2); }
  public java.util.List<Value> strides() { return operandSegment(3); }
  /** The offsets, with {@link ShapedType#DYNAMIC} where {@link #offsets()} gives the value. */
  public long[] staticOffsets() { return ((DenseArrayAttr) attribute("static_offsets")).ints().clone(); }
  public long[] staticSizes() { return ((DenseArrayAttr) attribute("static_sizes")).ints().clone(); }
  public long[] staticStrides() { return ((DenseArrayAttr) attribute("static_strides")).ints().clone(); }

  /**
   * A view of {@code source} of {@code resultType}: per dimension an offset, size and stride,
   * static where the array holds a number and taken from the operand lists, in order, where
   * it holds {@link ShapedType#DYNAMIC}.
   */
  public static SubViewOp create(Builder b, Location loc, MemRefType resultType, Value source,
      java.util.List<Value> offsets, java.util.List<Value> sizes, java.util.List<Value> strides,
      long[] staticOffsets, long[] staticSizes, long[] staticStrides) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(source).operands(offsets).operands(sizes).operands(strides)
        .results(resultType)
        .attribute(OpSpec.OPERAND_SEGMENTS, DenseArrayAttr.i32(1, offsets.size(), sizes.size(), strides.size()))
        .attribute("static_offsets", DenseArrayAttr.i64(staticOffsets))
        .attribute("static_sizes", DenseArrayAttr.i64(staticSizes))
        .attribute("static_strides", DenseArrayAttr.i64(staticStrides)));
  }

  /** A view with static offsets, sizes and strides; the result type is inferred as MLIR does. */
  public static SubViewOp create(Builder b, Location loc, Value source, long[] offsets, long[] sizes, long[] strides) {
    MemRefType type = inferResultType((MemRefType) source.type(), offsets, sizes, strides);
    java.util.List<Value> none = java.util.List.of();
    return create(b, loc, type, source, none, none, none, offsets, sizes, strides);
  }

  /**
   * A view with unit strides and static sizes whose offsets are {@code offsets} where they hold a
   * number and the next of {@code dynamicOffsets} where they hold {@link ShapedType#DYNAMIC}; the
   * result type is inferred as MLIR does (a dynamic offset makes the layout's offset dynamic).
   */
  public static SubViewOp create(Builder b, Location loc, Value source, long[] offsets, java.util.List<Value> dynamicOffsets, long[] sizes) {
    long[] strides = new long[sizes.length];
    java.util.Arrays.fill(strides, 1);
    MemRefType type = inferResultType((MemRefType) source.type(), offsets, sizes, strides);
    java.util.List<Value> none = java.util.List.of();
    return create(b, loc, type, source, dynamicOffsets, none, none, offsets, sizes, strides);
  }

  /** The strided type of a static view of {@code source} (identity or strided layout); an offset may be {@link ShapedType#DYNAMIC}. */
  public static MemRefType inferResultType(MemRefType source, long[] offsets, long[] sizes, long[] strides) {
    long[] sourceStrides;
    long offset;
    if (source.layout() instanceof StridedLayoutAttr s) {
      sourceStrides = s.strides();
      offset = s.offset();
    } else if (source.hasIdentityLayout()) {
      sourceStrides = new long[source.rank()];
      long acc = 1;
      for (int d = source.rank() - 1; d >= 0; d--) {
        sourceStrides[d] = acc;
        acc = acc == ShapedType.DYNAMIC || source.shape()[d] == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : acc * source.shape()[d];
      }
      offset = 0;
    } else {
      throw new IllegalArgumentException("cannot infer the subview type of " + source);
    }
    long[] resultStrides = new long[sizes.length];
    for (int d = 0; d < sizes.length; d++) {
      boolean dynamic = sourceStrides[d] == ShapedType.DYNAMIC;
      resultStrides[d] = dynamic ? ShapedType.DYNAMIC : sourceStrides[d] * strides[d];
      offset = dynamic || offset == ShapedType.DYNAMIC || offsets[d] == ShapedType.DYNAMIC ? ShapedType.DYNAMIC
          : offset + offsets[d] * sourceStrides[d];
    }
    return new MemRefType(sizes, source.element(), new StridedLayoutAttr(offset, resultStrides), source.memorySpace());
  }

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
