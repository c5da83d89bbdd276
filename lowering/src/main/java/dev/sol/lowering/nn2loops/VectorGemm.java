package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.MulFOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.GemmOp;
import dev.sol.dialect.nn.MatMulOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.lowering.nn2loops.GemmPacking.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * nn.matmul and nn.gemm on f32 as packed, register-tiled vector kernels ({@link MatMulKernel})
 * when the target has vectors; the callers keep their scalar loops otherwise. A constant B
 * (a weight) is packed at compile time into a new constant; a B computed at run time is packed
 * into a buffer by the generated code. A is read in place, unless it is transposed or gemm's
 * alpha scales it: then it is packed, scaled on the way. beta C is where the tiles start, so no
 * pass over the result follows. One row against constant weights stored n x k (a fully
 * connected layer at batch 1) takes {@link VectorGemv} instead.
 */
final class VectorGemm {
  private VectorGemm() {}

  /**
   * The element-wise ops fused after a product ({@code FusedLowering}), made once the product
   * knows how its kernel indexes the result: {@code view} turns a buffer of the result's shape
   * (a residual) into the view whose indices the epilogue gets (the result's rows merged into
   * one dimension, or the buffer itself).
   */
  @FunctionalInterface
  interface Fused {
    MatMulKernel.Epilogue on(UnaryOperator<Value> view);
  }

  /** Whether {@link #matmul} or {@link #gemm} lowers {@code op} (a product on the vector kernels). */
  static boolean lowers(NnOp op, TargetDescription t) {
    Value a = op.operand(0);
    if (!t.vectorizes() || !(a.type() instanceof ShapedType sa) || !sa.element().equals(FloatType.F32)) return false;
    return op instanceof GemmOp || op instanceof MatMulOp && sa.shape().length >= 2 && ((ShapedType) op.operand(1).type()).shape().length >= 2;
  }

  /** Lowers nn.matmul with matrix operands (any batch dimensions); false when it is not for the vector kernels. */
  static boolean matmul(MatMulOp op, Loops l, Value a, Value b, Value out, TargetDescription t, Buffers buffers) {
    return matmul(op, l, a, b, out, t, buffers, constant(op), null);
  }

  /**
   * {@link #matmul} with B the constant {@code weights} (null: computed at run time) and each
   * vector of the result through {@code fused}'s epilogue (null: none) before it is stored.
   */
  static boolean matmul(MatMulOp op, Loops l, Value a, Value b, Value out, TargetDescription t, Buffers buffers, ConstantOp weights, Fused fused) {
    long[] as = shape(a);
    long[] bs = shape(b);
    long[] os = shape(out);
    if (!applies(t, a) || as.length < 2 || bs.length < 2) return false;
    long m = as[as.length - 2];
    long k = as[as.length - 1];
    long n = bs[bs.length - 1];
    if (bs.length == 2) {
      // One B for every batch: A's batch dimensions are more rows of a single product.
      long rows = Arrays.stream(as).limit(as.length - 1).reduce(1, (x, y) -> x * y);
      product(op, l, t, buffers, rows, n, k, new Matrix(rows2d(l, a), List.of(), false), new Matrix(b, List.of(), false), 1, rows2d(l, out),
          MatMulKernel.ZERO, weights, fused == null ? null : fused.on(v -> rows2d(l, v)));
      return true;
    }
    KernelShape s = KernelShape.choose(t, m, n, k);
    Value pb = m <= s.mr() ? null : l.alloc(GemmPacking.typeOfB(s, k, n));
    MatMulKernel.Epilogue epilogue = fused == null ? null : fused.on(v -> v);
    l.forEach(Arrays.copyOf(os, os.length - 2), batch -> {
      Matrix bm = new Matrix(b, batchIndices(l, bs, batch), false);
      MatMulKernel.emit(l, s, m, n, k, MatMulKernel.rowsA(a, batchIndices(l, as, batch), s.mr()), runtimeB(l, s, bm, k, n, pb), out, batch,
          MatMulKernel.ZERO, null, epilogue);
    });
    return true;
  }

  /** Lowers nn.gemm; false when it is not for the vector kernels. */
  static boolean gemm(GemmOp op, Loops l, Value a, Value b, Value c, Value out, TargetDescription t, Buffers buffers) {
    return gemm(op, l, a, b, c, out, t, buffers, constant(op), null);
  }

  /** {@link #gemm} with B the constant {@code weights} (null: computed at run time) and {@code fused}'s epilogue (see {@link #matmul}). */
  static boolean gemm(GemmOp op, Loops l, Value a, Value b, Value c, Value out, TargetDescription t, Buffers buffers, ConstantOp weights,
      Fused fused) {
    if (!applies(t, a)) return false;
    long[] os = shape(out);
    long k = shape(a)[op.transA() ? 0 : 1];
    double beta = op.beta();
    MatMulKernel.TileInit init = c == null || beta == 0 ? MatMulKernel.ZERO : bias(c, beta, os[0], os[1]);
    product(op, l, t, buffers, os[0], os[1], k, new Matrix(a, List.of(), op.transA()), new Matrix(b, List.of(), op.transB()), op.alpha(), out,
        init, weights, fused == null ? null : fused.on(v -> v));
    return true;
  }

  /** The product's B when it is an nn.constant (a weight), else null. */
  private static ConstantOp constant(NnOp op) { return op.operand(1).definingOp() instanceof ConstantOp c ? c : null; }

