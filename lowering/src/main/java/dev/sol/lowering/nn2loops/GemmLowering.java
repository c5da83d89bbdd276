package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.GemmOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.List;

/**
 * nn.gemm in i-k-j order: the innermost loop runs along a row of B and of the result, so LLVM
 * can vectorize it without reassociating a floating-point sum. alpha and beta * C are applied
 * to each finished row, and not at all when they change nothing. Integers (with integral alpha
 * and beta) accumulate in their own type, wrapping.
 * On a target with vectors, f32 goes to the register-tiled kernels of {@link VectorGemm}.
 */
public final class GemmLowering extends NnLowering<GemmOp> {
  private final TargetDescription target;

  public GemmLowering(Buffers buffers, TargetDescription target) {
    super(GemmOp.class, GemmOp.SPEC, buffers);
    this.target = target;
  }

  @Override protected void lower(GemmOp op, Loops l, List<Value> in, List<Value> outs) {
    Value a = in.get(0);
    Value b = in.get(1);
    Value c = in.size() > 2 ? in.get(2) : null;
    Value out = outs.getFirst();
    if (!(element(a) instanceof FloatType) && (op.alpha() != Math.rint(op.alpha()) || op.beta() != Math.rint(op.beta()))) {
      throw new Unsupported("nn.gemm on " + nnElement(op, 0) + " elements needs integral alpha and beta");
    }
    if (VectorGemm.gemm(op, l, a, b, c, out, target, buffers())) return;
    boolean ta = op.transA();
    boolean tb = op.transB();
    long k = ta ? shape(a)[0] : shape(a)[1];
    Type t = element(a);
    double alpha = op.alpha();
    double beta = op.beta();
    long[] os = shape(out);
    Type wide = accumulator(t);
    if (!wide.equals(t)) {
      // Floats narrower than f32 go by dot products summed in f32 (see accumulator), not
      // accumulated in the result.
      l.parallelForEach(os, k, iv -> {
        Value sum = l.reduce(new long[] {k}, l.constant(0, wide), (kv, acc) -> {
          Value x = widened(l, l.load(a, ta ? List.of(kv.get(0), iv.get(0)) : List.of(iv.get(0), kv.get(0))), wide);
          Value y = widened(l, l.load(b, tb ? List.of(iv.get(1), kv.get(0)) : List.of(kv.get(0), iv.get(1))), wide);
          return l.add(acc, l.mul(x, y));
        });
        if (alpha != 1) sum = l.mul(sum, l.constant(alpha, wide));
        if (c != null && beta != 0) {
          Value cv = widened(l, l.load(c, broadcastIndices(l, c, iv, os)), wide);
          sum = l.add(sum, beta == 1 ? cv : l.mul(cv, l.constant(beta, wide)));
        }
        l.store(narrowed(l, sum, t), out, iv);
      });
      return;
    }
    l.parallelForEach(new long[] {os[0]}, k * os[1], i -> {
      l.forEach(new long[] {os[1]}, j -> l.store(l.constant(0, t), out, List.of(i.get(0), j.get(0))));
      l.forEach(new long[] {k}, kv -> {
        Value x = l.load(a, ta ? List.of(kv.get(0), i.get(0)) : List.of(i.get(0), kv.get(0)));
        l.forEach(new long[] {os[1]}, j -> {
          List<Value> at = List.of(i.get(0), j.get(0));
          Value y = l.load(b, tb ? List.of(j.get(0), kv.get(0)) : List.of(kv.get(0), j.get(0)));
          l.store(l.add(l.load(out, at), l.mul(x, y)), out, at);
        });
      });
      if (alpha == 1 && (c == null || beta == 0)) return;
      l.forEach(new long[] {os[1]}, j -> {
        List<Value> at = List.of(i.get(0), j.get(0));
        Value acc = l.load(out, at);
        if (alpha != 1) acc = l.mul(acc, l.constant(alpha, t));
        if (c != null && beta != 0) {
          Value cv = l.load(c, broadcastIndices(l, c, at, os));
          acc = l.add(acc, beta == 1 ? cv : l.mul(cv, l.constant(beta, t)));
        }
        l.store(acc, out, at);
      });
    });
  }
}
