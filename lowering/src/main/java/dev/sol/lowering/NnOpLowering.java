package dev.sol.lowering;

import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.Reductions;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the loop nest of one nn operation: reads its operands' buffers and writes its
 * results' buffers, which the caller allocated. Each op becomes plain scf.for loops over
 * memref.load/store with arith and math on scalars; LLVM's O3 pipeline vectorizes the
 * innermost loops where it can.
 */
final class NnOpLowering {
  private final Loops l;
  private final java.util.function.Function<DenseElementsAttr, Value> constants;

  /** {@code constants} turns a constant into a buffer (a memref.global) for the tables some ops need. */
  NnOpLowering(Loops l, java.util.function.Function<DenseElementsAttr, Value> constants) {
    this.l = l;
    this.constants = constants;
  }

  /** Thrown for an nn op, or an element type, that has no lowering yet. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) { super(message); }
  }

  void lower(NnOp op, List<Value> in, List<Value> out) {
    String kind = op.name().substring(3);
    switch (kind) {
      case "add", "sub", "mul", "div", "max", "min", "pow" -> binary(kind, in, out.getFirst());
      case "relu", "leaky_relu", "sigmoid", "tanh", "exp", "log", "sqrt", "abs", "neg", "ceil", "floor", "reciprocal", "erf", "clip",
          "hard_sigmoid", "hard_swish", "softplus", "gelu" -> unary(op, kind, in.getFirst(), out.getFirst());
      case "identity" -> copy(in.getFirst(), out.getFirst());
      case "cast" -> cast(in.getFirst(), out.getFirst());
      case "where" -> where(in, out.getFirst());
      case "reshape" -> reshape(in.getFirst(), out.getFirst());
      case "transpose" -> transpose(op.intsAttr("perm"), in.getFirst(), out.getFirst());
      case "concat" -> slabs(axis(op, "axis", out.getFirst()), out.getFirst(), in, true);
      case "split" -> slabs(axis(op, "axis", in.getFirst()), in.getFirst(), out, false);
      case "slice" -> slice(op, in.getFirst(), out.getFirst());
      case "pad" -> pad(op, in.getFirst(), out.getFirst());
      case "gather" -> gather(axis(op, "axis", in.getFirst()), in.get(0), in.get(1), out.getFirst());
      case "matmul" -> matmul(in.get(0), in.get(1), out.getFirst());
      case "gemm" -> gemm(op, in, out.getFirst());
      case "conv" -> conv(op, in, out.getFirst());
      case "max_pool", "avg_pool" -> pool(op, kind.equals("max_pool"), in.getFirst(), out.getFirst());
      case "batch_norm" -> batchNorm(op, in, out.getFirst());
      case "softmax", "log_softmax" -> softmax(axis(op, "axis", in.getFirst(), -1), kind.equals("log_softmax"), in.getFirst(), out.getFirst());
      case "resize" -> resize((dev.sol.dialect.nn.ResizeOp) op, in.getFirst(), out.getFirst());
      case "layer_norm" -> layerNorm(op, in, out);
      case "lrn" -> lrn(op, in.getFirst(), out.getFirst());
      case "conv_transpose" -> convTranspose(op, in, out.getFirst());
      case "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod" -> reduce(op, kind.substring(7), in.getFirst(), out.getFirst());
      default -> throw new Unsupported("'" + op.name() + "' has no lowering to loops yet");
    }
  }

  // ---- helpers

  private static MemRefType type(Value v) { return (MemRefType) v.type(); }

  private static long[] shape(Value v) { return type(v).shape(); }

  private static Type element(Value v) { return type(v).element(); }

  private static int axis(NnOp op, String name, Value ref) { return axis(op, name, ref, 0); }

  private static int axis(NnOp op, String name, Value ref, long fallback) {
    return Reductions.axis(op.longAttr(name, fallback), type(ref).rank());
  }

  private static void requireFloat(Value v, String what) {
    if (!(element(v) instanceof FloatType)) throw new Unsupported(what + " on " + element(v) + " elements has no lowering yet (floats only)");
  }

  /** The indices of an input broadcast (numpy rules) to the output's induction variables. */
  private List<Value> broadcastIndices(Value input, List<Value> ivs, long[] outShape) {
    long[] s = shape(input);
    int off = outShape.length - s.length;
    List<Value> idx = new ArrayList<>();
    for (int d = 0; d < s.length; d++) idx.add(s[d] == 1 && outShape[d + off] != 1 ? l.index(0) : ivs.get(d + off));
    return idx;
  }

  private void copy(Value from, Value to) {
    l.forEach(shape(to), iv -> l.store(l.load(from, iv), to, iv));
  }

  // ---- element-wise

