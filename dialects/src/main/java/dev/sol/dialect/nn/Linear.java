package dev.sol.dialect.nn;

import java.util.Arrays;

/** Matrix products: numpy matmul and ONNX Gemm; floats accumulate in doubles, integers exactly in longs (wrapping). */
final class Linear {
  private Linear() {}

  static long[] matmulShape(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) throw new ShapeError("matmul operands must have rank >= 1");
    long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
    long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
    long k = a2[a2.length - 1];
    if (k != b2[b2.length - 2]) throw new ShapeError("inner dimensions differ: " + Arrays.toString(a) + " x " + Arrays.toString(b));
    long[] batch = Broadcast.shape(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
    int extra = (a.length == 1 ? 0 : 1) + (b.length == 1 ? 0 : 1);
    long[] out = Arrays.copyOf(batch, batch.length + extra);
    int i = batch.length;
    if (a.length != 1) out[i++] = a2[a2.length - 2];
    if (b.length != 1) out[i] = b2[b2.length - 1];
    return out;
  }

  static Tensor matmul(Tensor a, Tensor b) {
    long[] as = a.rank() == 1 ? new long[] {1, a.shape()[0]} : a.shape();
    long[] bs = b.rank() == 1 ? new long[] {b.shape()[0], 1} : b.shape();
    long m = as[as.length - 2];
    long k = as[as.length - 1];
    long n = bs[bs.length - 1];
    long[] batch = Broadcast.shape(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
    int[] ma = Broadcast.indexMap(Arrays.copyOf(as, as.length - 2), batch);
    int[] mb = Broadcast.indexMap(Arrays.copyOf(bs, bs.length - 2), batch);
    long batches = Tensor.count(batch);
    long[] outShape = matmulShape(a.shape(), b.shape());
    Tensor out = Tensor.zeros(a.element(), outShape);
    for (int p = 0; p < batches; p++) {
      long aBase = (long) ma[p] * m * k;
      long bBase = (long) mb[p] * k * n;
      long oBase = (long) p * m * n;
      for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
          int at = (int) (oBase + i * n + j);
          if (out.isFloat()) {
            double sum = 0;
            for (long q = 0; q < k; q++) sum += a.get((int) (aBase + i * k + q)) * b.get((int) (bBase + q * n + j));
            out.set(at, sum);
          } else {
            long sum = 0;
            for (long q = 0; q < k; q++) sum += a.getLong((int) (aBase + i * k + q)) * b.getLong((int) (bBase + q * n + j));
            out.setLong(at, sum);
          }
        }
      }
    }
    return out;
  }

  static Tensor gemm(Tensor a, Tensor b, Tensor c, double alpha, double beta, boolean transA, boolean transB, long[] outShape) {
    long m = outShape[0];
    long n = outShape[1];
    long k = transA ? a.shape()[0] : a.shape()[1];
    Tensor out = Tensor.zeros(a.element(), outShape);
    int[] mc = c == null ? null : Broadcast.indexMap(c.shape(), outShape);
    boolean floats = out.isFloat();
    if (!floats && (alpha != Math.rint(alpha) || beta != Math.rint(beta))) {
      throw new IllegalArgumentException("gemm on " + a.element() + " elements needs integral alpha and beta, got " + alpha + " and " + beta);
    }
    for (long i = 0; i < m; i++) {
      for (long j = 0; j < n; j++) {
        int flat = (int) (i * n + j);
        // op(a)[i][q] is a[aFirst + q * aStep], op(b)[q][j] is b[bFirst + q * bStep].
        int aFirst = (int) (transA ? i : i * k);
        int aStep = (int) (transA ? m : 1);
        int bFirst = (int) (transB ? j * k : j);
        int bStep = (int) (transB ? 1 : n);
        if (floats) {
          double sum = 0;
          for (int q = 0; q < k; q++) sum += a.get(aFirst + q * aStep) * b.get(bFirst + q * bStep);
          out.set(flat, alpha * sum + (c == null ? 0 : beta * c.get(mc[flat])));
        } else {
          long sum = 0;
          for (int q = 0; q < k; q++) sum += a.getLong(aFirst + q * aStep) * b.getLong(bFirst + q * bStep);
          out.setLong(flat, (long) alpha * sum + (c == null ? 0 : (long) beta * c.getLong(mc[flat])));
        }
      }
    }
    return out;
  }
}
