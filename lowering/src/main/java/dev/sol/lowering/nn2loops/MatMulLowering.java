package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.MatMulOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * nn.matmul with numpy's batch broadcasting. Matrices go in i-k-j order, as in gemm, so the
 * innermost loop is a vectorizable row update; a vector operand (which ONNX drops from the
 * result's dimensions) gets a dot product per result element instead. Integers accumulate in
 * their own type, wrapping.
 * On a target with vectors, f32 matrices go to the register-tiled kernels of {@link VectorGemm}.
 */
public final class MatMulLowering extends NnLowering<MatMulOp> {
  private final TargetDescription target;

  public MatMulLowering(Buffers buffers, TargetDescription target) {
    super(MatMulOp.class, MatMulOp.SPEC, buffers);
    this.target = target;
  }

  @Override protected void lower(MatMulOp op, Loops l, List<Value> in, List<Value> outs) {
    Value a = in.get(0);
    Value b = in.get(1);
    Value out = outs.getFirst();
    if (VectorGemm.matmul(op, l, a, b, out, target, buffers())) return;
    long[] as = shape(a);
    long[] bs = shape(b);
    long[] os = shape(out);
    boolean aVec = as.length == 1;
    boolean bVec = bs.length == 1;
    long k = as[as.length - 1];
    Type t = element(a);
    // Floats narrower than f32 go by dot products summed in f32 (see accumulator), not
    // accumulated in the result.
    if (!aVec && !bVec && accumulator(t).equals(t)) {
      int r = os.length;
      long n = os[r - 1];
      l.parallelForEach(Arrays.copyOf(os, r - 1), k * n, rv -> {
        List<Value> batch = rv.subList(0, r - 2);
        l.forEach(new long[] {n}, j -> l.store(l.constant(0, t), out, with(rv, j.get(0))));
        l.forEach(new long[] {k}, kv -> {
          Value x = l.load(a, batchIndices(l, as, batch, List.of(rv.get(r - 2), kv.get(0))));
          l.forEach(new long[] {n}, j -> {
            List<Value> at = with(rv, j.get(0));
            Value y = l.load(b, batchIndices(l, bs, batch, List.of(kv.get(0), j.get(0))));
            l.store(l.add(l.load(out, at), l.mul(x, y)), out, at);
          });
        });
      });
      return;
    }
    l.parallelForEach(os, k, iv -> {
      List<Value> full = new ArrayList<>(iv);
      if (aVec) full.add(full.size() - (bVec ? 0 : 1), l.index(0));
      if (bVec) full.add(l.index(0));
      int r = full.size();
      Type c = accumulator(t);
      Value acc = l.reduce(new long[] {k}, l.constant(0, c), (kv, s) -> {
        List<Value> ai = batchIndices(l, as, aVec ? null : full.subList(0, r - 2), aVec ? List.of(kv.get(0)) : List.of(full.get(r - 2), kv.get(0)));
        List<Value> bi = batchIndices(l, bs, bVec ? null : full.subList(0, r - 2), bVec ? List.of(kv.get(0)) : List.of(kv.get(0), full.get(r - 1)));
        return l.add(s, l.mul(widened(l, l.load(a, ai), c), widened(l, l.load(b, bi), c)));
      });
      l.store(narrowed(l, acc, t), out, iv);
    });
  }

  private static List<Value> with(List<Value> prefix, Value last) {
    List<Value> idx = new ArrayList<>(prefix);
    idx.add(last);
    return idx;
  }

  /** Indices into an operand of shape {@code s}: its batch dimensions broadcast against the result's, then its matrix indices. */
  private static List<Value> batchIndices(Loops l, long[] s, List<Value> outBatch, List<Value> matrix) {
    List<Value> idx = new ArrayList<>();
    if (outBatch != null) {
      int batchRank = s.length - 2;
      int off = outBatch.size() - batchRank;
      for (int d = 0; d < batchRank; d++) idx.add(s[d] == 1 ? l.index(0) : outBatch.get(d + off));
    }
    idx.addAll(matrix);
    return idx;
  }
}