  private void binary(String kind, List<Value> in, Value out) {
    long[] os = shape(out);
    Value a = in.get(0);
    Value b = in.get(1);
    l.forEach(os, iv -> {
      Value x = l.load(a, broadcastIndices(a, iv, os));
      Value y = l.load(b, broadcastIndices(b, iv, os));
      if (kind.equals("pow")) {
        // ONNX Pow allows any mix of element types; compute in f64 and convert to the result type.
        Value r = l.op("math.powf", FloatType.F64, convert(x, x.type(), FloatType.F64), convert(y, y.type(), FloatType.F64));
        l.store(convert(r, FloatType.F64, element(out)), out, iv);
        return;
      }
      Value r = switch (kind) {
        case "add" -> l.add(x, y);
        case "sub" -> l.sub(x, y);
        case "mul" -> l.mul(x, y);
        case "div" -> l.div(x, y);
        case "max" -> l.max(x, y);
        case "min" -> l.min(x, y);
        default -> l.op("math.powf", x.type(), x, y);
      };
      l.store(r, out, iv);
    });
  }

  private void unary(NnOp op, String kind, Value in, Value out) {
    requireFloat(in, op.name());
    Type t = element(in);
    l.forEach(shape(out), iv -> l.store(scalar(op, kind, l.load(in, iv), t), out, iv));
  }

  private Value scalar(NnOp op, String kind, Value x, Type t) {
    return switch (kind) {
      case "relu" -> l.max(x, l.constant(0, t));
      case "leaky_relu" -> l.select(l.cmp(4, x, l.constant(0, t)), l.mul(x, l.constant(op.floatAttr("alpha", 0.01), t)), x);
      case "sigmoid" -> l.div(l.constant(1, t), l.add(l.constant(1, t), l.math("exp", l.op("arith.negf", t, x))));
      case "tanh" -> l.math("tanh", x);
      case "exp" -> l.math("exp", x);
      case "log" -> l.math("log", x);
      case "sqrt" -> l.math("sqrt", x);
      case "abs" -> l.math("absf", x);
      case "neg" -> l.op("arith.negf", t, x);
      case "ceil" -> l.math("ceil", x);
      case "floor" -> l.math("floor", x);
      case "reciprocal" -> l.div(l.constant(1, t), x);
      case "erf" -> l.math("erf", x);
      case "clip" -> {
        double min = op.floatAttr("min", Double.NEGATIVE_INFINITY);
        double max = op.floatAttr("max", Double.POSITIVE_INFINITY);
        Value r = x;
        if (min != Double.NEGATIVE_INFINITY) r = l.max(r, l.constant(min, t));
        if (max != Double.POSITIVE_INFINITY) r = l.min(r, l.constant(max, t));
        yield r;
      }
      case "hard_sigmoid" -> hardSigmoid(l.add(l.mul(x, l.constant(op.floatAttr("alpha", 0.2), t)), l.constant(op.floatAttr("beta", 0.5), t)), t);
      case "hard_swish" -> l.mul(x, hardSigmoid(l.add(l.mul(x, l.constant(1.0 / 6, t)), l.constant(0.5, t)), t));
      case "softplus" -> {
        // max(x, 0) + log(1 + exp(-|x|)) does not overflow for large x.
        Value e = l.math("exp", l.op("arith.negf", t, l.math("absf", x)));
        yield l.add(l.max(x, l.constant(0, t)), l.math("log", l.add(l.constant(1, t), e)));
      }
      case "gelu" -> {
        Value half = l.mul(x, l.constant(0.5, t));
        if (op.stringAttr("approximate", "none").equals("tanh")) {
          Value cube = l.mul(l.mul(x, x), x);
          Value inner = l.mul(l.constant(Math.sqrt(2 / Math.PI), t), l.add(x, l.mul(cube, l.constant(0.044715, t))));
          yield l.mul(half, l.add(l.constant(1, t), l.math("tanh", inner)));
        }
        yield l.mul(half, l.add(l.constant(1, t), l.math("erf", l.mul(x, l.constant(1 / Math.sqrt(2), t)))));
      }
      default -> throw new Unsupported("nn." + kind + " has no scalar lowering");
    };
  }

  private Value hardSigmoid(Value v, Type t) {
    return l.max(l.constant(0, t), l.min(l.constant(1, t), v));
  }

  private void where(List<Value> in, Value out) {
    long[] os = shape(out);
    l.forEach(os, iv -> {
      Value c = l.load(in.get(0), broadcastIndices(in.get(0), iv, os));
      Value x = l.load(in.get(1), broadcastIndices(in.get(1), iv, os));
      Value y = l.load(in.get(2), broadcastIndices(in.get(2), iv, os));
      l.store(l.select(c, x, y), out, iv);
    });
  }

  private void cast(Value in, Value out) {
    Type from = element(in);
    Type to = element(out);
    l.forEach(shape(out), iv -> l.store(convert(l.load(in, iv), from, to), out, iv));
  }

