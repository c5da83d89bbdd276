package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Permutes dimensions: output dimension i is input dimension perm[i].
 *
 * <pre>{@code %1 = "nn.transpose"(%0) {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>}</pre>
 */
public final class TransposeOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.transpose", TransposeOp.class, TransposeOp::new)
      .operand("input", ANY).attribute("perm", DENSE_I64_ARRAY).result("output", ANY);

  private TransposeOp(OperationState state) {
    super(state, SPEC);
  }

  /** Output dimension i is input dimension perm[i]. */
  public long[] perm() { return intsAttr("perm"); }

  /** Replaces the permutation (canonicalization composes transposes in place). */
  public void setPerm(long[] perm) { setAttribute("perm", DenseArrayAttr.i64(perm)); }

  @Override public List<Type> inferResultTypes() {
    long[] perm = perm();
    long[] in = operandType(0).shape();
    if (perm.length != in.length) throw new ShapeError("perm has " + perm.length + " entries for a rank-" + in.length + " input");
    long[] out = new long[in.length];
    boolean[] seen = new boolean[in.length];
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] < 0 || perm[i] >= in.length || seen[(int) perm[i]]) throw new ShapeError("perm is not a permutation");
      seen[(int) perm[i]] = true;
      out[i] = in[(int) perm[i]];
    }
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] perm = perm();
    long[] outShape = ((RankedTensorType) result(0).type()).shape();
    long[] inStrides = Tensor.strides(x.shape());
    Tensor out = Tensor.zeros(x.element(), outShape);
    long[] idx = new long[outShape.length];
    for (int flat = 0; flat < out.size(); flat++) {
      long src = 0;
      for (int d = 0; d < idx.length; d++) src += idx[d] * inStrides[(int) perm[d]];
      if (x.isFloat()) out.set(flat, x.get((int) src));
      else out.setLong(flat, x.getLong((int) src));
      for (int d = idx.length - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) break;
        idx[d] = 0;
      }
    }
    return List.of(out);
  }
}
