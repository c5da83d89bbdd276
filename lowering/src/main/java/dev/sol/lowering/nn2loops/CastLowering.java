package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.CastOp;
import dev.sol.dialect.nn.Integers;
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
    Type from = nnElement(op, 0);
    Type to = ((ShapedType) op.result(0).type()).element();
    l.parallelForEach(shape(y), 1, iv -> l.store(convert(l, l.load(x, iv), from, to), y, iv));
  }

  /**
   * The scalar {@code x}, an element of the tensor element type {@code from}, converted to
   * {@code to}. Both are nn element types, whose signedness picks the conversion; the scalars
   * are their signless twins, so integers of one width and another signedness keep their bits.
   */
  static Value convert(Loops l, Value x, Type from, Type to) {
    Type target = Loops.signless(to);
    if (Loops.signless(from).equals(target)) return x;
    boolean zeroExtends = from instanceof IntegerType i && (i.width() == 1 || Integers.isUnsigned(from));
    if (from instanceof FloatType f && to instanceof FloatType g) return f.width() < g.width() ? l.extf(x, to) : l.truncf(x, to);
    if (from instanceof IntegerType && to instanceof FloatType) return zeroExtends ? l.uitofp(x, to) : l.sitofp(x, to);
    if (from instanceof FloatType && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(CmpFPredicate.UNE, x, l.constant(0, from));
      return Integers.isUnsigned(to) ? l.fptoui(x, target) : l.fptosi(x, target);
    }
    if (from instanceof IntegerType i && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(CmpIPredicate.NE, x, l.integer(0, x.type()));
      if (i.width() < j.width()) return zeroExtends ? l.extui(x, target) : l.extsi(x, target);
      return l.trunci(x, target);
    }
    throw new Unsupported("nn.cast from " + from + " to " + to + " has no lowering yet");
  }
}
