package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.TransposeOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.transpose: a loop nest over the result, reading the input at the permuted indices. */
public final class TransposeLowering extends NnLowering<TransposeOp> {
  public TransposeLowering(Buffers buffers) {
    super(TransposeOp.class, TransposeOp.SPEC, buffers);
  }

  @Override protected void lower(TransposeOp op, Loops l, List<Value> in, List<Value> out) {
    long[] perm = op.perm();
    Value x = in.getFirst();
    Value y = out.getFirst();
    l.parallelForEach(shape(y), 1, iv -> {
      Value[] src = new Value[perm.length];
      for (int d = 0; d < perm.length; d++) src[(int) perm[d]] = iv.get(d);
      l.store(l.load(x, List.of(src)), y, iv);
    });
  }
}
