package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.DivOp;
import dev.sol.dialect.nn.GemmOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.SubOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds an inference batch normalization into the convolution before it, when the
 * convolution has no other user and all parameters are constants:
 * {@code w' = w * s / sqrt(var + eps)} per output channel and
 * {@code b' = (b - mean) * s / sqrt(var + eps) + bias}. Per-channel affine maps written out
 * op by op fold the same way: an nn.mul, nn.div, nn.add or nn.sub of a convolution (the
 * convolution first, or either way for mul and add) by a constant of finite values, one per
 * output channel or one for all ({@code 1 x C x 1 x 1}, {@code C x 1 x 1}, a scalar), as
 * Caffe's Scale layers, models that export a batch normalization or a bias as a
 * multiplication and an addition, and layer scales have them: {@code w' = w * s},
 * {@code b' = b * s} for a multiplication (a division by a nonzero d as one by 1 / d),
 * {@code b' = b + t} for an addition (a subtraction of t as one of -t).
 * Each would otherwise be a pass over the convolution's result of its own (ONNX Runtime
 * folds them too: ConvMulFusion, ConvAddFusion). A chain folds op by op.
 */
@PassInfo(name = "nn-fold-batchnorm", summary = "Fold nn.batch_norm, and per-channel constant mul/div/add/sub, into the preceding nn.conv (batch_norm also nn.gemm)")
public final class NnFoldBatchNormPass implements Pass<NoOptions> {
  /** f32 elements of a little-endian byte array. */
  private static final java.lang.invoke.VarHandle F32 =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(float[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  private static Tensor constant(Value v) {
    return v.definingOp() instanceof ConstantOp c ? Tensor.fromAttribute(c.value()) : null;
  }

  /**
   * gemm's output [M, N] has its channels on dimension 1: B's output columns are scaled by
   * {@code k = s / sqrt(var + eps)}, and the bias becomes {@code (beta * C - mean) * k + bias}.
   */
  private static boolean foldIntoGemm(GemmOp gemm, BatchNormOp bn, Builder b) {
    Tensor w = constant(gemm.operand(1));
    Tensor c = gemm.numOperands() > 2 ? constant(gemm.operand(2)) : null;
    Tensor scale = constant(bn.operand(1));
    Tensor shift = constant(bn.operand(2));
    Tensor mean = constant(bn.operand(3));
    Tensor var = constant(bn.operand(4));
    if (w == null || (gemm.numOperands() > 2 && (c == null || c.rank() > 1)) || scale == null || shift == null || mean == null
        || var == null) {
      return false;
    }
    boolean transB = gemm.transB();
    long n = transB ? w.shape()[0] : w.shape()[1];
    long k = transB ? w.shape()[1] : w.shape()[0];
    double eps = bn.epsilon();
    double beta = gemm.beta();
    Tensor w2 = Tensor.zeros(w.element(), w.shape());
    Tensor c2 = Tensor.zeros(w.element(), new long[] {n});
    for (int j = 0; j < n; j++) {
      double f = scale.get(j) / Math.sqrt(var.get(j) + eps);
      for (int q = 0; q < k; q++) {
        int at = transB ? (int) (j * k + q) : (int) (q * n + j);
        w2.set(at, w.get(at) * f);
      }
      double cv = c == null ? 0 : beta * c.get(c.size() == 1 ? 0 : j);
      c2.set(j, (cv - mean.get(j)) * f + shift.get(j));
    }
    b.before(gemm);
    Value wv = ConstantOp.create(b, gemm.location(), w2.toAttribute()).result(0);
    Value cv = ConstantOp.create(b, bn.location(), c2.toAttribute()).result(0);
    GemmOp fused = GemmOp.create(b, new FusedLoc(List.of(gemm.location(), bn.location()), null), gemm.operand(0), wv, cv, gemm.alpha(), 1,
        gemm.transA(), transB);
    bn.result(0).replaceAllUsesWith(fused.result(0));
    bn.erase();
    gemm.erase();
    return true;
  }

  /**
   * The weights with every value of output channel c (the leading dimension) multiplied by
   * {@code k[c]} and rounded to the element type. f32 weights are scaled on their raw bytes:
   * the generic path through {@link Tensor} took a sixth of ResNet-50's compile time.
   */
  static DenseElementsAttr scaleChannels(DenseElementsAttr w, double[] k) {
    long perChannel = w.numElements() / k.length;
    if (!w.elementType().equals(FloatType.F32) || w.isSplat()) {
      Tensor t = Tensor.fromAttribute(w);
      for (int c = 0; c < k.length; c++) {
        for (long i = 0; i < perChannel; i++) t.set((int) (c * perChannel + i), t.get((int) (c * perChannel + i)) * k[c]);
      }
      return t.toAttribute();
    }
    byte[] in = w.rawData();
    byte[] raw = new byte[in.length];
    for (int c = 0; c < k.length; c++) {
      int base = (int) (c * perChannel) * 4;
      double kc = k[c];
      for (int i = 0; i < perChannel; i++) F32.set(raw, base + 4 * i, (float) ((float) F32.get(in, base + 4 * i) * kc));
    }
    return DenseElementsAttr.fromRaw(w.type(), raw);
  }

  /**
   * The per-output-channel values of {@code v} for a convolution result of {@code outChannels}
   * channels and rank {@code rank}: a constant of one value, or of one per channel along the
   * channel axis and 1 along every other; else null.
   */
  private static double[] perChannel(Value v, long outChannels, int rank) {
    Tensor t = constant(v);
    if (t == null || !(((RankedTensorType) v.type()).element() instanceof FloatType) || t.rank() > rank) return null;
    long[] s = t.shape();
    int channelAxis = s.length - (rank - 1);
    long along = 1;
    for (int i = 0; i < s.length; i++) {
      if (i == channelAxis) along = s[i];
      else if (s[i] != 1) return null;
    }
    if (along != 1 && along != outChannels) return null;
    double[] values = new double[(int) outChannels];
    for (int c = 0; c < outChannels; c++) values[c] = t.get(along == 1 ? 0 : c);
    return values;
  }

  /**
   * Folds {@code op} (an nn.mul, nn.div, nn.add or nn.sub whose first operand is a convolution
   * that only it uses, and whose second is a per-channel constant of finite values, or an nn.mul
   * or nn.add with the two the other way round) into the convolution.
   */
  private static boolean foldAffine(Operation op, Builder b) {
    // A multiplication or an addition may have the convolution second.
    int at = (op instanceof MulOp || op instanceof AddOp) && !(op.operand(0).definingOp() instanceof ConvOp) ? 1 : 0;
    if (!(op.operand(at).definingOp() instanceof ConvOp conv) || !conv.result(0).hasOneUse() || !op.result(0).type().equals(conv.result(0).type())) {
      return false;
    }
    DenseElementsAttr wAttr = conv.operand(1).definingOp() instanceof ConstantOp c ? c.value() : null;
    Tensor bias = conv.numOperands() > 2 ? constant(conv.operand(2)) : null;
    if (wAttr == null || (conv.numOperands() > 2 && bias == null) || !(wAttr.elementType() instanceof FloatType)) return false;
    long outChannels = wAttr.shapedType().shape()[0];
    double[] v = perChannel(op.operand(1 - at), outChannels, ((RankedTensorType) conv.result(0).type()).rank());
    if (v == null) return false;
    // Only finite values, and no division by zero, fold exactly: r * inf is not (w * inf) x + b * inf.
    for (double x : v) if (!Double.isFinite(x) || (op instanceof DivOp && x == 0)) return false;
    boolean scales = op instanceof MulOp || op instanceof DivOp;
    double[] k = new double[(int) outChannels];
    Tensor b2 = Tensor.zeros(wAttr.elementType(), new long[] {outChannels});
    for (int c = 0; c < outChannels; c++) {
      double b0 = bias == null ? 0 : bias.get(c);
      k[c] = !scales ? 1 : op instanceof MulOp ? v[c] : 1 / v[c];
      b2.set(c, scales ? b0 * k[c] : op instanceof AddOp ? b0 + v[c] : b0 - v[c]);
    }
    replace(conv, op, scales ? scaleChannels(wAttr, k) : null, b2, b);
    return true;
  }

  /**
   * {@code conv} and the per-channel op {@code after} it, its only user, as one convolution
   * with {@code weights} (null: the convolution's own) and {@code bias}, located at both.
   */
  private static void replace(ConvOp conv, Operation after, DenseElementsAttr weights, Tensor bias, Builder b) {
    b.before(conv);
    Value wv = weights == null ? conv.operand(1) : ConstantOp.create(b, conv.location(), weights).result(0);
    Value bv = ConstantOp.create(b, after.location(), bias.toAttribute()).result(0);
    ConvOp fused = ConvOp.create(b, new FusedLoc(List.of(conv.location(), after.location()), null), conv.operand(0), wv, bv, conv.strides(),
        conv.pads(), conv.dilations(), conv.group());
    after.result(0).replaceAllUsesWith(fused.result(0));
    after.erase();
    conv.erase();
  }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<Operation> candidates = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof BatchNormOp || o instanceof MulOp || o instanceof DivOp || o instanceof AddOp || o instanceof SubOp) candidates.add(o);
    });
    int folded = 0;
    int affine = 0;
    Builder b = new Builder(state.context());
    for (Operation op : candidates) {
      if (!(op instanceof BatchNormOp bn)) {
        if (foldAffine(op, b)) affine++;
        continue;
      }
      if (bn.operand(0).definingOp() instanceof GemmOp gemm && gemm.result(0).hasOneUse()) {
        if (foldIntoGemm(gemm, bn, b)) folded++;
        continue;
      }
      if (!(bn.operand(0).definingOp() instanceof ConvOp conv) || !conv.result(0).hasOneUse()) continue;
      DenseElementsAttr wAttr = conv.operand(1).definingOp() instanceof ConstantOp c ? c.value() : null;
      Tensor bias = conv.numOperands() > 2 ? constant(conv.operand(2)) : null;
      Tensor scale = constant(bn.operand(1));
      Tensor shift = constant(bn.operand(2));
      Tensor mean = constant(bn.operand(3));
      Tensor var = constant(bn.operand(4));
      if (wAttr == null || (conv.numOperands() > 2 && bias == null) || scale == null || shift == null || mean == null || var == null) continue;
      double eps = bn.epsilon();
      long outChannels = wAttr.shapedType().shape()[0];
      double[] k = new double[(int) outChannels];
      Tensor b2 = Tensor.zeros(wAttr.elementType(), new long[] {outChannels});
      for (int c = 0; c < outChannels; c++) {
        k[c] = scale.get(c) / Math.sqrt(var.get(c) + eps);
        b2.set(c, ((bias == null ? 0 : bias.get(c)) - mean.get(c)) * k[c] + shift.get(c));
      }
      replace(conv, bn, scaleChannels(wAttr, k), b2, b);
      folded++;
    }
    List<Operation> constants = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ConstantOp) constants.add(o);
    });
    for (Operation c : constants) if (c.result(0).hasNoUses()) c.erase();
    state.statistic("num-folded", "Batch normalizations folded into convolutions").add(folded);
    state.statistic("num-affine-folded", "Per-channel multiplications and additions folded into convolutions").add(affine);
    return true;
  }
}
