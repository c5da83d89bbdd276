package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Clamps to [min, max] (attributes; absent means unbounded). On integers the bounds are the
 * type's values nearest inside them ({@link Integers#bound}); when min exceeds max, every
 * element becomes max, as in ONNX.
 *
 * <pre>{@code %1 = "nn.clip"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ClipOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.clip", ClipOp.class, ClipOp::new)
      .operand("input", ANY).result("output", ANY);

  private ClipOp(OperationState state) {
    super(state, SPEC);
  }

  /** The lower bound; negative infinity when absent. */
  public double min() { return floatAttr("min", Double.NEGATIVE_INFINITY); }

  /** The upper bound; positive infinity when absent. */
  public double max() { return floatAttr("max", Double.POSITIVE_INFINITY); }

  @Override protected DoubleUnaryOperator function() {
    double min = min();
    double max = max();
    return x -> Math.min(Math.max(x, min), max);
  }

  @Override protected LongUnaryOperator integerFunction(Type element) {
    boolean unsigned = Integers.isUnsigned(element);
    long min = Integers.bound(min(), element, true);
    long max = Integers.bound(max(), element, false);
    return x -> Integers.min(Integers.max(x, min, unsigned), max, unsigned);
  }
}
