package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.PrefetchOp;
import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.GemmOp;
import dev.sol.dialect.nn.LayerNormOp;
import dev.sol.dialect.nn.MatMulOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.PoolOp;
import dev.sol.dialect.nn.ReduceMeanOp;
import dev.sol.dialect.nn.YieldOp;
import dev.sol.dialect.nn.UnaryElementwiseOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.pass.conversion.ConversionRewriter;
import dev.sol.pass.conversion.OpConversionPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * nn.fused as one kernel where a fused kernel exists: a convolution on the vector kernels
 * ({@link VectorConv}), a depthwise one ({@link DepthwiseConv}) or one on a long-vector machine
 * ({@link PlaneConv}) applies the group's element-wise ops (activations, a residual add) to
 * each vector of its tiles before storing it, so that the convolution's result is written once
 * and never read back. Any other group is unpacked: its ops are put back in place of the
 * nn.fused, and their own patterns lower them one by one.
 */
public final class FusedLowering extends OpConversionPattern<FusedOp> {
  private final Buffers buffers;
  private final TargetDescription target;
  private final Map<Class<?>, UnaryElementwiseLowering<?>> activations = new HashMap<>();

  public FusedLowering(Buffers buffers, TargetDescription target, List<UnaryElementwiseLowering<?>> activations) {
    super(FusedOp.class, FusedOp.SPEC, null);
    this.buffers = buffers;
    this.target = target;
    for (UnaryElementwiseLowering<?> a : activations) this.activations.put(a.opClass(), a);
  }

  @Override public boolean convert(FusedOp op, List<Value> adaptor, ConversionRewriter rewriter) {
    List<Operation> members = op.members();
    if (NnLowering.noElements(op) || members.isEmpty() || op.yielded().size() != 1 || op.yielded().getFirst() != members.getLast().result(0)) {
      // Nothing to compute (op by op, each of which then writes nothing), or a group written by
      // hand that yields another value than its last op's: the fused kernels compute the last.
      unpack(op, adaptor, rewriter);
    } else if (members.size() > 1 && members.getLast() instanceof PoolOp pool) {
      pooledConv(op, pool, members.subList(0, members.size() - 1), adaptor, rewriter);
    } else if (members.size() > 1 && members.getLast() instanceof ReduceMeanOp mean) {
      meanConv(op, mean, members.subList(0, members.size() - 1), adaptor, rewriter);
    } else if (members.getFirst() instanceof ConvOp conv
        && (VectorConv.applies(conv, target) || DepthwiseConv.applies(conv, target) || PlaneConv.applies(conv, target))
        && epilogueLowers(members)) {
      fusedConv(op, conv, members, adaptor, rewriter);
    } else if (members.getFirst() instanceof NnOp product && (product instanceof MatMulOp || product instanceof GemmOp)
        && VectorGemm.lowers(product, target) && epilogueLowers(members)) {
      fusedProduct(op, product, members, adaptor, rewriter);
    } else if (members.size() > 1 && members.getFirst() instanceof LayerNormOp norm && members.get(1) instanceof BatchNormOp bn
        && LayerNormLowering.vectorizes(norm, target) && epilogueLowers(members.subList(1, members.size()))) {
      normalization(op, norm, bn, members.subList(1, members.size()), adaptor, rewriter);
    } else if (members.getFirst() instanceof BatchNormOp bn && epilogueLowers(members) && ((ShapedType) bn.operand(0).type()).element() instanceof FloatType) {
      elementwise(op, bn, members, adaptor, rewriter);
    } else {
      unpack(op, adaptor, rewriter);
    }
    return true;
  }

  /** Whether every op after the product has a vector form here. */
  private boolean epilogueLowers(List<Operation> members) {
    for (Operation m : members.subList(1, members.size())) {
      if (!(m instanceof AddOp) && !(m instanceof MulOp) && !activations.containsKey(m.getClass())) return false;
    }
    return true;
  }

  /**
   * The ops after the first member applied to {@code first}, the first member's value at one
   * place (a vector or an element): each op reads the values its operands have here (a SiLU's
   * mul reads both the product's value and its sigmoid's), and a residual add, whose other
   * operand comes from outside the group, reads it through {@code outside}.
   */
  private Value applyChain(List<Operation> members, Loops l, Value first, Function<Operation, Value> outside) {
    Map<Value, Value> at = new HashMap<>();
    at.put(members.getFirst().result(0), first);
    Value v = first;
    for (Operation m : members.subList(1, members.size())) {
      if (m instanceof AddOp || m instanceof MulOp) {
        // Both operands from the group (a SiLU's mul), or one from outside (a residual, a bias
        // row, a scalar), which comes second.
        Value x = at.get(at.containsKey(m.operand(0)) ? m.operand(0) : m.operand(1));
        Value y = at.containsKey(m.operand(0)) && at.containsKey(m.operand(1)) ? at.get(m.operand(1)) : outside.apply(m);
        v = m instanceof AddOp ? l.add(x, y) : l.mul(x, y);
      } else {
        v = activations.get(m.getClass()).apply((UnaryElementwiseOp) m, l, at.get(m.operand(0)));
      }
      at.put(m.result(0), v);
    }
    return v;
  }

