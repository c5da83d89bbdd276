package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.ConvTransposeOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.conv_transpose as a gather: output position o receives input i through kernel tap k
 * when o = i * stride - pad + k * dilation, so each output loops over taps and keeps those
 * where (o + pad - k * dilation) is a non-negative multiple of the stride inside the input.
 * On a target with vectors, 2-D f32 ones are a matrix product and a scatter per group
 * instead ({@link VectorConvTranspose}), and depthwise ones a direct kernel ({@link
 * DepthwiseConvTranspose}).
 */
public final class ConvTransposeLowering extends NnLowering<ConvTransposeOp> {
  private final TargetDescription target;

  public ConvTransposeLowering(Buffers buffers, TargetDescription target) {
    super(ConvTransposeOp.class, ConvTransposeOp.SPEC, buffers);
    this.target = target;
  }

  @Override protected void lower(ConvTransposeOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.get(0);
    Value w = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    requireFloat(op);
    if (DepthwiseConvTranspose.applies(op, target)) {
      DepthwiseConvTranspose.lower(op, l, x, w, bias, out.getFirst(), target);
      return;
    }
    if (VectorConvTranspose.applies(op, target)) {
      VectorConvTranspose.lower(op, l, x, w, bias, out.getFirst(), target, buffers());
      return;
    }
    long[] xs = shape(x);
    long[] ws = shape(w);
    int dims = xs.length - 2;
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long icPerGroup = xs[1] / op.group();
    long ocPerGroup = ws[1];
    Type t = element(x);
    // f16 and bf16 sum in f32 (see accumulator), rounded once at the store.
    Type sum = accumulator(t);
    long[] red = new long[dims + 1];
    red[0] = icPerGroup;
    System.arraycopy(ws, 2, red, 1, dims);
    l.parallelForEach(shape(out.getFirst()), product(red), iv -> {
      Value oc = iv.get(1);
      Value g = l.divui(oc, l.index(ocPerGroup));
      Value ocInGroup = l.remui(oc, l.index(ocPerGroup));
      Value icBase = l.mul(g, l.index(icPerGroup));
      Value init = bias == null ? l.constant(0, sum) : widened(l, l.load(bias, List.of(oc)), sum);
      Value acc = l.reduce(red, init, (kv, a) -> {
        Value ic = l.add(icBase, kv.get(0));
        List<Value> xi = new ArrayList<>(List.of(iv.get(0), ic));
        Value ok = null;
        for (int d = 0; d < dims; d++) {
          Value num = l.sub(l.add(iv.get(d + 2), l.index(pd[d])), l.mul(kv.get(d + 1), l.index(dl[d])));
          Value q = l.floorDivsi(num, l.index(st[d]));
          Value exact = l.cmp(CmpIPredicate.EQ, l.mul(q, l.index(st[d])), num);
          ok = l.and(l.and(ok, exact), l.inRange(q, 0, xs[d + 2]));
          xi.add(l.clamp(q, xs[d + 2]));
        }
        List<Value> wi = new ArrayList<>(List.of(ic, ocInGroup));
        wi.addAll(kv.subList(1, dims + 1));
        Value prod = l.mul(widened(l, l.load(x, xi), sum), widened(l, l.load(w, wi), sum));
        return l.select(ok, l.add(a, prod), a);
      });
      l.store(narrowed(l, acc, t), out.getFirst(), iv);
    });
  }
}
