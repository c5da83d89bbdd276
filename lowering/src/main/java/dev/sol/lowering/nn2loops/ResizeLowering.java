package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Resize;
import dev.sol.dialect.nn.ResizeOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * nn.resize is separable: one pass per changed axis, innermost first, each reading its
 * per-position input indices and weights from constant tables computed now (the shapes are
 * static). Passes before the last write temporary buffers, freed once read.
 */
public final class ResizeLowering extends NnLowering<ResizeOp> {
  public ResizeLowering(Buffers buffers) {
    super(ResizeOp.class, ResizeOp.SPEC, buffers);
  }

  @Override protected void lower(ResizeOp op, Loops l, List<Value> ins, List<Value> outs) {
    Value in = ins.getFirst();
    Value out = outs.getFirst();
    requireFloat(op);
    long[] s = shape(in).clone();
    Resize.AxisTable[] tables;
    try {
      tables = Resize.tables(op, s);
    } catch (IllegalArgumentException e) {
      throw new Unsupported("nn.resize: " + e.getMessage());
    }
    int outermost = lastChanged(tables);
    if (outermost < 0) {
      copy(l, in, out);
      return;
    }
    Type t = element(in);
    Value cur = in;
    for (int axis = s.length - 1; axis >= 0; axis--) {
      Resize.AxisTable table = tables[axis];
      if (table == null) continue;
      int outLen = table.index().length;
      int taps = table.index()[0].length;
      long[] idx = new long[outLen * taps];
      double[] w = new double[outLen * taps];
      for (int o = 0; o < outLen; o++) {
        for (int k = 0; k < taps; k++) {
          idx[o * taps + k] = table.index()[o][k];
          w[o * taps + k] = table.weight()[o][k];
        }
      }
      Value idxBuf = buffers().table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {outLen, taps}, IntegerType.I64, null), idx), op);
      Value wBuf = buffers().table(l, DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {outLen, taps}, t, null), w), op);
      Value offBuf = buffers().table(l, DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {outLen}, t, null), table.offset()), op);
      s[axis] = outLen;
      Value next = axis == outermost ? out : l.alloc(new MemRefType(s.clone(), t));
      Value src = cur;
      int ax = axis;
      l.parallelForEach(s.clone(), 3L * taps, iv -> {
        Value o = iv.get(ax);
        Value acc = l.reduce(new long[] {taps}, l.load(offBuf, List.of(o)), (kv, a) -> {
          Value i = l.indexCast(l.load(idxBuf, List.of(o, kv.get(0))));
          return l.add(a, l.mul(l.load(wBuf, List.of(o, kv.get(0))), l.load(src, at(iv, ax, i))));
        });
        l.store(acc, next, iv);
      });
      if (cur != in) l.dealloc(cur);
      cur = next;
    }
  }

  /** The outermost changed axis: its pass is the last one, which writes the result buffer. */
  private static int lastChanged(Resize.AxisTable[] tables) {
    for (int axis = 0; axis < tables.length; axis++) if (tables[axis] != null) return axis;
    return -1;
  }
}
