package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.arith.*;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.math.*;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Constant folding and the interpreter must agree on every arith and math op: each op is
 * folded on a grid of constants (NaN, signed zeros, infinities and integer extremes
 * included) and interpreted on the same values; wherever fold gives a result, the
 * interpreter must give the same one, bit for bit.
 */
class FoldInterpreterAgreementTest {
  private final IRContext ctx = Dialects.newContext();
  private final Location loc = Location.UNKNOWN;

  /** Builds the op under test from the function's arguments. */
  private interface Make {
    Operation build(Builder b, List<BlockArgument> args);
  }

  private static final double[] FLOATS = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 0.1, 16777217.0, 1e30, -1e-40, 1e300,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

  private static long[] ints(Type t) {
    int w = t instanceof IntegerType it ? it.width() : 64;
    long max = w == 64 ? Long.MAX_VALUE : (1L << (w - 1)) - 1;
    long[] raw = {0, 1, -1, 2, 3, 5, -7, 31, 64, max, -max - 1, max - 1};
    long[] out = new long[raw.length];
    for (int i = 0; i < raw.length; i++) out[i] = IntegerAttr.normalize(t, raw[i]);
    return out;
  }

  private static final List<Type> INT_TYPES = List.of(IntegerType.I8, IntegerType.I32, IntegerType.I64, IndexType.INSTANCE);
  private static final List<FloatType> FLOAT_TYPES = List.of(FloatType.F32, FloatType.F64);

  private interface Binary {
    Operation create(Builder b, Location loc, Value lhs, Value rhs);
  }

  private interface Unary {
    Operation create(Builder b, Location loc, Value operand);
  }

  private interface Cast {
    Operation create(Builder b, Location loc, Value in, Type to);
  }

  @Test void integerArithmetic() {
    List<Binary> ops = List.of(AddIOp::create, SubIOp::create, MulIOp::create, DivSIOp::create, DivUIOp::create, RemSIOp::create,
        RemUIOp::create, CeilDivSIOp::create, FloorDivSIOp::create, AndIOp::create, OrIOp::create, XOrIOp::create, MaxSIOp::create,
        MinSIOp::create, MaxUIOp::create, MinUIOp::create, ShLIOp::create, ShRSIOp::create, ShRUIOp::create);
    for (Binary op : ops) {
      for (Type t : INT_TYPES) {
        int agreed = check(List.of(t, t), (b, a) -> op.create(b, loc, a.get(0), a.get(1)), grid(ints(t), ints(t)));
        assertTrue(agreed > 0, "nothing folded for " + op + " on " + t);
      }
    }
  }

  @Test void floatArithmeticAndMath() {
    List<Binary> binary = List.of(AddFOp::create, SubFOp::create, MulFOp::create, DivFOp::create, RemFOp::create, MaxFOp::create,
        MinFOp::create, PowFOp::create, Atan2Op::create, CopySignOp::create);
    List<Unary> unary = List.of(NegFOp::create, AbsFOp::create, CeilOp::create, FloorOp::create, CosOp::create, SinOp::create,
        TanOp::create, TanhOp::create, AtanOp::create, ExpOp::create, Exp2Op::create, ExpM1Op::create, LogOp::create, Log2Op::create,
        Log10Op::create, Log1pOp::create, SqrtOp::create, CbrtOp::create, RoundOp::create, RoundEvenOp::create, TruncOp::create);
    for (FloatType t : FLOAT_TYPES) {
      for (Binary op : binary) {
        assertTrue(check(List.of(t, t), (b, a) -> op.create(b, loc, a.get(0), a.get(1)), grid(FLOATS, FLOATS)) > 0);
      }
      for (Unary op : unary) {
        assertTrue(check(List.of(t), (b, a) -> op.create(b, loc, a.get(0)), grid(FLOATS)) > 0);
      }
    }
  }

