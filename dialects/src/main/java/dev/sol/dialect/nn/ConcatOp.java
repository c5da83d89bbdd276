package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Joins tensors along an axis.
 *
 * <pre>{@code %2 = "nn.concat"(%0, %1) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>}</pre>
 */
public final class ConcatOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.concat", ConcatOp.class, ConcatOp::new)
      .variadicOperand("inputs", ANY).attribute("axis", I64).result("output", ANY);

  private ConcatOp(OperationState state) {
    super(state, SPEC);
  }

  /** The axis the operands are joined along; the verifier requires 0 <= axis < rank. */
  public int axis() { return (int) longAttr("axis", 0); }

  @Override public List<Type> inferResultTypes() {
    if (numOperands() == 0) throw new ShapeError("needs at least one operand");
    long[] first = operandType(0).shape();
    int axis = axis();
    if (axis < 0 || axis >= first.length) throw new ShapeError("axis " + axis + " is out of range for rank " + first.length);
    long[] out = first.clone();
    out[axis] = 0;
    for (int i = 0; i < numOperands(); i++) {
      long[] s = operandType(i).shape();
      if (s.length != first.length) throw new ShapeError("operand #" + i + " has rank " + s.length + ", operand #0 rank " + first.length);
      for (int d = 0; d < first.length; d++) {
        if (d != axis && (s.length != first.length || s[d] != first[d])) throw new ShapeError("operand #" + i + " does not match on dimension " + d);
      }
      out[axis] = Math.addExact(out[axis], s[axis]);
    }
    sameElementTypes(0, numOperands());
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    int axis = axis();
    long[] outShape = ((RankedTensorType) result(0).type()).shape();
    Tensor out = Tensor.zeros(in.get(0).element(), outShape);
    long outer = 1;
    for (int d = 0; d < axis; d++) outer *= outShape[d];
    long inner = 1;
    for (int d = axis + 1; d < outShape.length; d++) inner *= outShape[d];
    int pos = 0;
    for (long o = 0; o < outer; o++) {
      for (Tensor t : in) {
        long chunk = t.shape()[axis] * inner;
        for (long k = 0; k < chunk; k++) {
          int src = (int) (o * chunk + k);
          if (out.isFloat()) out.set(pos++, t.get(src));
          else out.setLong(pos++, t.getLong(src));
        }
      }
    }
    return List.of(out);
  }
}