  private void fusedConv(FusedOp op, ConvOp conv, List<Operation> members, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), false);
    List<Value> in = buffersOf(op, adaptor, l);
    // Each of these kernels indexes its result as [image, channel, pixel], so it may write a
    // strided slab of a concat (channels at batch 4).
    Value out = buffers.output(l, op, op.result(0), true);
    Value x = in.get(input(op, conv.operand(0)));
    Value w = in.get(input(op, conv.operand(1)));
    Value bias = conv.numOperands() > 2 ? in.get(input(op, conv.operand(2))) : null;
    ConstantOp weights = op.operand(input(op, conv.operand(1))).definingOp() instanceof ConstantOp c ? c : null;
    if (DepthwiseConv.applies(conv, target)) DepthwiseConv.conv(conv, l, x, w, bias, out, target, epilogue(op, members, in, l));
    else if (PlaneConv.applies(conv, target)) PlaneConv.conv(conv, l, x, w, bias, out, epilogue(op, members, in, l));
    else VectorConv.conv(conv, weights, l, x, w, bias, out, target, buffers, epilogue(op, members, in, l));
    rewriter.replaceOp(op, List.of(buffers.written(l, op.result(0).type(), out)));
  }

  /**
   * A convolution, the element-wise ops after it and a max pool ({@code nn-fuse}'s rule
   * "pool"): as one kernel that pools the convolution's rows band by band as it makes them
   * ({@link ConvPool}) where the convolution is a product over shifted copies of the image and
   * the pool takes its rows in vectors; else split in two, the convolution's group (or the
   * convolution alone) and the pool after it, each lowered by its own pattern.
   */
  private void pooledConv(FusedOp op, PoolOp pool, List<Operation> chain, List<Value> adaptor, ConversionRewriter rewriter) {
    convAndTail(op, pool, chain, ConvPool.takes(pool, target), VectorConv::poolsRows,
        (conv, weights, l, x, w, bias, out, epilogue) -> VectorConv.pooled(conv, weights, l, x, w, bias, pool, out, target, buffers, epilogue),
        adaptor, rewriter);
  }

  /**
   * A convolution, the element-wise ops after it and the mean of each output plane ({@code
   * nn-fuse}'s rule "mean", a global average pool): as one kernel that sums the rows of the
   * turned product ({@link ChannelLanesConv#mean}) where {@link VectorConv#meansTurned} holds
   * and no op of the chain reads a tensor from outside the group (that kernel applies the chain
   * to vectors along the channels, where a residual's vectors run along the pixels); else split
   * in two, the convolution's group (or the convolution alone) and the mean after it.
   */
  private void meanConv(FusedOp op, ReduceMeanOp mean, List<Operation> chain, List<Value> adaptor, ConversionRewriter rewriter) {
    // (A group written by hand may take another mean than over the planes.)
    boolean fits = mean.overPlanes() && chain.stream().allMatch(m -> outsideOperand(chain, m) == null);
    convAndTail(op, mean, chain, fits, VectorConv::meansTurned,
        (conv, weights, l, x, w, bias, out, epilogue) -> ChannelLanesConv.mean(conv, weights, l, x, w, bias, out, target, buffers, epilogue),
        adaptor, rewriter);
  }

  /** Whether a kernel takes a convolution (its constant weights or null, the target, the shapes of its input, weights and result). */
  private interface TailTakes {
    boolean test(ConvOp conv, ConstantOp weights, Loops l, TargetDescription t, long[] xs, long[] ws, long[] os);
  }

  /** Emits a convolution with the op after its chain into {@code out}, each vector through {@code epilogue}. */
  private interface TailKernel {
    void emit(ConvOp conv, ConstantOp weights, Loops l, Value x, Value w, Value bias, Value out, MatMulKernel.Epilogue epilogue);
  }

  /**
   * The group {@code op}, a convolution's {@code chain} and {@code tail} reading its last value:
   * by {@code kernel} where {@code fits} (what the tail needs of the chain) and {@code takes}
   * hold, else split before the tail ({@link #splitTail}).
   */
  private void convAndTail(FusedOp op, Operation tail, List<Operation> chain, boolean fits, TailTakes takes, TailKernel kernel, List<Value> adaptor,
      ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), false);
    // (The tail must read the chain's last value, as nn-fuse makes it; a group written by hand
    // may read another.)
    if (fits && chain.getFirst() instanceof ConvOp conv && tail.operand(0) == chain.getLast().result(0) && epilogueLowers(chain)
        && staticShape(conv)) {
      ConstantOp weights = op.operand(input(op, conv.operand(1))).definingOp() instanceof ConstantOp c ? c : null;
      long[] convShape = ((ShapedType) conv.result(0).type()).shape();
      if (takes.test(conv, weights, l, target, conv.operandType(0).shape(), conv.operandType(1).shape(), convShape)) {
        List<Value> in = buffersOf(op, adaptor, l);
        Value out = buffers.output(l, op, op.result(0));
        Value bias = conv.numOperands() > 2 ? in.get(input(op, conv.operand(2))) : null;
        kernel.emit(conv, weights, l, in.get(input(op, conv.operand(0))), in.get(input(op, conv.operand(1))), bias, out, epilogue(op, chain, in, l));
        rewriter.replaceOp(op, List.of(buffers.written(l, op.result(0).type(), out)));
        return;
      }
    }
    splitTail(op, chain, tail, adaptor, rewriter);
  }

  /** Whether the shapes of {@code conv}'s operands and result are all known. */
  private static boolean staticShape(ConvOp conv) {
    for (Value v : List.of(conv.operand(0), conv.operand(1), conv.result(0))) {
      if (!(v.type() instanceof ShapedType s) || !s.hasStaticShape()) return false;
    }
    return true;
  }

  /**
   * The group {@code op} as two: the ops of {@code chain} up to the one that {@code tail} reads
   * (a new group, the one op alone, or none when it reads an operand) and {@code tail} after
   * them, reading their result; each is lowered by its own pattern.
   */
  private static void splitTail(FusedOp op, List<Operation> chain, Operation tail, List<Value> adaptor, ConversionRewriter rewriter) {
    rewriter.before(op);
    Value read;
    IRMapping mapping = new IRMapping();
    for (int i = 0; i < adaptor.size(); i++) mapping.map(op.body().argument(i), adaptor.get(i));
    // Only the ops up to the one the tail reads (all of them as nn-fuse groups them).
    chain = chain.subList(0, chain.indexOf(tail.operand(0).definingOp()) + 1);
    if (chain.isEmpty()) {
      read = mapping.lookup(tail.operand(0));
    } else if (chain.size() == 1) {
      Operation copy = chain.getFirst().clone(mapping);
      copy.setLocation(op.location());
      rewriter.insert(copy);
      read = copy.result(0);
    } else {
      FusedOp group = FusedOp.create(rewriter, op.location(), adaptor, List.of(tail.operand(0).type()));
      IRMapping inside = new IRMapping();
      for (int i = 0; i < adaptor.size(); i++) inside.map(op.body().argument(i), group.body().argument(i));
      Builder body = new Builder(rewriter.context()).atEnd(group.body());
      for (Operation m : chain) body.insert(m.clone(inside));
      YieldOp.create(body, op.location(), List.of(inside.lookup(tail.operand(0))));
      read = group.result(0);
    }
    IRMapping outside = new IRMapping();
    outside.map(tail.operand(0), read);
    Operation copy = tail.clone(outside);
    copy.setLocation(op.location());
    rewriter.insert(copy);
    rewriter.replaceOp(op, List.of(copy.result(0)));
  }

  /**
   * The ops after the product, applied in order to a vector of its result (or to one element,
   * when the type is null) at output indices [image, channel, pixel]; a residual add reads the
   * other tensor at the same place (through the same [image, channel, pixel] view).
   */
  private MatMulKernel.Epilogue epilogue(FusedOp op, List<Operation> members, List<Value> in, Loops outer) {
    // (In the members' order: the prefetches are emitted by iterating it.)
    Map<Operation, Value> planes = new LinkedHashMap<>();
    for (Operation m : members.subList(1, members.size())) {
      if (m instanceof AddOp add) {
        Value buffer = in.get(input(op, residual(members, add)));
        planes.put(m, CollapseShapeOp.create(outer.builder(), outer.location(), buffer, new int[] {0}, new int[] {1}, new int[] {2, 3}).result());
      }
    }
    return new MatMulKernel.Epilogue() {
      @Override public Value apply(Loops l, List<Value> at, Value acc, VectorType type, boolean masked) {
        return applyChain(members, l, acc, add -> read(l, planes.get(add), at, type, masked));
      }

      @Override public boolean reads() { return !planes.isEmpty(); }

      @Override public void prefetch(Loops l, List<Value> at) {
        for (Value plane : planes.values()) PrefetchOp.read(l.builder(), l.location(), plane, at);
      }
    };
  }

  /** A vector of {@code type} (one element when it is null) of {@code buffer} at {@code at}, masked where {@code masked}. */
  private static Value read(Loops l, Value buffer, List<Value> at, VectorType type, boolean masked) {
    if (type == null) return l.load(buffer, at);
    return masked ? TransferReadOp.create(l.builder(), l.location(), type, buffer, at, l.constant(0, type.element()), false).result()
        : LoadOp.create(l.builder(), l.location(), type, buffer, at).result();
  }

  /**
   * A matrix product (nn.matmul, nn.gemm) with the ops after it applied to each vector of its
   * tiles before it is stored ({@link VectorGemm}): the result is written once and never read
   * back. Each op's operand from outside the group is a tensor of the result's shape (a
   * residual, read as the kernel reads the result), a row along the last axis (a bias, read at
   * the vector's columns) or a single value (a scale, broadcast).
   */
  private void fusedProduct(FusedOp op, NnOp product, List<Operation> members, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops outer = buffers.loops(rewriter, op.location(), false);
    List<Value> in = buffersOf(op, adaptor, outer);
    Value out = buffers.output(outer, op, op.result(0));
    Value a = in.get(input(op, product.operand(0)));
    Value b = in.get(input(op, product.operand(1)));
    ConstantOp weights = op.operand(input(op, product.operand(1))).definingOp() instanceof ConstantOp c ? c : null;
    long[] shape = ((MemRefType) out.type()).shape();
    VectorGemm.Fused fused = view -> {
      Map<Operation, Value> operands = new HashMap<>();
      for (Operation m : members.subList(1, members.size())) {
        Value other = outsideOperand(members, m);
        if (other == null) continue;
        Value buffer = in.get(input(op, other));
        long[] s = ((MemRefType) buffer.type()).shape();
        operands.put(m, Arrays.equals(s, shape) ? view.apply(buffer) : s.length <= 1 ? buffer
            : CollapseShapeOp.create(outer.builder(), outer.location(), buffer, IntStream.range(0, s.length).toArray()).result());
      }
      return (l, at, acc, type, masked) -> applyChain(members, l, acc, m -> {
        Value buffer = operands.get(m);
        long[] s = ((MemRefType) buffer.type()).shape();
        if (s.length > 1) return read(l, buffer, at, type, masked);
        if (s.length == 1 && s[0] > 1) return read(l, buffer, List.of(at.getLast()), type, masked);
        Value one = l.load(buffer, s.length == 0 ? List.of() : List.of(l.index(0)));
        return type == null ? one : BroadcastOp.create(l.builder(), l.location(), type, one).result();
      });
    };
    boolean lowered = product instanceof MatMulOp mm ? VectorGemm.matmul(mm, outer, a, b, out, target, buffers, weights, fused)
        : VectorGemm.gemm((GemmOp) product, outer, a, b, product.numOperands() > 2 ? in.get(input(op, product.operand(2))) : null, out, target,
            buffers, weights, fused);
    if (!lowered) throw new IllegalStateException("VectorGemm.lowers accepted a product it does not lower: " + product.name());
    rewriter.replaceOp(op, List.of(buffers.written(outer, op.result(0).type(), out)));
  }

  /** The operand of {@code m} (an add or a mul) that comes from outside the group, or null when both come from its members. */
  private static Value outsideOperand(List<Operation> members, Operation m) {
    if (!(m instanceof AddOp) && !(m instanceof MulOp)) return null;
    for (Value v : m.operands()) if (!members.contains(v.definingOp())) return v;
    return null;
  }

  /**
   * A batch norm and the ops after it as one loop nest over the result: per element, the
   * normalized value goes through the chain and is stored once.
   */
  private void elementwise(FusedOp op, BatchNormOp bn, List<Operation> members, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), false);
    List<Value> in = buffersOf(op, adaptor, l);
    Value out = buffers.output(l, op, op.result(0));
    List<Value> bnIn = new ArrayList<>();
    for (Value v : bn.operands()) bnIn.add(in.get(input(op, v)));
    long[] shape = ((MemRefType) out.type()).shape();
    l.parallelForEach(shape, members.size(), iv -> {
      Value v = applyChain(members, l, BatchNormLowering.normalize(bn, l, bnIn, iv), add -> l.load(in.get(input(op, residual(members, add))), iv));
      l.store(v, out, iv);
    });
    rewriter.replaceOp(op, List.of(buffers.written(l, op.result(0).type(), out)));
  }

  /**
   * An instance normalization (nn-fuse's rule "normalization"): the layer norm's rows in
   * vectors ({@link LayerNormLowering#vectorRows}), each normalized vector scaled and shifted by
   * its channel's batch norm (a multiply-add by values made once per row) and passed through
   * the activations after it ({@code chain}: the batch norm first) before it is stored. The
   * rows run over images and channels, so row r is channel r mod C.
   */
  private void normalization(FusedOp op, LayerNormOp norm, BatchNormOp bn, List<Operation> chain, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), false);
    List<Value> in = buffersOf(op, adaptor, l);
    Value out = buffers.output(l, op, op.result(0));
    Value x = in.get(input(op, norm.operand(0)));
    Value scale = LayerNormLowering.unitScale(op.operand(input(op, norm.operand(1)))) ? null : in.get(input(op, norm.operand(1)));
    Value bias = norm.numOperands() > 2 ? in.get(input(op, norm.operand(2))) : null;
    List<Value> bnIn = new ArrayList<>();
    for (Value v : bn.operands().subList(1, bn.numOperands())) bnIn.add(in.get(input(op, v)));
    long channels = ((ShapedType) bn.operand(0).type()).shape()[1];
    VectorType vt = new VectorType(new long[] {target.vectorWidth()}, FloatType.F32);
    LayerNormLowering.vectorRows(norm, l, x, scale, bias, out, target, (rl, row) -> {
      // y = (v - mean) * gamma / sqrt(var + eps) + beta = v * a + (beta - mean * a).
      List<Value> c = List.of(rl.remui(row, rl.index(channels)));
      Value a = rl.mul(rl.load(bnIn.get(0), c), rl.rsqrt(rl.add(rl.load(bnIn.get(3), c), rl.constant(bn.epsilon(), FloatType.F32))));
      Value shift = rl.sub(rl.load(bnIn.get(1), c), rl.mul(rl.load(bnIn.get(2), c), a));
      Value as = BroadcastOp.create(rl.builder(), rl.location(), vt, a).result();
      Value shifts = BroadcastOp.create(rl.builder(), rl.location(), vt, shift).result();
      return v -> applyChain(chain, rl, rl.add(rl.mul(v, as), shifts), m -> {
        throw new IllegalStateException("an op with an operand from outside in a normalization's group: " + m.name());
      });
    });
    rewriter.replaceOp(op, List.of(buffers.written(l, op.result(0).type(), out)));
  }

  /** The group's operands as buffers, in order. */
  private List<Value> buffersOf(FusedOp op, List<Value> adaptor, Loops l) {
    List<Value> in = new ArrayList<>();
    for (Value v : adaptor) in.add(buffers.read(l, v, op));
    return in;
  }

  /** The operand of a residual add that does not come from the member before it. */
  private static Value residual(List<Operation> members, Operation add) {
    Operation previous = members.get(members.indexOf(add) - 1);
    return add.operand(0).definingOp() == previous ? add.operand(1) : add.operand(0);
  }

  /** The operand index of the nn.fused that block argument {@code v} stands for. */
  private static int input(FusedOp op, Value v) {
    if (!(v instanceof BlockArgument a) || a.owner() != op.body()) {
      throw new IllegalStateException("operand " + v + " of a fused product is not an input of the group");
    }
    return a.index();
  }

  /**
   * The group's ops put back before it, reading its operands; its own patterns lower each.
   * They take the group's location, so that their code is still the group's kernel (a profile
   * names kernels by location: with their own, an unpacked gemm + relu was counted as part of
   * the kernel before it, and the group as never run).
   */
  private static void unpack(FusedOp op, List<Value> adaptor, ConversionRewriter rewriter) {
    IRMapping mapping = new IRMapping();
    for (int i = 0; i < adaptor.size(); i++) mapping.map(op.body().argument(i), adaptor.get(i));
    rewriter.before(op);
    for (Operation m : op.members()) {
      Operation copy = m.clone(mapping);
      copy.setLocation(op.location());
      rewriter.insert(copy);
    }
    List<Value> results = new ArrayList<>();
    for (Value v : op.yielded()) results.add(mapping.lookup(v));
    rewriter.replaceOp(op, results);
  }
}