  private Value convert(Value x, Type from, Type to) {
    if (from.equals(to)) return x;
    if (from instanceof FloatType f && to instanceof FloatType g) return l.op(f.width() < g.width() ? "arith.extf" : "arith.truncf", to, x);
    if (from instanceof IntegerType i && to instanceof FloatType) {
      return l.op(i.width() == 1 || i.signedness() == IntegerType.Signedness.UNSIGNED ? "arith.uitofp" : "arith.sitofp", to, x);
    }
    if (from instanceof FloatType && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(13, x, l.constant(0, from));
      return l.op(j.signedness() == IntegerType.Signedness.UNSIGNED ? "arith.fptoui" : "arith.fptosi", to, x);
    }
    if (from instanceof IntegerType i && to instanceof IntegerType j) {
      if (j.width() == 1) return l.cmp(1, x, l.constant(0, from));
      if (i.width() < j.width()) return l.op(i.width() == 1 || i.signedness() == IntegerType.Signedness.UNSIGNED ? "arith.extui" : "arith.extsi", to, x);
      return l.op("arith.trunci", to, x);
    }
    throw new Unsupported("nn.cast from " + from + " to " + to + " has no lowering yet");
  }

  // ---- data movement

  /** Both buffers are contiguous: a reshape copies element i to element i. */
  private void reshape(Value in, Value out) {
    long n = type(out).numElements();
    Value src = flatten(in);
    Value dst = flatten(out);
    l.forEach(new long[] {n}, iv -> l.store(l.load(src, iv), dst, iv));
  }

  private Value flatten(Value v) {
    MemRefType t = type(v);
    MemRefType flat = new MemRefType(new long[] {t.numElements()}, t.element());
    if (t.rank() == 1) return v;
    List<Attribute> group = new ArrayList<>();
    for (int d = 0; d < t.rank(); d++) group.add(IntegerAttr.i64(d));
    ArrayAttr reassociation = new ArrayAttr(t.rank() == 0 ? List.of() : List.of(new ArrayAttr(group)));
    String name = t.rank() == 0 ? "memref.expand_shape" : "memref.collapse_shape";
    return l.create(name, List.of(flat), List.of(v), new StringAttr("reassociation"), reassociation).result(0);
  }

  private void transpose(long[] perm, Value in, Value out) {
    l.forEach(shape(out), iv -> {
      Value[] src = new Value[perm.length];
      for (int d = 0; d < perm.length; d++) src[(int) perm[d]] = iv.get(d);
      l.store(l.load(in, List.of(src)), out, iv);
    });
  }

  /** Concat and split: each part is a slab of the whole along {@code axis}, one after another. */
  private void slabs(int axis, Value whole, List<Value> parts, boolean intoWhole) {
    long offset = 0;
    for (Value part : parts) {
      long at = offset;
      l.forEach(shape(part), iv -> {
        List<Value> inWhole = at(iv, axis, l.add(iv.get(axis), l.index(at)));
        if (intoWhole) l.store(l.load(part, iv), whole, inWhole);
        else l.store(l.load(whole, inWhole), part, iv);
      });
      offset += shape(part)[axis];
    }
  }