  @Test void everyComparisonPredicateWithNaN() {
    for (CmpFPredicate p : CmpFPredicate.values()) {
      for (FloatType t : FLOAT_TYPES) {
        assertTrue(check(List.of(t, t), (b, a) -> CmpFOp.create(b, loc, p, a.get(0), a.get(1)), grid(FLOATS, FLOATS)) > 0);
      }
    }
    for (CmpIPredicate p : CmpIPredicate.values()) {
      for (Type t : INT_TYPES) {
        assertTrue(check(List.of(t, t), (b, a) -> CmpIOp.create(b, loc, p, a.get(0), a.get(1)), grid(ints(t), ints(t))) > 0);
      }
    }
  }

  @Test void casts() {
    record C(Cast op, Type from, Type to) {}
    List<C> cases = List.of(
        new C(ExtSIOp::create, IntegerType.I8, IntegerType.I32), new C(ExtSIOp::create, IntegerType.I32, IntegerType.I64),
        new C(ExtUIOp::create, IntegerType.I8, IntegerType.I32), new C(ExtUIOp::create, IntegerType.I1, IntegerType.I64),
        new C(TruncIOp::create, IntegerType.I64, IntegerType.I8), new C(TruncIOp::create, IntegerType.I32, IntegerType.I1),
        new C(IndexCastOp::create, IndexType.INSTANCE, IntegerType.I32), new C(IndexCastOp::create, IntegerType.I8, IndexType.INSTANCE),
        new C(IndexCastUIOp::create, IntegerType.I32, IndexType.INSTANCE), new C(IndexCastUIOp::create, IndexType.INSTANCE, IntegerType.I8),
        new C(SIToFPOp::create, IntegerType.I32, FloatType.F32), new C(SIToFPOp::create, IntegerType.I64, FloatType.F32),
        new C(SIToFPOp::create, IntegerType.I64, FloatType.F64), new C(UIToFPOp::create, IntegerType.I32, FloatType.F32),
        new C(UIToFPOp::create, IntegerType.I64, FloatType.F64), new C(UIToFPOp::create, IntegerType.I64, FloatType.F32),
        new C(FPToSIOp::create, FloatType.F32, IntegerType.I32), new C(FPToSIOp::create, FloatType.F64, IntegerType.I64),
        new C(FPToSIOp::create, FloatType.F64, IntegerType.I8), new C(FPToUIOp::create, FloatType.F32, IntegerType.I32),
        new C(FPToUIOp::create, FloatType.F64, IntegerType.I64), new C(FPToUIOp::create, FloatType.F64, IntegerType.I8),
        new C(ExtFOp::create, FloatType.F32, FloatType.F64), new C(ExtFOp::create, FloatType.F16, FloatType.F32),
        new C(TruncFOp::create, FloatType.F64, FloatType.F32), new C(TruncFOp::create, FloatType.F32, FloatType.BF16));
    for (C c : cases) {
      List<List<Number>> values = c.from() instanceof FloatType ? grid(FLOATS) : grid(ints(c.from()));
      assertTrue(check(List.of(c.from()), (b, a) -> c.op().create(b, loc, a.get(0), c.to()), values) > 0, c.toString());
    }
  }

  @Test void selectPicksAsFoldDoes() {
    List<List<Number>> values = new ArrayList<>();
    for (long c : new long[] {0, 1}) for (double x : FLOATS) values.add(List.of(c, x, -x));
    assertTrue(check(List.of(IntegerType.I1, FloatType.F32, FloatType.F32),
        (b, a) -> SelectOp.create(b, loc, a.get(0), a.get(1), a.get(2)), values) > 0);
  }

  @Test void divisionByZeroIsReportedWhereFoldGivesUp() {
    Operation f = function(List.of(IntegerType.I32, IntegerType.I32), (b, a) -> DivSIOp.create(b, loc, a.get(0), a.get(1)));
    List<Attribute> constants = List.of(new IntegerAttr(IntegerType.I32, 7), new IntegerAttr(IntegerType.I32, 0));
    assertEquals(null, ((Foldable) op(f)).fold(constants));
    var e = org.junit.jupiter.api.Assertions.assertThrows(Interpreter.InterpreterException.class,
        () -> Interpreter.run(f, List.of(scalar(IntegerType.I32, 7), scalar(IntegerType.I32, 0))));
    assertEquals("integer division by zero", e.getMessage());
  }

