package dev.sol.dialect.bufferization;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * The tensor whose value a buffer holds, during bufferization: loops that wrote a buffer
 * hand their result back to tensor-level code through it.
 *
 * <pre>{@code %t = "bufferization.to_tensor"(%m) : (memref<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ToTensorOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("bufferization.to_tensor", ToTensorOp.class, ToTensorOp::new)
      .operand("memref", ANY_MEMREF).result("result", TENSOR);

  private ToTensorOp(OperationState state) {
    super(state, SPEC);
  }

  public Value memref() { return operand(0); }

  /** The tensor a {@code memref} holds: of its shape and element type. */
  public static ToTensorOp create(Builder b, Location loc, Value memref) {
    MemRefType m = (MemRefType) memref.type();
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(memref).results(new RankedTensorType(m.shape(), m.element())));
  }

  @Override public boolean verify(Diagnostics diag) {
    if (operand(0).type() instanceof MemRefType m && result(0).type() instanceof ShapedType t
        && (!java.util.Arrays.equals(t.shape(), m.shape()) || !t.element().equals(m.element()))) {
      return diag.report(opError("result type " + t + " does not match the buffer type " + m));
    }
    return true;
  }
}