  private void slice(NnOp op, Value in, Value out) {
    long[] s = shape(in);
    long[] starts = op.intsAttr("starts");
    long[] steps = op.intsAttr("steps");
    long[] start = new long[s.length];
    long[] step = new long[s.length];
    for (int d = 0; d < s.length; d++) {
      step[d] = steps.length > d ? steps[d] : 1;
      long st = starts.length > d ? starts[d] : 0;
      if (st < 0) st += s[d];
      start[d] = step[d] > 0 ? Math.clamp(st, 0, s[d]) : Math.clamp(st, -1, s[d] - 1);
    }
    l.forEach(shape(out), iv -> {
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) src.add(l.add(l.index(start[d]), l.op("arith.muli", IndexType.INSTANCE, iv.get(d), l.index(step[d]))));
      l.store(l.load(in, src), out, iv);
    });
  }

  private void pad(NnOp op, Value in, Value out) {
    String mode = op.stringAttr("mode", "constant");
    if (!mode.equals("constant")) {
      padIndexed(mode, op.intsAttr("pads"), in, out);
      return;
    }
    long[] s = shape(in);
    long[] pads = op.intsAttr("pads");
    Type t = element(in);
    Value fill = l.constant(op.floatAttr("value", 0), t);
    l.forEach(shape(out), iv -> {
      Value inside = null;
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) {
        Value i = l.sub(iv.get(d), l.index(pads[d]));
        inside = l.and(inside, l.inRange(i, 0, s[d]));
        src.add(clamp(i, s[d]));
      }
      Value v = l.load(in, src);
      l.store(inside == null ? v : l.select(inside, v, fill), out, iv);
    });
  }

  /** Reflect, edge and wrap padding: every output element reads some input element. */
  private void padIndexed(String mode, long[] pads, Value in, Value out) {
    long[] s = shape(in);
    if (!List.of("reflect", "edge", "wrap").contains(mode)) throw new Unsupported("nn.pad mode '" + mode + "' has no lowering");
    l.forEach(shape(out), iv -> {
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) {
        long n = s[d];
        Value i = l.sub(iv.get(d), l.index(pads[d]));
        src.add(switch (mode) {
          case "edge" -> clamp(i, n);
          case "wrap" -> floorMod(i, n);
          default -> {
            if (n == 1) yield l.index(0);
            Value m = floorMod(i, 2 * (n - 1));
            yield l.select(l.cmp(5, m, l.index(n)), l.sub(l.index(2 * (n - 1)), m), m);
          }
        });
      }
      l.store(l.load(in, src), out, iv);
    });
  }

  private Value floorMod(Value i, long n) {
    Value r = l.op("arith.remsi", IndexType.INSTANCE, i, l.index(n));
    return l.select(l.cmp(2, r, l.index(0)), l.add(r, l.index(n)), r);
  }

  /** {@code i} clamped into {@code [0, n)}: a safe address for a load whose value a select may discard. */
  private Value clamp(Value i, long n) {
    return l.op("arith.minsi", IndexType.INSTANCE, l.op("arith.maxsi", IndexType.INSTANCE, i, l.index(0)), l.index(n - 1));
  }

  private void gather(int axis, Value data, Value indices, Value out) {
    long[] ds = shape(data);
    int ir = type(indices).rank();
    l.forEach(shape(out), iv -> {
      Value raw = l.load(indices, iv.subList(axis, axis + ir));
      Value idx = l.op("arith.index_cast", IndexType.INSTANCE, raw);
      // Negative indices count from the end.
      Value wrapped = l.select(l.cmp(2, idx, l.index(0)), l.add(idx, l.index(ds[axis])), idx);
      List<Value> src = new ArrayList<>(iv.subList(0, axis));
      src.add(wrapped);
      src.addAll(iv.subList(axis + ir, iv.size()));
      l.store(l.load(data, src), out, iv);
    });
  }

  // ---- linear algebra

  private void matmul(Value a, Value b, Value out) {
    requireFloat(a, "nn.matmul");
    long[] as = shape(a);
    long[] bs = shape(b);
    long[] os = shape(out);
    boolean aVec = as.length == 1;
    boolean bVec = bs.length == 1;
    long k = as[as.length - 1];
    Type t = element(a);
    if (!aVec && !bVec) {
      // i-k-j order, as in gemm: the innermost loop is a vectorizable row update.
      int r = os.length;
      long n = os[r - 1];
      l.forEach(Arrays.copyOf(os, r - 1), rv -> {
        List<Value> batch = rv.subList(0, r - 2);
        l.forEach(new long[] {n}, j -> l.store(l.constant(0, t), out, with(rv, j.get(0))));
        l.forEach(new long[] {k}, kv -> {
          Value x = l.load(a, batchIndices(as, batch, List.of(rv.get(r - 2), kv.get(0))));
          l.forEach(new long[] {n}, j -> {
            List<Value> at = with(rv, j.get(0));
            Value y = l.load(b, batchIndices(bs, batch, List.of(kv.get(0), j.get(0))));
            l.store(l.add(l.load(out, at), l.mul(x, y)), out, at);
          });
        });
      });
      return;
    }
    l.forEach(os, iv -> {
      // The output indices without the vector dimensions that ONNX drops.
      List<Value> full = new ArrayList<>(iv);
      if (aVec) full.add(full.size() - (bVec ? 0 : 1), l.index(0));
      if (bVec) full.add(l.index(0));
      int r = full.size();
      Value acc = l.reduce(new long[] {k}, l.constant(0, t), (kv, s) -> {
        List<Value> ai = batchIndices(as, aVec ? null : full.subList(0, r - 2), aVec ? List.of(kv.get(0)) : List.of(full.get(r - 2), kv.get(0)));
        List<Value> bi = batchIndices(bs, bVec ? null : full.subList(0, r - 2), bVec ? List.of(kv.get(0)) : List.of(kv.get(0), full.get(r - 1)));
        return l.add(s, l.mul(l.load(a, ai), l.load(b, bi)));
      });
      l.store(acc, out, iv);
    });
  }

  private static List<Value> with(List<Value> prefix, Value last) {
    List<Value> idx = new ArrayList<>(prefix);
    idx.add(last);
    return idx;
  }

  /** Indices into a matmul operand: its batch dimensions broadcast against the output's, then its matrix indices. */
  private List<Value> batchIndices(long[] s, List<Value> outBatch, List<Value> matrix) {
    List<Value> idx = new ArrayList<>();
    if (outBatch != null) {
      int batchRank = s.length - 2;
      int off = outBatch.size() - batchRank;
      for (int d = 0; d < batchRank; d++) idx.add(s[d] == 1 ? l.index(0) : outBatch.get(d + off));
    }
    idx.addAll(matrix);
    return idx;
  }

  /**
   * Gemm in i-k-j order: the innermost loop runs along a row of B and of the output, so
   * LLVM can vectorize it without reassociating a floating-point sum.
   */
  private void gemm(NnOp op, List<Value> in, Value out) {
    Value a = in.get(0);
    Value b = in.get(1);
    Value c = in.size() > 2 ? in.get(2) : null;
    requireFloat(a, "nn.gemm");
    boolean ta = op.longAttr("trans_a", 0) != 0;
    boolean tb = op.longAttr("trans_b", 0) != 0;
    long k = ta ? shape(a)[0] : shape(a)[1];
    Type t = element(a);
    double alpha = op.floatAttr("alpha", 1);
    double beta = op.floatAttr("beta", 1);
    long[] os = shape(out);
    l.forEach(new long[] {os[0]}, i -> {
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
          Value cv = l.load(c, broadcastIndices(c, at, os));
          acc = l.add(acc, beta == 1 ? cv : l.mul(cv, l.constant(beta, t)));
        }
        l.store(acc, out, at);
      });
    });
  }

  // ---- convolution and pooling

  private static long[] perDim(long[] given, int dims, long fallback) {
    long[] r = new long[dims];
    for (int i = 0; i < dims; i++) r[i] = given != null && given.length == dims ? given[i] : fallback;
    return r;
  }

  private static long[] pads(long[] given, int dims) {
    return given != null && given.length == 2 * dims ? given : new long[2 * dims];
  }

  /**
   * Convolution as accumulation into the output: after initializing it with the bias, each
   * (batch, output channel, input channel, kernel tap) adds weight x input over the whole
   * output plane. The innermost loop runs along an output row with one weight, which LLVM
   * vectorizes; padding reads a clamped address and selects zero.
   */
  private void conv(NnOp op, List<Value> in, Value out) {
    Value x = in.get(0);
    Value w = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    requireFloat(x, "nn.conv");
    long[] xs = shape(x);
    long[] ws = shape(w);
    long[] os = shape(out);
    int dims = xs.length - 2;
    long[] st = perDim(op.intsAttr("strides"), dims, 1);
    long[] dl = perDim(op.intsAttr("dilations"), dims, 1);
    long[] pd = pads(op.intsAttr("pads"), dims);
    long group = op.longAttr("group", 1);
    long icPerGroup = ws[1];
    long ocPerGroup = ws[0] / group;
    Type t = element(x);
    l.forEach(os, iv -> l.store(bias == null ? l.constant(0, t) : l.load(bias, List.of(iv.get(1))), out, iv));
    // Loop order: batch, output channel, output rows (all spatial dims but the last), then
    // input channel and kernel taps, then the output row itself, so that the row being
    // accumulated stays in the L1 cache while every tap adds to it.
    long[] outer = new long[2 + dims - 1];
    outer[0] = os[0];
    outer[1] = os[1];
    System.arraycopy(os, 2, outer, 2, dims - 1);
    long[] taps = new long[1 + dims];
    taps[0] = icPerGroup;
    System.arraycopy(ws, 2, taps, 1, dims);
    l.forEach(outer, ov -> {
      Value oc = ov.get(1);
      Value icBase = l.op("arith.muli", IndexType.INSTANCE, l.op("arith.divui", IndexType.INSTANCE, oc, l.index(ocPerGroup)), l.index(icPerGroup));
      l.forEach(taps, kv -> {
        Value ic = l.add(icBase, kv.get(0));
        List<Value> wi = new ArrayList<>(List.of(oc, kv.get(0)));
        wi.addAll(kv.subList(1, 1 + dims));
        Value weight = l.load(w, wi);
        l.forEach(new long[] {os[os.length - 1]}, last -> {
          List<Value> sv = new ArrayList<>(ov.subList(2, ov.size()));
          sv.add(last.get(0));
          List<Value> xi = new ArrayList<>(List.of(ov.get(0), ic));
          Value inside = null;
          for (int d = 0; d < dims; d++) {
            Value pos = l.add(l.op("arith.muli", IndexType.INSTANCE, sv.get(d), l.index(st[d])),
                l.op("arith.muli", IndexType.INSTANCE, kv.get(1 + d), l.index(dl[d])));
            pos = pd[d] == 0 ? pos : l.sub(pos, l.index(pd[d]));
            if (pd[d] != 0 || pd[d + dims] != 0) {
              inside = l.and(inside, l.inRange(pos, 0, xs[d + 2]));
              pos = clamp(pos, xs[d + 2]);
            }
            xi.add(pos);
          }
          Value prod = l.mul(l.load(x, xi), weight);
          if (inside != null) prod = l.select(inside, prod, l.constant(0, t));
          List<Value> oi = new ArrayList<>(List.of(ov.get(0), oc));
          oi.addAll(sv);
          l.store(l.add(l.load(out, oi), prod), out, oi);
        });
      });
    });
  }

  private void pool(NnOp op, boolean max, Value x, Value out) {
    if (!max) requireFloat(x, op.name());
    long[] xs = shape(x);
    int dims = xs.length - 2;
    long[] kernel = op.intsAttr("kernel_shape");
    long[] st = perDim(op.intsAttr("strides"), dims, 1);
    long[] dl = perDim(op.intsAttr("dilations"), dims, 1);
    long[] pd = pads(op.intsAttr("pads"), dims);
    boolean countPad = op.longAttr("count_include_pad", 0) != 0;
    Type t = element(x);
    l.forEach(shape(out), iv -> {
      // The accumulator pairs are kept as two loops: the value, then (for averages) the count.
      Value acc = l.reduce(kernel, max ? lowest(t) : l.constant(0, t), (kv, s) -> {
        Windowed wv = window(iv, kv, xs, st, dl, pd, false);
        Value v = l.load(x, wv.indices);
        Value next = max ? l.max(s, v) : l.add(s, v);
        return wv.inside == null ? next : l.select(wv.inside, next, s);
      });
      if (!max) {
        Value count = l.reduce(kernel, l.constant(0, t), (kv, s) -> {
          Windowed wv = window(iv, kv, xs, st, dl, pd, countPad);
          Value next = l.add(s, l.constant(1, t));
          return wv.inside == null ? next : l.select(wv.inside, next, s);
        });
        acc = l.div(acc, count);
      }
      l.store(acc, out, iv);
    });
  }

  /** The smallest value of a type: the identity of max. */
  private Value lowest(Type t) {
    if (t instanceof IntegerType it) {
      long v = it.signedness() == IntegerType.Signedness.UNSIGNED || it.width() == 1 ? 0 : -(1L << (it.width() - 1));
      return l.constant(v, t);
    }
    return l.constant(Double.NEGATIVE_INFINITY, t);
  }

  private record Windowed(List<Value> indices, Value inside) {}

  /** The input position of a window element; {@code inside} is null when it is always inside. */
  private Windowed window(List<Value> iv, List<Value> kv, long[] xs, long[] st, long[] dl, long[] pd, boolean countPadded) {
    int dims = xs.length - 2;
    List<Value> xi = new ArrayList<>(List.of(iv.get(0), iv.get(1)));
    Value inside = null;
    for (int d = 0; d < dims; d++) {
      Value pos = l.add(l.op("arith.muli", IndexType.INSTANCE, iv.get(d + 2), l.index(st[d])),
          l.op("arith.muli", IndexType.INSTANCE, kv.get(d), l.index(dl[d])));
      pos = l.sub(pos, l.index(pd[d]));
      long lo = countPadded ? -pd[d] : 0;
      long hi = countPadded ? xs[d + 2] + pd[d + dims] : xs[d + 2];
      inside = l.and(inside, l.inRange(pos, lo, hi));
      xi.add(clamp(pos, xs[d + 2]));
    }
    return new Windowed(xi, inside);
  }

  private void batchNorm(NnOp op, List<Value> in, Value out) {
    Value x = in.get(0);
    requireFloat(x, "nn.batch_norm");
    Type t = element(x);
    double eps = op.floatAttr("epsilon", 1e-5);
    l.forEach(shape(out), iv -> {
      List<Value> c = List.of(iv.get(1));
      Value inv = l.math("rsqrt", l.add(l.load(in.get(4), c), l.constant(eps, t)));
      Value norm = l.mul(l.sub(l.load(x, iv), l.load(in.get(3), c)), inv);
      l.store(l.add(l.mul(norm, l.load(in.get(1), c)), l.load(in.get(2), c)), out, iv);
    });
  }

  private void layerNorm(NnOp op, List<Value> in, List<Value> out) {
    Value x = in.get(0);
    requireFloat(x, "nn.layer_norm");
    long[] s = shape(x);
    int axis = axis(op, "axis", x, -1);
    long[] outer = s.clone();
    long[] inner = Arrays.copyOfRange(s, axis, s.length);
    for (int d = axis; d < s.length; d++) outer[d] = 1;
    long n = type(x).numElements() / Math.max(1, java.util.stream.LongStream.of(outer).reduce(1, (p, q) -> p * q));
    Type t = element(x);
    double eps = op.floatAttr("epsilon", 1e-5);
    Value scale = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    l.forEach(outer, iv -> {
      java.util.function.Function<List<Value>, List<Value>> full = kv -> {
        List<Value> idx = new ArrayList<>(iv.subList(0, axis));
        idx.addAll(kv);
        return idx;
      };
      Value sum = l.reduce(inner, l.constant(0, t), (kv, a) -> l.add(a, l.load(x, full.apply(kv))));
      Value mean = l.div(sum, l.constant(n, t));
      Value sq = l.reduce(inner, l.constant(0, t), (kv, a) -> {
        Value d = l.sub(l.load(x, full.apply(kv)), mean);
        return l.add(a, l.mul(d, d));
      });
      Value inv = l.math("rsqrt", l.add(l.div(sq, l.constant(n, t)), l.constant(eps, t)));
      l.forEach(inner, kv -> {
        List<Value> idx = full.apply(kv);
        Value v = l.mul(l.mul(l.sub(l.load(x, idx), mean), inv), l.load(scale, broadcastIndices(scale, kv, inner)));
        if (bias != null) v = l.add(v, l.load(bias, broadcastIndices(bias, kv, inner)));
        l.store(v, out.getFirst(), idx);
      });
      if (out.size() > 1) l.store(convert(mean, t, element(out.get(1))), out.get(1), iv);
      if (out.size() > 2) l.store(convert(inv, t, element(out.get(2))), out.get(2), iv);
    });
  }

  private void lrn(NnOp op, Value x, Value out) {
    requireFloat(x, "nn.lrn");
    long[] s = shape(x);
    long c = s[1];
    long size = op.longAttr("size", 1);
    Type t = element(x);
    double alpha = op.floatAttr("alpha", 1e-4);
    double beta = op.floatAttr("beta", 0.75);
    double bias = op.floatAttr("bias", 1);
    long before = (size - 1) / 2;
    l.forEach(s, iv -> {
      Value sq = l.reduce(new long[] {size}, l.constant(0, t), (kv, a) -> {
        Value ch = l.sub(l.add(iv.get(1), kv.get(0)), l.index(before));
        Value ok = l.inRange(ch, 0, c);
        Value v = l.load(x, at(iv, 1, clamp(ch, c)));
        return l.select(ok, l.add(a, l.mul(v, v)), a);
      });
      Value denom = l.op("math.powf", t, l.add(l.constant(bias, t), l.mul(sq, l.constant(alpha / size, t))), l.constant(beta, t));
      l.store(l.div(l.load(x, iv), denom), out, iv);
    });
  }

  /**
   * Transposed convolution as a gather: output position o receives input i through kernel tap
   * k when o = i * stride - pad + k * dilation, so each output loops over taps and keeps those
   * where (o + pad - k * dilation) is a non-negative multiple of the stride inside the input.
   */
  private void convTranspose(NnOp op, List<Value> in, Value out) {
    Value x = in.get(0);
    Value w = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    requireFloat(x, "nn.conv_transpose");
    long[] xs = shape(x);
    long[] ws = shape(w);
    int dims = xs.length - 2;
    long[] st = perDim(op.intsAttr("strides"), dims, 1);
    long[] dl = perDim(op.intsAttr("dilations"), dims, 1);
    long[] pd = pads(op.intsAttr("pads"), dims);
    long group = op.longAttr("group", 1);
    long icPerGroup = xs[1] / group;
    long ocPerGroup = ws[1];
    Type t = element(x);
    long[] red = new long[dims + 1];
    red[0] = icPerGroup;
    System.arraycopy(ws, 2, red, 1, dims);
    l.forEach(shape(out), iv -> {
      Value oc = iv.get(1);
      Value g = l.op("arith.divui", IndexType.INSTANCE, oc, l.index(ocPerGroup));
      Value ocInGroup = l.op("arith.remui", IndexType.INSTANCE, oc, l.index(ocPerGroup));
      Value icBase = l.op("arith.muli", IndexType.INSTANCE, g, l.index(icPerGroup));
      Value init = bias == null ? l.constant(0, t) : l.load(bias, List.of(oc));
      Value acc = l.reduce(red, init, (kv, a) -> {
        Value ic = l.add(icBase, kv.get(0));
        List<Value> xi = new ArrayList<>(List.of(iv.get(0), ic));
        Value ok = null;
        for (int d = 0; d < dims; d++) {
          Value num = l.sub(l.add(iv.get(d + 2), l.index(pd[d])), l.op("arith.muli", IndexType.INSTANCE, kv.get(d + 1), l.index(dl[d])));
          Value q = l.op("arith.floordivsi", IndexType.INSTANCE, num, l.index(st[d]));
          Value exact = l.cmp(0, l.op("arith.muli", IndexType.INSTANCE, q, l.index(st[d])), num);
          ok = l.and(l.and(ok, exact), l.inRange(q, 0, xs[d + 2]));
          xi.add(clamp(q, xs[d + 2]));
        }
        List<Value> wi = new ArrayList<>(List.of(ic, ocInGroup));
        wi.addAll(kv.subList(1, dims + 1));
        Value prod = l.mul(l.load(x, xi), l.load(w, wi));
        return l.select(ok, l.add(a, prod), a);
      });
      l.store(acc, out, iv);
    });
  }

  /**
   * Resize is separable: one pass per changed axis, innermost first, each reading its
   * per-position input indices and weights from tables computed now (the shapes are static).
   */
  private void resize(dev.sol.dialect.nn.ResizeOp op, Value in, Value out) {
    requireFloat(in, "nn.resize");
    long[] s = shape(in).clone();
    dev.sol.dialect.nn.Resize.AxisTable[] tables;
    try {
      tables = dev.sol.dialect.nn.Resize.tables(op, s);
    } catch (IllegalArgumentException e) {
      throw new Unsupported("nn.resize: " + e.getMessage());
    }
    int outermost = lastChanged(tables);
    if (outermost < 0) {
      copy(in, out);
      return;
    }
    Type t = element(in);
    Value cur = in;
    for (int axis = s.length - 1; axis >= 0; axis--) {
      dev.sol.dialect.nn.Resize.AxisTable table = tables[axis];
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
      Value idxBuf = constants.apply(DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {outLen, taps}, IntegerType.I64, null), idx));
      Value wBuf = constants.apply(DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {outLen, taps}, t, null), w));
      Value offBuf = constants.apply(DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {outLen}, t, null), table.offset()));
      s[axis] = outLen;
      Value next = axis == outermost ? out : l.create("memref.alloc", List.of(new MemRefType(s.clone(), t)), List.of(),
          new StringAttr("alignment"), IntegerAttr.i64(64), new StringAttr("operand_segment_sizes"), DenseArrayAttr.i32(0, 0)).result(0);
      Value src = cur;
      int ax = axis;
      l.forEach(s.clone(), iv -> {
        Value o = iv.get(ax);
        Value acc = l.reduce(new long[] {taps}, l.load(offBuf, List.of(o)), (kv, a) -> {
          Value i = l.op("arith.index_cast", IndexType.INSTANCE, l.load(idxBuf, List.of(o, kv.get(0))));
          return l.add(a, l.mul(l.load(wBuf, List.of(o, kv.get(0))), l.load(src, at(iv, ax, i))));
        });
        l.store(acc, next, iv);
      });
      if (cur != in) l.create("memref.dealloc", List.of(), List.of(cur));
      cur = next;
    }
  }

  /** The outermost changed axis: the last pass, which writes the result buffer. */
  private static int lastChanged(dev.sol.dialect.nn.Resize.AxisTable[] tables) {
    for (int axis = 0; axis < tables.length; axis++) if (tables[axis] != null) return axis;
    return -1;
  }

  // ---- reductions

  private void softmax(int axis, boolean log, Value in, Value out) {
    requireFloat(in, "nn.softmax");
    long[] s = shape(in);
    long[] outer = s.clone();
    outer[axis] = 1;
    Type t = element(in);
    long n = s[axis];
    l.forEach(outer, iv -> {
      Value m = l.reduce(new long[] {n}, l.constant(Double.NEGATIVE_INFINITY, t), (k, acc) -> l.max(acc, l.load(in, at(iv, axis, k.get(0)))));
      Value sum = l.reduce(new long[] {n}, l.constant(0, t), (k, acc) -> l.add(acc, l.math("exp", l.sub(l.load(in, at(iv, axis, k.get(0))), m))));
      Value scale = log ? l.math("log", sum) : l.div(l.constant(1, t), sum);
      l.forEach(new long[] {n}, k -> {
        List<Value> idx = at(iv, axis, k.get(0));
        Value shifted = l.sub(l.load(in, idx), m);
        l.store(log ? l.sub(shifted, scale) : l.mul(l.math("exp", shifted), scale), out, idx);
      });
    });
  }

  private static List<Value> at(List<Value> iv, int axis, Value k) {
    List<Value> idx = new ArrayList<>(iv);
    idx.set(axis, k);
    return idx;
  }

  private void reduce(NnOp op, String kind, Value in, Value out) {
    requireFloat(in, op.name());
    long[] s = shape(in);
    long[] axes = op.intsAttr("axes");
    boolean[] reduced = new boolean[s.length];
    if (axes == null || axes.length == 0) Arrays.fill(reduced, true);
    else for (long a : axes) reduced[Reductions.axis(a, s.length)] = true;
    long[] kept = new long[s.length];
    long[] red = new long[s.length];
    long count = 1;
    for (int d = 0; d < s.length; d++) {
      kept[d] = reduced[d] ? 1 : s[d];
      red[d] = reduced[d] ? s[d] : 1;
      if (reduced[d]) count *= s[d];
    }
    boolean keepDims = op.longAttr("keepdims", 1) != 0;
    Type t = element(in);
    double init = switch (kind) {
      case "max" -> Double.NEGATIVE_INFINITY;
      case "min" -> Double.POSITIVE_INFINITY;
      case "prod" -> 1;
      default -> 0;
    };
    long total = count;
    l.forEach(kept, iv -> {
      Value acc = l.reduce(red, l.constant(init, t), (kv, a) -> {
        List<Value> idx = new ArrayList<>();
        for (int d = 0; d < s.length; d++) idx.add(reduced[d] ? kv.get(d) : iv.get(d));
        Value v = l.load(in, idx);
        return switch (kind) {
          case "max" -> l.max(a, v);
          case "min" -> l.min(a, v);
          case "prod" -> l.mul(a, v);
          default -> l.add(a, v);
        };
      });
      if (kind.equals("mean")) acc = l.div(acc, l.constant(total, t));
      List<Value> dst = new ArrayList<>();
      for (int d = 0; d < s.length; d++) if (keepDims || !reduced[d]) dst.add(iv.get(d));
      l.store(acc, out, dst);
    });
  }
}
