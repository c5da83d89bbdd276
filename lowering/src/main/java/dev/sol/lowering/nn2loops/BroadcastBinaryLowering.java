package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.BroadcastBinaryOp;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * An element-wise op on two tensors with numpy broadcasting: one loop nest over the result,
 * where a broadcast operand is indexed by the induction variables of its own dimensions only.
 */
public final class BroadcastBinaryLowering<T extends BroadcastBinaryOp> extends NnLowering<T> {
  /** The result for one pair of elements, of the left operand's type. */
  public interface Formula {
    Value apply(Loops l, Value x, Value y);
  }

  private final Formula formula;

  public BroadcastBinaryLowering(Class<T> type, OpSpec spec, Buffers buffers, Formula formula) {
    super(type, spec, buffers);
    this.formula = formula;
  }

  @Override protected void lower(T op, Loops l, List<Value> in, List<Value> out) {
    loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> formula.apply(l, x, y));
  }

  /** The loop nest over {@code result} that stores {@code f} of the broadcast elements of {@code a} and {@code b}. */
  static void loop(Loops l, Value a, Value b, Value result, BinaryOperator<Value> f) {
    long[] os = shape(result);
    l.parallelForEach(os, 1, iv -> {
      Value x = l.load(a, broadcastIndices(l, a, iv, os));
      Value y = l.load(b, broadcastIndices(l, b, iv, os));
      l.store(f.apply(x, y), result, iv);
    });
  }
}