  private static boolean applies(TargetDescription t, Value a) {
    return t.vectorizes() && ((MemRefType) a.type()).element().equals(FloatType.F32);
  }

  /**
   * One product out (m x n) = alpha A B from {@code init}, each vector through {@code epilogue}
   * (null: none); B is packed at compile time when it is the nn.constant {@code weights}.
   */
  private static void product(NnOp op, Loops l, TargetDescription t, Buffers buffers, long m, long n, long k, Matrix a, Matrix b,
      double alpha, Value out, MatMulKernel.TileInit init, ConstantOp weights, MatMulKernel.Epilogue epilogue) {
    if (m == 1 && alpha == 1 && !a.transposed() && a.prefix().isEmpty() && b.transposed() && b.prefix().isEmpty()
        && weights != null && VectorGemv.applies(t.vectorWidth())) {
      // One row against constant weights stored n x k: dot products with W's rows.
      if (VectorGemv.packs(n, k, t.l2Bytes())) {
        Value tiled = buffers.table(l, VectorGemv.tiles(weights.value(), t.vectorWidth(), n, k), op);
        VectorGemv.emitTiled(l, t.vectorWidth(), a.memref(), tiled, n, k, out, init);
      } else {
        VectorGemv.emit(l, t.vectorWidth(), a.memref(), b.memref(), n, k, out, init);
      }
      // The fused ops over the row, while it is still in L1.
      if (epilogue != null) {
        l.forEach(new long[] {n}, j -> {
          List<Value> at = List.of(l.index(0), j.getFirst());
          l.store(epilogue.apply(l, at, l.load(out, at), null, false), out, at);
        });
      }
      return;
    }
    KernelShape s = KernelShape.choose(t, m, n, k);
    MatMulKernel.BSource src;
    if (weights != null) {
      src = MatMulKernel.packed(buffers.table(l, GemmPacking.packConstantB(s, weights.value(), b.transposed(), k, n), op));
    } else {
      src = runtimeB(l, s, b, k, n, m <= s.mr() && !b.transposed() ? null : l.alloc(GemmPacking.typeOfB(s, k, n)));
    }
    MatMulKernel.ASource as;
    if (a.transposed() || alpha != 1) {
      // Transposed, or scaled by alpha: packing does both on the way.
      Value pa = l.alloc(GemmPacking.typeOfA(s, m, k));
      GemmPacking.packA(l, s, a, m, k, alpha, pa);
      as = MatMulKernel.packedA(pa, s);
    } else {
      as = MatMulKernel.rowsA(a.memref(), a.prefix(), s.mr());
    }
    MatMulKernel.emit(l, s, m, n, k, as, src, out, List.of(), init, null, epilogue);
  }

  /**
   * A B computed at run time: packed into {@code into}, or, when that is null (a single panel of
   * A rows meets each value of B only once, so that packing would only add two passes over it),
   * read in place.
   */
  private static MatMulKernel.BSource runtimeB(Loops l, KernelShape s, Matrix b, long k, long n, Value into) {
    if (into == null) return MatMulKernel.rows(b.memref(), b.prefix(), s.nr());
    GemmPacking.packB(l, s, b, k, n, into);
    return MatMulKernel.packed(into);
  }

  /** A buffer with its leading dimensions merged into one: a matrix of rows. */
  private static Value rows2d(Loops l, Value memref) {
    int rank = shape(memref).length;
    if (rank == 2) return memref;
    int[] leading = new int[rank - 1];
    for (int d = 0; d < rank - 1; d++) leading[d] = d;
    return CollapseShapeOp.create(l.builder(), l.location(), memref, leading, new int[] {rank - 1}).result();
  }

  /** The batch indices of an operand of shape {@code s} broadcast (numpy rules) to the result's batch. */
  private static List<Value> batchIndices(Loops l, long[] s, List<Value> outBatch) {
    List<Value> idx = new ArrayList<>();
    int off = outBatch.size() - (s.length - 2);
    for (int d = 0; d < s.length - 2; d++) idx.add(s[d] == 1 ? l.index(0) : outBatch.get(d + off));
    return idx;
  }

  /** Tiles that start from beta C, with C (a scalar, a row, a column or m x n) broadcast to m x n. */
  private static MatMulKernel.TileInit bias(Value c, double beta, long m, long n) {
    long[] cs = shape(c);
    boolean alongColumns = cs.length >= 1 && cs[cs.length - 1] == n && n > 1;
    boolean alongRows = cs.length == 2 && cs[0] == m && m > 1;
    return (l, row, col, type, masked) -> {
      List<Value> idx = new ArrayList<>();
      if (cs.length == 2) idx.add(alongRows ? row : l.index(0));
      if (cs.length >= 1) idx.add(alongColumns ? col : l.index(0));
      Builder b = l.builder();
      Value v;
      if (!alongColumns) v = BroadcastOp.create(b, l.location(), type, l.load(c, idx)).result();
      else if (masked) v = TransferReadOp.create(b, l.location(), type, c, idx, l.constant(0, FloatType.F32), false).result();
      else v = LoadOp.create(b, l.location(), type, c, idx).result();
      if (beta == 1) return v;
      Value scale = BroadcastOp.create(b, l.location(), type, l.constant(beta, FloatType.F32)).result();
      return MulFOp.create(b, l.location(), v, scale).result();
    };
  }

  private static long[] shape(Value v) { return ((MemRefType) v.type()).shape(); }
}
