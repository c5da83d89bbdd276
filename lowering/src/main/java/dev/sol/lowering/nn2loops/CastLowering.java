package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.CastOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.cast: every element converted as ONNX Cast does (to bool: compared with zero). */
public final class CastLowering extends NnLowering<CastOp> {
  public CastLowering(Buffers buffers) {
    super(CastOp.class, CastOp.SPEC, buffers);
  }

  @Override protected void lower(CastOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    Value y = out.getFirst();
    Type to = element(y);
    l.forEach(shape(y), iv -> l.store(convert(l, l.load(x, iv), to), y, iv));
  }

  /** The scalar {@code x} converted to the element type {@code to}. */
  static Value convert(Loops l, Value x, Type to) {
    Type from = x.type();
    if (from.equals(to)) return x;
    if (from instanceof FloatType f && to instanceof FloatType g) return f.width() < g.width() ? l.extf(x, to) : l.truncf(x, to);
    if (from instanceof IntegerType i && to instanceof FloatType) {
      return i.width() == 1 || i.signedness() == IntegerType.Signedness.UNSIGNED ? l.uitofp(x, to) : l.sitofp(x, to);
    }
    if (from instanceof FloatType && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(CmpFPredicate.UNE, x, l.constant(0, from));
      return j.signedness() == IntegerType.Signedness.UNSIGNED ? l.fptoui(x, to) : l.fptosi(x, to);
    }
    if (from instanceof IntegerType i && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(CmpIPredicate.NE, x, l.constant(0, from));
      if (i.width() < j.width()) return i.width() == 1 || i.signedness() == IntegerType.Signedness.UNSIGNED ? l.extui(x, to) : l.extsi(x, to);
      return l.trunci(x, to);
    }
    throw new Unsupported("nn.cast from " + from + " to " + to + " has no lowering yet");
  }
}