  /** Every combination of one value from each array. */
  private static List<List<Number>> grid(double[]... axes) {
    List<List<Number>> out = new ArrayList<>();
    out.add(List.of());
    for (double[] axis : axes) {
      List<List<Number>> next = new ArrayList<>();
      for (List<Number> prefix : out) {
        for (double v : axis) {
          List<Number> l = new ArrayList<>(prefix);
          l.add(v);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<List<Number>> grid(long[]... axes) {
    List<List<Number>> out = new ArrayList<>();
    out.add(List.of());
    for (long[] axis : axes) {
      List<List<Number>> next = new ArrayList<>();
      for (List<Number> prefix : out) {
        for (long v : axis) {
          List<Number> l = new ArrayList<>(prefix);
          l.add(v);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  /** A function taking {@code types} and returning the one result of the op {@code make} builds. */
  private Operation function(List<Type> types, Make make) {
    ModuleOp module = ModuleOp.create(ctx, loc);
    FuncOp f = FuncOp.create(new Builder(ctx).atEnd(module.body()), loc, "f", new FunctionType(types, List.of()));
    Builder b = new Builder(ctx).atEnd(f.body());
    Operation op = make.build(b, f.arguments());
    ReturnOp.create(b, loc, op.result());
    f.setAttribute("function_type", new TypeAttr(new FunctionType(types, List.of(op.result().type()))));
    assertTrue(Verifier.verify(module, ctx));
    return f;
  }

  private static Operation op(Operation function) { return function.region(0).entryBlock().front(); }

  /** Folds and interprets the op on each row of values; returns how many rows fold decided. */
  private int check(List<Type> types, Make make, List<List<Number>> rows) {
    Operation f = function(types, make);
    Operation op = op(f);
    int decided = 0;
    for (List<Number> row : rows) {
      List<Attribute> constants = new ArrayList<>();
      List<Tensor> inputs = new ArrayList<>();
      for (int k = 0; k < row.size(); k++) {
        constants.add(attribute(types.get(k), row.get(k)));
        inputs.add(scalar(types.get(k), row.get(k)));
      }
      List<Object> folded = ((Foldable) op).fold(constants);
      if (folded == null) continue;
      Object r = folded.getFirst();
      Number expected;
      if (r instanceof Attribute a) {
        expected = value(a);
      } else {
        expected = value(constants.get(((BlockArgument) r).index()));
      }
      Tensor actual = Interpreter.run(f, inputs).getFirst();
      Number got = actual.isFloat() ? (Number) actual.get(0) : (Number) actual.getLong(0);
      String what = op.name() + " " + types + " on " + row;
      if (expected instanceof Double d) assertEquals(0, Double.compare(d, got.doubleValue()), what + ": fold " + d + ", interpreter " + got);
      else assertEquals(expected.longValue(), got.longValue(), what);
      decided++;
    }
    return decided;
  }

  private static Attribute attribute(Type t, Number v) {
    return t instanceof FloatType ft ? new FloatAttr(ft, v.doubleValue()) : new IntegerAttr(t, v.longValue());
  }

  private static Tensor scalar(Type t, Number v) {
    return t instanceof FloatType ? Tensor.ofDoubles(t, new long[0], new double[] {v.doubleValue()})
        : Tensor.ofLongs(t, new long[0], new long[] {v.longValue()});
  }

  private static Number value(Attribute a) {
    return switch (a) {
      case FloatAttr f -> (Number) f.value();
      case IntegerAttr i -> (Number) i.value();
      default -> throw new AssertionError("fold gave " + a);
    };
  }
}
