package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.AndOp;
import dev.sol.dialect.nn.LogicalBinaryOp;
import dev.sol.dialect.nn.NotOp;
import dev.sol.dialect.nn.OrOp;
import dev.sol.dialect.nn.XorOp;
import dev.sol.ir.IntegerType;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * The logical ops on i1 tensors: nn.and, nn.or and nn.xor as one loop nest over the broadcast
 * result (as {@link BroadcastBinaryLowering}) with arith.andi, ori or xori; nn.not as xori with
 * true.
 */
public final class LogicalLowering<T extends LogicalBinaryOp> extends NnLowering<T> {
  private final BroadcastBinaryLowering.Formula formula;

  private LogicalLowering(Class<T> type, OpSpec spec, Buffers buffers, BroadcastBinaryLowering.Formula formula) {
    super(type, spec, buffers);
    this.formula = formula;
  }

  /** The lowerings of nn.and, nn.or, nn.xor and nn.not. */
  public static List<NnLowering<?>> all(Buffers buffers) {
    return List.of(new LogicalLowering<>(AndOp.class, AndOp.SPEC, buffers, Loops::and), new LogicalLowering<>(OrOp.class, OrOp.SPEC, buffers, Loops::or),
        new LogicalLowering<>(XorOp.class, XorOp.SPEC, buffers, Loops::xor), new Not(buffers));
  }

  @Override protected void lower(T op, Loops l, List<Value> in, List<Value> out) {
    BroadcastBinaryLowering.loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> formula.apply(l, x, y));
  }

  /** nn.not: x xor true. */
  private static final class Not extends NnLowering<NotOp> {
    Not(Buffers buffers) {
      super(NotOp.class, NotOp.SPEC, buffers);
    }

    @Override protected void lower(NotOp op, Loops l, List<Value> in, List<Value> out) {
      Value x = in.getFirst();
      Value y = out.getFirst();
      l.parallelForEach(shape(y), 1, iv -> l.store(l.xor(l.load(x, iv), l.integer(1, IntegerType.I1)), y, iv));
    }
  }
}
