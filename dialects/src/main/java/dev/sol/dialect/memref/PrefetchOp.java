package dev.sol.dialect.memref;

import dev.sol.ir.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A hint that the element of a buffer at the indices will soon be read (or written): the
 * target loads its cache line ahead. It never faults and changes no value, so an address past
 * the buffer is allowed, as for LLVM's {@code llvm.prefetch}.
 *
 * <pre>{@code "memref.prefetch"(%m, %i) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<400xf32>, index) -> ()}</pre>
 */
public final class PrefetchOp extends Operation {
  private static final AttrConstraint LOCALITY = new AttrConstraint(
      "32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3",
      x -> x instanceof IntegerAttr i && i.type().equals(IntegerType.I32) && i.value() >= 0 && i.value() <= 3);
  public static final OpSpec SPEC = OpSpec.named("memref.prefetch", PrefetchOp.class, PrefetchOp::new)
      .operand("memref", MEMREF).variadicOperand("indices", INDEX)
      .attribute("isWrite", BOOL).attribute("localityHint", LOCALITY).attribute("isDataCache", BOOL);


  private PrefetchOp(OperationState state) {
    super(state, SPEC);
  }

  public Value memref() { return operand(0); }
  public java.util.List<Value> indices() { return operands().subList(1, numOperands()); }
  public boolean isWrite() { return ((IntegerAttr) attribute("isWrite")).value() != 0; }
  /** 0 (no temporal locality, keep it out of the caches) to 3 (keep it in all levels). */
  public int localityHint() { return (int) ((IntegerAttr) attribute("localityHint")).value(); }
  public boolean isDataCache() { return ((IntegerAttr) attribute("isDataCache")).value() != 0; }

  /** A data-cache prefetch for reading the element of {@code memref} at {@code indices}, kept in all cache levels. */
  public static PrefetchOp read(Builder b, Location loc, Value memref, java.util.List<Value> indices) {
    return read(b, loc, memref, indices, 3);
  }

  /** A data-cache prefetch for reading the element of {@code memref} at {@code indices} with locality {@code hint} (0 to 3). */
  public static PrefetchOp read(Builder b, Location loc, Value memref, java.util.List<Value> indices, int hint) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(memref).operands(indices)
        .attribute("isWrite", IntegerAttr.of(false)).attribute("localityHint", new IntegerAttr(IntegerType.I32, hint))
        .attribute("isDataCache", IntegerAttr.of(true)));
  }

  @Override public boolean verify(Diagnostics diag) {
    if (numOperands() != 1 + ((MemRefType) memref().type()).rank()) return diag.report(opError("too few indices"));
    return true;
  }
}
