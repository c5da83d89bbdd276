package dev.sol.dialect.memref;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;
import java.util.Objects;
import static dev.sol.dialect.Constraints.*;

/**
 * A typed view of a byte buffer, starting {@code byte_shift} bytes into it; one size operand
 * per dynamic dimension of the result. The memory plan places temporaries this way in the
 * arena (see {@link dev.sol.dialect.func.ArenaArgument}).
 *
 * <pre>{@code %1 = "memref.view"(%arena, %c64) : (memref<2048xi8>, index) -> memref<4x8xf32>}</pre>
 */
public final class ViewOp extends Operation implements Pure {
  private static final TypeConstraint BYTES_1D = new TypeConstraint("1D memref of 8-bit signless integer values",
      x -> x instanceof MemRefType m && m.rank() == 1 && m.element().equals(IntegerType.I8));

  public static final OpSpec SPEC = OpSpec.named("memref.view", ViewOp.class, ViewOp::new)
      .operand("source", BYTES_1D).operand("byte_shift", INDEX).variadicOperand("sizes", INDEX).result("result", MEMREF);

  private ViewOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public Value byteShift() { return operand(1); }
  public List<Value> sizes() { return operands().subList(2, numOperands()); }

  /** A view of static shape {@code type} into {@code source}, {@code byteShift} bytes in. */
  public static ViewOp create(Builder b, Location loc, Value source, Value byteShift, MemRefType type) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(source, byteShift).results(type));
  }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType base = (MemRefType) source().type();
    MemRefType view = (MemRefType) result().type();
    if (!base.hasIdentityLayout()) return diag.report(opError("unsupported map for base memref type " + base));
    if (!view.hasIdentityLayout()) return diag.report(opError("unsupported map for result memref type " + view));
    if (!Objects.equals(base.memorySpace(), view.memorySpace())) {
      return diag.report(opError("different memory spaces specified for base memref type " + base + " and view memref type " + view));
    }
    long dynamic = java.util.Arrays.stream(view.shape()).filter(d -> d == ShapedType.DYNAMIC).count();
    if (sizes().size() != dynamic) return diag.report(opError("incorrect number of size operands for type " + view));
    return true;
  }
}
