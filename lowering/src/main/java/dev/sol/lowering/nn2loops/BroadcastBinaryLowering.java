package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.BroadcastBinaryOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

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
    Value result = out.getFirst();
    long[] os = shape(result);
    Value a = in.get(0);
    Value b = in.get(1);
    l.forEach(os, iv -> {
      Value x = l.load(a, broadcastIndices(l, a, iv, os));
      Value y = l.load(b, broadcastIndices(l, b, iv, os));
      l.store(formula.apply(l, x, y), result, iv);
    });
  }

  /** ONNX Pow allows any mix of element types: computed in f64, converted to the result type. */
  public static Value pow(Loops l, Value x, Value y) {
    Value r = l.powf(CastLowering.convert(l, x, FloatType.F64), CastLowering.convert(l, y, FloatType.F64));
    return CastLowering.convert(l, r, x.type());
  }
}
