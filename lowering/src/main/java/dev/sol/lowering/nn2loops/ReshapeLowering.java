package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.ReshapeOp;
import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.pass.conversion.ConversionRewriter;
import dev.sol.pass.conversion.OpConversionPattern;
import java.util.List;

/**
 * nn.reshape as a view, moving no element: both buffers are contiguous in row-major order, so
 * the result is the input's buffer seen with the new shape (collapsed to one dimension, then
 * expanded). A copy cost ShuffleNet v2 33 loops over its channels at every run (Flatten,
 * Reshape and the reshapes of its channel shuffles). Nothing writes into a buffer after the op
 * that made it, so sharing one is safe; the memory plan keeps a buffer alive while any view of
 * it is used, and a returned view is copied into the caller's buffer.
 */
public final class ReshapeLowering extends OpConversionPattern<ReshapeOp> {
  private final Buffers buffers;

  public ReshapeLowering(Buffers buffers) {
    super(ReshapeOp.class, ReshapeOp.SPEC, null);
    this.buffers = buffers;
  }

  @Override public boolean convert(ReshapeOp op, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), Integers.isUnsigned(((ShapedType) op.result(0).type()).element()));
    Value flat = l.flatten(buffers.read(l, adaptor.getFirst(), op));
    MemRefType type = ConvertNnToLoopsPass.bufferType(op.result(0), op);
    Value view = switch (type.rank()) {
      case 0 -> CollapseShapeOp.create(l.builder(), l.location(), type, flat).result();
      case 1 -> flat;
      default -> {
        int[] all = new int[type.rank()];
        for (int d = 0; d < all.length; d++) all[d] = d;
        yield ExpandShapeOp.create(l.builder(), l.location(), type, flat, all).result();
      }
    };
    rewriter.replaceOp(op, List.of(buffers.written(l, op.result(0).type(), view)));
    return true;
  }
}
