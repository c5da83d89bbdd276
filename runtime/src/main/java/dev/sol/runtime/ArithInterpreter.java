package dev.sol.runtime;

import dev.sol.dialect.ConstantFolding;
import dev.sol.dialect.ElementCast;
import dev.sol.dialect.FloatElementwise;
import dev.sol.dialect.IntElementwise;
import dev.sol.dialect.arith.CmpFOp;
import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIOp;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.arith.SelectOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The arith and math ops in the interpreter, element by element. Every formula, comparison
 * and cast rule is the op's own ({@link FloatElementwise}, {@link IntElementwise},
 * {@link ElementCast}, the cmp predicates): the very methods that constant folding calls,
 * so the two cannot disagree.
 */
final class ArithInterpreter {
  private ArithInterpreter() {}

  static Tensor evaluate(Operation op, List<Tensor> in) {
    Type rt = op.result(0).type();
    return switch (op) {
      case ConstantOp c -> constant(c);
      case CmpFOp c -> {
        CmpFPredicate p = c.predicate();
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        yield bools(a.shape(), i -> p.test(a.get(i), b.get(i)));
      }
      case CmpIOp c -> {
        CmpIPredicate p = c.predicate();
        int width = ConstantFolding.width(c.lhs().type());
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        yield bools(a.shape(), i -> p.test(a.getLong(i), b.getLong(i), width));
      }
      case SelectOp _ -> select(in.get(0), in.get(1), in.get(2), rt);
      case FloatElementwise f -> floats(f, in, rt);
      case IntElementwise f -> ints(f, in, rt);
      case ElementCast c -> cast(c, in.getFirst(), op.operand(0).type(), rt);
      default -> throw Interpreter.unsupported(op);
    };
  }

  private static Tensor constant(ConstantOp op) {
    return switch (op.value()) {
      case IntegerAttr i -> Tensor.ofLongs(i.type(), new long[0], new long[] {i.value()});
      case FloatAttr f -> Tensor.ofDoubles(f.type(), new long[0], new double[] {f.value()});
      case DenseElementsAttr d -> Tensor.fromAttribute(d);
      default -> throw Interpreter.unsupported(op);
    };
  }

  private static Tensor bools(long[] shape, IntPredicate test) {
    Tensor out = Tensor.zeros(IntegerType.I1, shape);
    for (int i = 0; i < out.size(); i++) out.setLong(i, test.test(i) ? 1 : 0);
    return out;
  }

  /** A scalar condition picks whole values; a shaped one picks element by element. */
  private static Tensor select(Tensor c, Tensor x, Tensor y, Type rt) {
    Tensor out = Tensor.zeros(elementOf(rt), x.shape());
    for (int i = 0; i < out.size(); i++) Buffer.copy(c.getLong(c.rank() == 0 ? 0 : i) != 0 ? x : y, i, out, i);
    return out;
  }

  private static Tensor floats(FloatElementwise f, List<Tensor> in, Type rt) {
    Tensor out = Tensor.zeros(elementOf(rt), in.getFirst().shape());
    double[] x = new double[in.size()];
    for (int i = 0; i < out.size(); i++) {
      for (int k = 0; k < x.length; k++) x[k] = in.get(k).get(i);
      out.set(i, f.apply(x));
    }
    return out;
  }

  private static Tensor ints(IntElementwise f, List<Tensor> in, Type rt) {
    Type element = elementOf(rt);
    int width = ConstantFolding.width(element);
    Tensor out = Tensor.zeros(element, in.getFirst().shape());
    long[] x = new long[in.size()];
    for (int i = 0; i < out.size(); i++) {
      for (int k = 0; k < x.length; k++) x[k] = in.get(k).getLong(i);
      try {
        out.setLong(i, IntegerAttr.normalize(element, f.apply(width, x)));
      } catch (ArithmeticException e) {
        throw new Interpreter.InterpreterException(e.getMessage());
      }
    }
    return out;
  }

  private static Tensor cast(ElementCast c, Tensor a, Type operandType, Type rt) {
    Type from = elementOf(operandType);
    Type to = elementOf(rt);
    Tensor out = Tensor.zeros(to, a.shape());
    for (int i = 0; i < out.size(); i++) {
      Number r = c.convert(a.isFloat() ? (Number) a.get(i) : (Number) a.getLong(i), from, to);
      if (out.isFloat()) out.set(i, r.doubleValue());
      else out.setLong(i, IntegerAttr.normalize(to, r.longValue()));
    }
    return out;
  }

  private static Type elementOf(Type t) {
    return t instanceof ShapedType s ? s.element() : t;
  }
}
