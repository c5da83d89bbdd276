package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.PadOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.pad: a loop nest over the result. Constant padding reads a clamped address and selects
 * the value outside the input; the other modes compute which input element every position
 * repeats.
 */
public final class PadLowering extends NnLowering<PadOp> {
  public PadLowering(Buffers buffers) {
    super(PadOp.class, PadOp.SPEC, buffers);
  }

  @Override protected void lower(PadOp op, Loops l, List<Value> in, List<Value> out) {
    PadOp.Mode mode = op.mode();
    if (mode != PadOp.Mode.CONSTANT) {
      indexed(l, mode, op.pads(), in.getFirst(), out.getFirst());
      return;
    }
    Value x = in.getFirst();
    long[] s = shape(x);
    long[] pads = op.pads();
    Type t = element(x);
    Value fill = l.constant(op.value(), t);
    l.parallelForEach(shape(out.getFirst()), 1, iv -> {
      Value inside = null;
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) {
        Value i = l.sub(iv.get(d), l.index(pads[d]));
        inside = l.and(inside, l.inRange(i, 0, s[d]));
        src.add(l.clamp(i, s[d]));
      }
      Value v = l.load(x, src);
      l.store(inside == null ? v : l.select(inside, v, fill), out.getFirst(), iv);
    });
  }

  /** Reflect, edge and wrap padding: every result element reads some input element. */
  private static void indexed(Loops l, PadOp.Mode mode, long[] pads, Value x, Value y) {
    long[] s = shape(x);
    l.parallelForEach(shape(y), 1, iv -> {
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) {
        long n = s[d];
        Value i = l.sub(iv.get(d), l.index(pads[d]));
        src.add(switch (mode) {
          case EDGE -> l.clamp(i, n);
          case WRAP -> l.floorMod(i, n);
          default -> {
            if (n == 1) yield l.index(0);
            Value m = l.floorMod(i, 2 * (n - 1));
            yield l.select(l.cmp(CmpIPredicate.SGE, m, l.index(n)), l.sub(l.index(2 * (n - 1)), m), m);
          }
        });
      }
      l.store(l.load(x, src), y, iv);
    });
  }
}
