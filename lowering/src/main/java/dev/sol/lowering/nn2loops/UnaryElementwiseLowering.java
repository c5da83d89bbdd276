package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.UnaryElementwiseOp;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * An element-wise op: one loop nest that loads every element, applies the subclass's scalar
 * formula and stores the result. Ops that the nn dialect defines on integers get integer
 * scalars too (signless, with the {@link Loops}' signedness); the others take floats only.
 */
public abstract class UnaryElementwiseLowering<T extends UnaryElementwiseOp> extends NnLowering<T> {
  private final Class<T> type;

  protected UnaryElementwiseLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, buffers);
    this.type = type;
  }

  /** The op class this lowering is for. */
  Class<T> opClass() { return type; }

  /**
   * The formula of {@code op} (of {@link #opClass}) applied to {@code x}: a scalar, or a vector
   * of floats for the formulas written in ops that take vectors too (fused epilogues).
   */
  Value apply(UnaryElementwiseOp op, Loops l, Value x) { return scalar(type.cast(op), l, x); }

  /** The result for one element {@code x}, a scalar of the buffer's element type. */
  protected abstract Value scalar(T op, Loops l, Value x);

  @Override protected final void lower(T op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    Value y = out.getFirst();
    if (!op.definedOnIntegers()) requireFloat(op);
    l.parallelForEach(shape(y), 1, iv -> l.store(scalar(op, l, l.load(x, iv)), y, iv));
  }
}
