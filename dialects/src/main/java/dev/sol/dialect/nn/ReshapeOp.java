package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * The same elements in another shape (attribute shape, fully static).
 *
 * <pre>{@code %1 = "nn.reshape"(%0) {shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>}</pre>
 */
public final class ReshapeOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.reshape", ReshapeOp.class, ReshapeOp::new)
      .operand("input", ANY).attribute("shape", DENSE_I64_ARRAY).result("output", ANY);

  private ReshapeOp(OperationState state) {
    super(state, SPEC);
  }

  /** The result's shape. */
  public long[] shape() { return intsAttr("shape"); }

  @Override public List<Type> inferResultTypes() {
    long[] shape = shape();
    // A target no tensor can have (negative, beyond SOL's limit) is reported by the generic
    // check of inferred shapes, which names the dimension, rather than as a count mismatch.
    if (ShapedType.shapeProblem(shape) != null) return List.of(like(0, shape));
    if (Tensor.count(shape) != operandType(0).numElements()) {
      throw new ShapeError("cannot reshape " + operandType(0) + " to " + java.util.Arrays.toString(shape));
    }
    return List.of(like(0, shape));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(in.get(0).reshaped(shape()));
  }
}
