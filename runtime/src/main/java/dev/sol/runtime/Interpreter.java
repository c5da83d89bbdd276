package dev.sol.runtime;

import dev.sol.dialect.nn.Erf;
import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The reference interpreter: runs functions operation by operation. Tensors, vectors and
 * scalars are {@link Tensor} values (scalars of rank 0), memrefs are {@link Buffer} views
 * of tensors. nn operations run their own kernels; func, arith, math, scf, memref and the
 * common vector operations are interpreted here. Written for obvious correctness.
 */
public final class Interpreter {
  /** A failure to run, naming the operation. */
  public static final class InterpreterException extends RuntimeException {
    public InterpreterException(String message) { super(message, null, false, false); }
  }

  private final Operation module;
  private final Map<String, Buffer> globals = new HashMap<>();
  private int depth;

  private Interpreter(Operation module) { this.module = module; }

  /** Runs {@code function} (a func.func) on tensors; memref arguments are created from them. */
  public static List<Tensor> run(Operation function, List<Tensor> arguments) {
    Operation module = function.parentOp() != null ? function.parentOp() : function;
    Interpreter in = new Interpreter(module);
    Block body = function.region(0).entryBlock();
    if (body == null) throw new InterpreterException("function has no body");
    if (arguments.size() != body.numArguments()) {
      throw new InterpreterException("expected " + body.numArguments() + " inputs, got " + arguments.size());
    }
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      Tensor t = arguments.get(i);
      Type expected = body.argument(i).type();
      if (expected instanceof MemRefType m) {
        if (!Arrays.equals(m.shape(), t.shape()) || !m.element().equals(t.element())) {
          throw new InterpreterException("input #" + i + " has type " + t.type() + ", expected " + expected);
        }
        args.add(Buffer.allocate(t));
      } else {
        if (!t.type().equals(expected) && !(expected.equals(t.element()) && t.rank() == 0)) {
          throw new InterpreterException("input #" + i + " has type " + t.type() + ", expected " + expected);
        }
        args.add(t);
      }
    }
    List<Object> results = in.call(function, args);
    List<Tensor> out = new ArrayList<>();
    for (Object r : results) out.add(r instanceof Buffer b ? copyOut(b) : (Tensor) r);
    return out;
  }

  /** The {@code func.func} named {@code name} in a module, or null. */
  public static Operation function(Operation module, String name) {
    for (Operation op : module.region(0).entryBlock()) {
      if (op.name().equals("func.func") && name.equals(Symbols.nameOf(op))) return op;
    }
    return null;
  }

  private List<Object> call(Operation function, List<Object> args) {
    if (++depth > 1000) throw new InterpreterException("call depth exceeds 1000 (runaway recursion?)");
    Map<Value, Object> env = new IdentityHashMap<>();
    Block body = function.region(0).entryBlock();
    for (int i = 0; i < args.size(); i++) env.put(body.argument(i), args.get(i));
    List<Object> r = runBlock(body, env);
    depth--;
    return r;
  }

  /** Runs a block; returns the operands of its terminator. */
  private List<Object> runBlock(Block block, Map<Value, Object> env) {
    for (Operation op : block) {
      if (op == block.back() && (op instanceof dev.sol.ir.traits.IsTerminator)) {
        List<Object> out = new ArrayList<>();
        for (Value v : op.operands()) out.add(get(env, v));
        return out;
      }
      List<Object> results = execute(op, env);
      for (int i = 0; i < results.size(); i++) env.put(op.result(i), results.get(i));
    }
    return List.of();
  }

  private static Object get(Map<Value, Object> env, Value v) {
    Object o = env.get(v);
    if (o == null) throw new InterpreterException("value used before it was computed");
    return o;
  }

  private Tensor t(Map<Value, Object> env, Operation op, int i) { return (Tensor) get(env, op.operand(i)); }

  private Buffer m(Map<Value, Object> env, Operation op, int i) { return (Buffer) get(env, op.operand(i)); }

  private long[] indices(Map<Value, Object> env, Operation op, int from, int count) {
    long[] idx = new long[count];
    for (int k = 0; k < count; k++) idx[k] = t(env, op, from + k).getLong(0);
    return idx;
  }

  private List<Object> execute(Operation op, Map<Value, Object> env) {
    if (op instanceof NnOp nn) {
      List<Tensor> in = new ArrayList<>();
      for (int i = 0; i < op.numOperands(); i++) in.add(t(env, op, i));
      return new ArrayList<>(nn.evaluate(in));
    }
    String name = op.name();
    return switch (op.dialectNamespace()) {
      case "arith" -> List.of(arith(op, env));
      case "math" -> List.of(math(op, env));
      case "scf" -> scf(op, env);
      case "memref" -> memref(op, env);
      case "vector" -> vector(op, env);
      case "bufferization" -> {
        if (name.equals("bufferization.to_memref")) yield List.of(Buffer.allocate(t(env, op, 0)));
        if (!name.equals("bufferization.to_tensor")) throw unsupported(op);
        Buffer b = (Buffer) get(env, op.operand(0));
        Tensor out = Tensor.zeros(b.base().element(), b.shape());
        long[] idx = new long[b.shape().length];
        for (int i = 0; i < out.size(); i++) {
          long rest = i;
          for (int d = idx.length - 1; d >= 0; d--) {
            idx[d] = rest % b.shape()[d];
            rest /= b.shape()[d];
          }
          if (out.isFloat()) out.set(i, b.base().get(b.index(idx)));
          else out.setLong(i, b.base().getLong(b.index(idx)));
        }
        yield List.of(out);
      }
      case "func" -> {
        if (!name.equals("func.call")) throw unsupported(op);
        Operation callee = Symbols.lookup(op, (SymbolRefAttr) op.attribute("callee"));
        if (callee == null || callee.region(0).isEmpty()) throw new InterpreterException("cannot call " + op.attribute("callee"));
        List<Object> args = new ArrayList<>();
        for (Value v : op.operands()) args.add(get(env, v));
        yield call(callee, args);
      }
      default -> throw unsupported(op);
    };
  }

  private static InterpreterException unsupported(Operation op) {
    return new InterpreterException("cannot interpret '" + op.name() + "' at " + op.location());
  }

  // ---- arith and math

  private static Tensor map1(Tensor a, Type resultType, DoubleUnaryOperator f) {
    Tensor out = Tensor.zeros(elementOf(resultType), a.shape());
    for (int i = 0; i < out.size(); i++) out.set(i, f.applyAsDouble(a.get(i)));
    return out;
  }

  private static Tensor map2(Tensor a, Tensor b, Type resultType, DoubleBinaryOperator f) {
    Tensor out = Tensor.zeros(elementOf(resultType), a.shape());
    for (int i = 0; i < out.size(); i++) out.set(i, f.applyAsDouble(a.get(i), b.get(i)));
    return out;
  }

  private static Tensor map2i(Tensor a, Tensor b, Type resultType, LongBinaryOperator f) {
    Tensor out = Tensor.zeros(elementOf(resultType), a.shape());
    for (int i = 0; i < out.size(); i++) out.setLong(i, f.applyAsLong(a.getLong(i), b.getLong(i)));
    return out;
  }

  static Type elementOf(Type t) {
    return t instanceof ShapedType s ? s.element() : t;
  }

  private static long unsigned(long v, Type t) {
    int w = elementOf(t) instanceof IntegerType it ? it.width() : 64;
    return w >= 64 ? v : v & ((1L << w) - 1);
  }

  private static long nonZero(long v) {
    if (v == 0) throw new InterpreterException("integer division by zero");
    return v;
  }

  private Tensor arith(Operation op, Map<Value, Object> env) {
    Type rt = op.numResults() > 0 ? op.result(0).type() : null;
    String n = op.name().substring(6);
    if (n.equals("constant")) {
      return switch (op.attribute("value")) {
        case IntegerAttr i -> Tensor.ofLongs(i.type(), new long[0], new long[] {i.value()});
        case FloatAttr f -> Tensor.ofDoubles(f.type(), new long[0], new double[] {f.value()});
        case DenseElementsAttr d -> Tensor.fromAttribute(d);
        default -> throw unsupported(op);
      };
    }
    Tensor a = t(env, op, 0);
    Type at = op.operand(0).type();
    return switch (n) {
      case "addi" -> map2i(a, t(env, op, 1), rt, Long::sum);
      case "subi" -> map2i(a, t(env, op, 1), rt, (x, y) -> x - y);
      case "muli" -> map2i(a, t(env, op, 1), rt, (x, y) -> x * y);
      case "divsi" -> map2i(a, t(env, op, 1), rt, (x, y) -> x / nonZero(y));
      case "divui" -> map2i(a, t(env, op, 1), rt, (x, y) -> Long.divideUnsigned(unsigned(x, at), nonZero(unsigned(y, at))));
      case "remsi" -> map2i(a, t(env, op, 1), rt, (x, y) -> x % nonZero(y));
      case "remui" -> map2i(a, t(env, op, 1), rt, (x, y) -> Long.remainderUnsigned(unsigned(x, at), nonZero(unsigned(y, at))));
      case "ceildivsi" -> map2i(a, t(env, op, 1), rt, (x, y) -> -Math.floorDiv(-x, nonZero(y)));
      case "floordivsi" -> map2i(a, t(env, op, 1), rt, (x, y) -> Math.floorDiv(x, nonZero(y)));
      case "andi" -> map2i(a, t(env, op, 1), rt, (x, y) -> x & y);
      case "ori" -> map2i(a, t(env, op, 1), rt, (x, y) -> x | y);
      case "xori" -> map2i(a, t(env, op, 1), rt, (x, y) -> x ^ y);
      case "maxsi" -> map2i(a, t(env, op, 1), rt, Math::max);
      case "minsi" -> map2i(a, t(env, op, 1), rt, Math::min);
      case "maxui" -> map2i(a, t(env, op, 1), rt, (x, y) -> Long.compareUnsigned(unsigned(x, at), unsigned(y, at)) >= 0 ? x : y);
      case "minui" -> map2i(a, t(env, op, 1), rt, (x, y) -> Long.compareUnsigned(unsigned(x, at), unsigned(y, at)) <= 0 ? x : y);
      case "shli" -> map2i(a, t(env, op, 1), rt, (x, y) -> x << y);
      case "shrsi" -> map2i(a, t(env, op, 1), rt, (x, y) -> x >> y);
      case "shrui" -> map2i(a, t(env, op, 1), rt, (x, y) -> unsigned(x, at) >>> y);
      case "addf" -> map2(a, t(env, op, 1), rt, Double::sum);
      case "subf" -> map2(a, t(env, op, 1), rt, (x, y) -> x - y);
      case "mulf" -> map2(a, t(env, op, 1), rt, (x, y) -> x * y);
      case "divf" -> map2(a, t(env, op, 1), rt, (x, y) -> x / y);
      case "remf" -> map2(a, t(env, op, 1), rt, (x, y) -> x % y);
      case "maxf" -> map2(a, t(env, op, 1), rt, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y));
      case "minf" -> map2(a, t(env, op, 1), rt, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y));
      case "negf" -> map1(a, rt, x -> -x);
      case "cmpi" -> compareInts(op, a, t(env, op, 1), at, rt);
      case "cmpf" -> compareFloats(op, a, t(env, op, 1), rt);
      case "select" -> {
        Tensor c = a;
        Tensor x = t(env, op, 1);
        Tensor y = t(env, op, 2);
        Tensor out = Tensor.zeros(elementOf(rt), x.shape());
        for (int i = 0; i < out.size(); i++) {
          boolean take = c.getLong(c.rank() == 0 ? 0 : i) != 0;
          if (out.isFloat()) out.set(i, take ? x.get(i) : y.get(i));
          else out.setLong(i, take ? x.getLong(i) : y.getLong(i));
        }
        yield out;
      }
      case "index_cast", "extsi", "trunci", "bitcast" -> {
        if (n.equals("bitcast")) yield bitcast(a, rt);
        Tensor out = Tensor.zeros(elementOf(rt), a.shape());
        for (int i = 0; i < out.size(); i++) out.setLong(i, a.getLong(i));
        yield out;
      }
      case "index_castui", "extui" -> {
        Tensor out = Tensor.zeros(elementOf(rt), a.shape());
        for (int i = 0; i < out.size(); i++) out.setLong(i, unsigned(a.getLong(i), at));
        yield out;
      }
      case "sitofp" -> map1(a, rt, x -> x);
      case "uitofp" -> {
        Tensor out = Tensor.zeros(elementOf(rt), a.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, (double) unsigned(a.getLong(i), at));
        yield out;
      }
      case "fptosi", "fptoui" -> {
        Tensor out = Tensor.zeros(elementOf(rt), a.shape());
        for (int i = 0; i < out.size(); i++) out.setLong(i, (long) a.get(i));
        yield out;
      }
      case "extf", "truncf" -> map1(a, rt, x -> x);
      default -> throw unsupported(op);
    };
  }

  private static Tensor bitcast(Tensor a, Type rt) {
    Type from = a.element();
    Type to = elementOf(rt);
    Tensor out = Tensor.zeros(to, a.shape());
    for (int i = 0; i < out.size(); i++) {
      long bits = from instanceof FloatType ff ? FloatFormat.bits(ff, a.get(i)) : a.getLong(i);
      if (to instanceof FloatType tf) out.set(i, FloatFormat.fromBits(tf, bits));
      else out.setLong(i, bits);
    }
    return out;
  }

  private static Tensor compareInts(Operation op, Tensor a, Tensor b, Type at, Type rt) {
    int p = (int) ((IntegerAttr) op.attribute("predicate")).value();
    Tensor out = Tensor.zeros(IntegerType.I1, a.shape());
    for (int i = 0; i < out.size(); i++) {
      long x = a.getLong(i);
      long y = b.getLong(i);
      int u = Long.compareUnsigned(unsigned(x, at), unsigned(y, at));
      boolean r = switch (p) {
        case 0 -> x == y;
        case 1 -> x != y;
        case 2 -> x < y;
        case 3 -> x <= y;
        case 4 -> x > y;
        case 5 -> x >= y;
        case 6 -> u < 0;
        case 7 -> u <= 0;
        case 8 -> u > 0;
        default -> u >= 0;
      };
      out.setLong(i, r ? 1 : 0);
    }
    return out;
  }

  private static Tensor compareFloats(Operation op, Tensor a, Tensor b, Type rt) {
    int p = (int) ((IntegerAttr) op.attribute("predicate")).value();
    Tensor out = Tensor.zeros(IntegerType.I1, a.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = a.get(i);
      double y = b.get(i);
      boolean uno = Double.isNaN(x) || Double.isNaN(y);
      boolean r = switch (p) {
        case 0 -> false;
        case 1 -> !uno && x == y;
        case 2 -> !uno && x > y;
        case 3 -> !uno && x >= y;
        case 4 -> !uno && x < y;
        case 5 -> !uno && x <= y;
        case 6 -> !uno && x != y;
        case 7 -> !uno;
        case 8 -> uno || x == y;
        case 9 -> uno || x > y;
        case 10 -> uno || x >= y;
        case 11 -> uno || x < y;
        case 12 -> uno || x <= y;
        case 13 -> uno || x != y;
        case 14 -> uno;
        default -> true;
      };
      out.setLong(i, r ? 1 : 0);
    }
    return out;
  }

  private Tensor math(Operation op, Map<Value, Object> env) {
    Type rt = op.result(0).type();
    Tensor a = t(env, op, 0);
    return switch (op.name().substring(5)) {
      case "exp" -> map1(a, rt, Math::exp);
      case "exp2" -> map1(a, rt, x -> Math.pow(2, x));
      case "expm1" -> map1(a, rt, Math::expm1);
      case "log" -> map1(a, rt, Math::log);
      case "log2" -> map1(a, rt, x -> Math.log(x) / Math.log(2));
      case "log10" -> map1(a, rt, Math::log10);
      case "log1p" -> map1(a, rt, Math::log1p);
      case "tanh" -> map1(a, rt, Math::tanh);
      case "sqrt" -> map1(a, rt, Math::sqrt);
      case "rsqrt" -> map1(a, rt, x -> 1 / Math.sqrt(x));
      case "erf" -> map1(a, rt, Erf::erf);
      case "absf" -> map1(a, rt, Math::abs);
      case "ceil" -> map1(a, rt, Math::ceil);
      case "floor" -> map1(a, rt, Math::floor);
      case "sin" -> map1(a, rt, Math::sin);
      case "cos" -> map1(a, rt, Math::cos);
      case "tan" -> map1(a, rt, Math::tan);
      case "atan" -> map1(a, rt, Math::atan);
      case "powf" -> map2(a, t(env, op, 1), rt, Math::pow);
      case "atan2" -> map2(a, t(env, op, 1), rt, Math::atan2);
      case "copysign" -> map2(a, t(env, op, 1), rt, Math::copySign);
      case "fma" -> {
        Tensor b = t(env, op, 1);
        Tensor c = t(env, op, 2);
        Tensor out = Tensor.zeros(elementOf(rt), a.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, Math.fma(a.get(i), b.get(i), c.get(i)));
        yield out;
      }
      default -> throw unsupported(op);
    };
  }

  // ---- scf

  private List<Object> scf(Operation op, Map<Value, Object> env) {
    switch (op.name()) {
      case "scf.for" -> {
        long lb = t(env, op, 0).getLong(0);
        long ub = t(env, op, 1).getLong(0);
        long step = t(env, op, 2).getLong(0);
        if (step <= 0) throw new InterpreterException("scf.for step must be positive, got " + step);
        List<Object> carried = new ArrayList<>();
        for (int i = 3; i < op.numOperands(); i++) carried.add(get(env, op.operand(i)));
        Block body = op.region(0).entryBlock();
        for (long iv = lb; iv < ub; iv += step) {
          env.put(body.argument(0), Tensor.ofLongs(IndexType.INSTANCE, new long[0], new long[] {iv}));
          for (int i = 0; i < carried.size(); i++) env.put(body.argument(i + 1), carried.get(i));
          carried = runBlock(body, env);
        }
        return carried;
      }
      case "scf.if" -> {
        boolean c = t(env, op, 0).getLong(0) != 0;
        Region r = op.region(c ? 0 : 1);
        return r.isEmpty() ? List.of() : runBlock(r.entryBlock(), env);
      }
      case "scf.execute_region" -> {
        return runBlock(op.region(0).entryBlock(), env);
      }
      case "scf.while" -> {
        List<Object> args = new ArrayList<>();
        for (Value v : op.operands()) args.add(get(env, v));
        Block before = op.region(0).entryBlock();
        Block after = op.region(1).entryBlock();
        while (true) {
          for (int i = 0; i < args.size(); i++) env.put(before.argument(i), args.get(i));
          List<Object> cond = runBlock(before, env);
          List<Object> forwarded = cond.subList(1, cond.size());
          if (((Tensor) cond.getFirst()).getLong(0) == 0) return new ArrayList<>(forwarded);
          for (int i = 0; i < forwarded.size(); i++) env.put(after.argument(i), forwarded.get(i));
          args = runBlock(after, env);
        }
      }
      case "scf.parallel" -> {
        List<Value> lbs = op.operandSegment(0);
        List<Value> ubs = op.operandSegment(1);
        List<Value> steps = op.operandSegment(2);
        List<Object> acc = new ArrayList<>();
        for (Value v : op.operandSegment(3)) acc.add(get(env, v));
        int dims = lbs.size();
        long[] lo = new long[dims];
        long[] hi = new long[dims];
        long[] st = new long[dims];
        for (int d = 0; d < dims; d++) {
          lo[d] = ((Tensor) get(env, lbs.get(d))).getLong(0);
          hi[d] = ((Tensor) get(env, ubs.get(d))).getLong(0);
          st[d] = ((Tensor) get(env, steps.get(d))).getLong(0);
          if (lo[d] >= hi[d]) return acc;
        }
        Block body = op.region(0).entryBlock();
        long[] iv = lo.clone();
        while (true) {
          for (int d = 0; d < dims; d++) env.put(body.argument(d), Tensor.ofLongs(IndexType.INSTANCE, new long[0], new long[] {iv[d]}));
          int r = 0;
          for (Operation inner : body) {
            if (inner.name().equals("scf.reduce")) {
              Block rb = inner.region(0).entryBlock();
              env.put(rb.argument(0), acc.get(r));
              env.put(rb.argument(1), get(env, inner.operand(0)));
              acc.set(r++, runBlock(rb, env).getFirst());
            } else if (inner != body.back()) {
              List<Object> res = execute(inner, env);
              for (int i = 0; i < res.size(); i++) env.put(inner.result(i), res.get(i));
            }
          }
          int d = dims - 1;
          while (d >= 0) {
            iv[d] += st[d];
            if (iv[d] < hi[d]) break;
            iv[d] = lo[d];
            d--;
          }
          if (d < 0) return acc;
        }
      }
      default -> throw unsupported(op);
    }
  }

  // ---- memref

  private List<Object> memref(Operation op, Map<Value, Object> env) {
    switch (op.name()) {
      case "memref.alloc", "memref.alloca" -> {
        MemRefType type = (MemRefType) op.result(0).type();
        long[] shape = type.shape().clone();
        int k = 0;
        for (int d = 0; d < shape.length; d++) if (shape[d] == ShapedType.DYNAMIC) shape[d] = t(env, op, k++).getLong(0);
        return List.of(Buffer.allocate(Tensor.zeros(type.element(), shape)));
      }
      case "memref.dealloc" -> {
        return List.of();
      }
      case "memref.load" -> {
        Buffer b = m(env, op, 0);
        int at = b.index(indices(env, op, 1, op.numOperands() - 1));
        Tensor out = Tensor.zeros(b.base().element(), new long[0]);
        if (out.isFloat()) out.set(0, b.base().get(at));
        else out.setLong(0, b.base().getLong(at));
        return List.of(out);
      }
      case "memref.store" -> {
        Buffer b = m(env, op, 1);
        int at = b.index(indices(env, op, 2, op.numOperands() - 2));
        Tensor v = t(env, op, 0);
        if (b.base().isFloat()) b.base().set(at, v.get(0));
        else b.base().setLong(at, v.getLong(0));
        return List.of();
      }
      case "memref.get_global" -> {
        String name = ((SymbolRefAttr) op.attribute("name")).root();
        return List.of(globals.computeIfAbsent(name, k -> {
          Operation g = Symbols.lookupIn(module, k);
          MemRefType type = (MemRefType) ((TypeAttr) g.attribute("type")).type();
          Tensor data = g.attribute("initial_value") instanceof DenseElementsAttr d ? Tensor.fromAttribute(d) : Tensor.zeros(type.element(), type.shape());
          return Buffer.allocate(data.reshaped(type.shape()));
        }));
      }
      case "memref.dim" -> {
        return List.of(Tensor.ofLongs(IndexType.INSTANCE, new long[0], new long[] {m(env, op, 0).shape()[(int) t(env, op, 1).getLong(0)]}));
      }
      case "memref.cast" -> {
        return List.of(m(env, op, 0));
      }
      case "memref.copy" -> {
        Buffer from = m(env, op, 0);
        Buffer to = m(env, op, 1);
        long[] idx = new long[from.shape().length];
        if (Tensor.count(from.shape()) == 0) return List.of();
        do {
          int s = from.index(idx);
          int d = to.index(idx);
          if (to.base().isFloat()) to.base().set(d, from.base().get(s));
          else to.base().setLong(d, from.base().getLong(s));
        } while (next(idx, from.shape()));
        return List.of();
      }
      case "memref.collapse_shape", "memref.expand_shape", "memref.reshape" -> {
        Buffer b = m(env, op, 0);
        if (!b.isContiguous()) throw new InterpreterException("'" + op.name() + "' of a non-contiguous view is not supported");
        long[] shape = ((MemRefType) op.result(0).type()).shape();
        if (op.name().equals("memref.reshape")) {
          Buffer s = m(env, op, 1);
          shape = new long[(int) s.shape()[0]];
          for (int i = 0; i < shape.length; i++) shape[i] = s.base().getLong(s.index(new long[] {i}));
        }
        return List.of(new Buffer(b.base(), b.offset(), shape, Tensor.strides(shape)));
      }
      case "memref.subview" -> {
        Buffer b = m(env, op, 0);
        long[] offs = ((DenseArrayAttr) op.attribute("static_offsets")).ints().clone();
        long[] sizes = ((DenseArrayAttr) op.attribute("static_sizes")).ints().clone();
        long[] strides = ((DenseArrayAttr) op.attribute("static_strides")).ints().clone();
        int k = 1;
        for (long[] arr : new long[][] {offs, sizes, strides}) {
          for (int d = 0; d < arr.length; d++) if (arr[d] == ShapedType.DYNAMIC) arr[d] = t(env, op, k++).getLong(0);
        }
        long offset = b.offset();
        long[] newStrides = new long[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
          offset += offs[d] * b.strides()[d];
          newStrides[d] = strides[d] * b.strides()[d];
        }
        long[] resultShape = ((MemRefType) op.result(0).type()).shape();
        if (resultShape.length < sizes.length) {
          List<Long> keptShape = new ArrayList<>();
          List<Long> keptStrides = new ArrayList<>();
          for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] != 1 || keptShape.size() < resultShape.length && resultShape[keptShape.size()] == 1
                && sizes.length - d <= resultShape.length - keptShape.size()) {
              keptShape.add(sizes[d]);
              keptStrides.add(newStrides[d]);
            }
          }
          sizes = keptShape.stream().mapToLong(Long::longValue).toArray();
          newStrides = keptStrides.stream().mapToLong(Long::longValue).toArray();
        }
        return List.of(new Buffer(b.base(), offset, sizes, newStrides));
      }
      default -> throw unsupported(op);
    }
  }

  private static boolean next(long[] idx, long[] bounds) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < bounds[d]) return true;
      idx[d] = 0;
    }
    return false;
  }

  static Tensor copyOut(Buffer b) {
    Tensor out = Tensor.zeros(b.base().element(), b.shape());
    if (out.size() == 0) return out;
    long[] idx = new long[b.shape().length];
    int f = 0;
    do {
      int at = b.index(idx);
      if (out.isFloat()) out.set(f++, b.base().get(at));
      else out.setLong(f++, b.base().getLong(at));
    } while (next(idx, b.shape()));
    return out;
  }

  // ---- vector

  private List<Object> vector(Operation op, Map<Value, Object> env) {
    Type rt = op.numResults() > 0 ? op.result(0).type() : null;
    switch (op.name()) {
      case "vector.load", "vector.transfer_read" -> {
        Buffer b = m(env, op, 0);
        VectorType vt = (VectorType) rt;
        int nIdx = b.shape().length;
        long[] base = indices(env, op, 1, nIdx);
        Tensor pad = op.name().equals("vector.transfer_read") ? t(env, op, 1 + nIdx) : null;
        if (vt.rank() != 1 && !op.name().equals("vector.load")) throw new InterpreterException("only 1-D transfers are interpreted");
        Tensor out = Tensor.zeros(vt.element(), vt.shape());
        for (int i = 0; i < out.size(); i++) {
          long[] idx = base.clone();
          idx[nIdx - 1] += i;
          boolean inside = idx[nIdx - 1] < b.shape()[nIdx - 1];
          double v = inside ? b.base().get(b.index(idx)) : (pad == null ? 0 : pad.get(0));
          if (!inside && pad == null) throw new InterpreterException("vector.load out of bounds");
          out.set(i, v);
        }
        return List.of(out);
      }
      case "vector.store", "vector.transfer_write" -> {
        Tensor v = t(env, op, 0);
        Buffer b = m(env, op, 1);
        int nIdx = b.shape().length;
        long[] base = indices(env, op, 2, nIdx);
        for (int i = 0; i < v.size(); i++) {
          long[] idx = base.clone();
          idx[nIdx - 1] += i;
          if (idx[nIdx - 1] >= b.shape()[nIdx - 1]) continue;
          b.base().set(b.index(idx), v.get(i));
        }
        return List.of();
      }
      case "vector.broadcast", "vector.splat" -> {
        Tensor s = t(env, op, 0);
        VectorType vt = (VectorType) rt;
        Tensor out = Tensor.zeros(vt.element(), vt.shape());
        int[] map = dev.sol.dialect.nn.Broadcast.indexMap(s.shape(), vt.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, s.get(map[i]));
        return List.of(out);
      }
      case "vector.fma" -> {
        Tensor a = t(env, op, 0);
        Tensor b = t(env, op, 1);
        Tensor c = t(env, op, 2);
        Tensor out = Tensor.zeros(a.element(), a.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, Math.fma(a.get(i), b.get(i), c.get(i)));
        return List.of(out);
      }
      case "vector.reduction" -> {
        Tensor v = t(env, op, 0);
        String kind = ((OpaqueAttr) op.attribute("kind")).params().replaceAll("[<> ]", "");
        double acc = switch (kind) {
          case "mul" -> 1;
          case "maxf" -> Double.NEGATIVE_INFINITY;
          case "minf" -> Double.POSITIVE_INFINITY;
          default -> 0;
        };
        if (op.numOperands() > 1) acc = t(env, op, 1).get(0);
        for (int i = 0; i < v.size(); i++) {
          double x = v.get(i);
          acc = switch (kind) {
            case "add" -> acc + x;
            case "mul" -> acc * x;
            case "maxf" -> Math.max(acc, x);
            case "minf" -> Math.min(acc, x);
            default -> throw unsupported(op);
          };
        }
        return List.of(Tensor.ofDoubles(v.element(), new long[0], new double[] {acc}));
      }
      case "vector.extract" -> {
        Tensor v = t(env, op, 0);
        long[] pos = ((ArrayAttr) op.attribute("position")).elements().stream().mapToLong(e -> ((IntegerAttr) e).value()).toArray();
        long[] restShape = Arrays.copyOfRange(v.shape(), pos.length, v.rank());
        long inner = Tensor.count(restShape);
        long at = 0;
        for (int d = 0; d < pos.length; d++) at = at * v.shape()[d] + pos[d];
        Tensor out = Tensor.zeros(v.element(), restShape);
        for (int i = 0; i < out.size(); i++) out.set(i, v.get((int) (at * inner + i)));
        return List.of(out);
      }
      case "vector.insert" -> {
        Tensor s = t(env, op, 0);
        Tensor v = t(env, op, 1);
        long[] pos = ((ArrayAttr) op.attribute("position")).elements().stream().mapToLong(e -> ((IntegerAttr) e).value()).toArray();
        long inner = Tensor.count(Arrays.copyOfRange(v.shape(), pos.length, v.rank()));
        long at = 0;
        for (int d = 0; d < pos.length; d++) at = at * v.shape()[d] + pos[d];
        Tensor out = Tensor.zeros(v.element(), v.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, v.get(i));
        for (int i = 0; i < s.size(); i++) out.set((int) (at * inner + i), s.get(i));
        return List.of(out);
      }
      default -> throw unsupported(op);
    }
  }
}
