package dev.sol.dialect.bufferization;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;

/**
 * The buffer that holds a tensor's value, during bufferization: loops written on buffers
 * read tensors through it until {@code bufferize} replaces the tensors themselves.
 *
 * <pre>{@code %m = "bufferization.to_memref"(%t) : (tensor<4xf32>) -> memref<4xf32>}</pre>
 */
public final class ToMemrefOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("bufferization.to_memref", ToMemrefOp.class, ToMemrefOp::new)
      .operand("tensor", TENSOR).result("memref", ANY_MEMREF);

  private ToMemrefOp(OperationState state) {
    super(state, SPEC);
  }

  public Value tensor() { return operand(0); }

  /** The buffer of a ranked {@code tensor}: a memref of its shape and element type with the identity layout. */
  public static ToMemrefOp create(Builder b, Location loc, Value tensor) {
    RankedTensorType t = (RankedTensorType) tensor.type();
    return create(b, loc, tensor, new MemRefType(t.shape(), t.element()));
  }

  public static ToMemrefOp create(Builder b, Location loc, Value tensor, MemRefType type) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(tensor).results(type));
  }

  @Override public boolean verify(Diagnostics diag) {
    if (operand(0).type() instanceof ShapedType t && result(0).type() instanceof MemRefType m
        && (!java.util.Arrays.equals(t.shape(), m.shape()) || !t.element().equals(m.element()))) {
      return diag.report(opError("result type " + m + " does not match the tensor type " + operand(0).type()));
    }
    return true;
  }
}
