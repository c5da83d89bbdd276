package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.UnaryElementwiseOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.pass.conversion.ConversionRewriter;
import dev.sol.pass.conversion.OpConversionPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    if (NnLowering.noElements(op)) {
      // Nothing to compute: op by op, each of which then writes nothing.
      unpack(op, adaptor, rewriter);
    } else if (members.getFirst() instanceof ConvOp conv
        && (VectorConv.applies(conv, target) || DepthwiseConv.applies(conv, target) || PlaneConv.applies(conv, target))
        && epilogueLowers(members)) {
      fusedConv(op, conv, members, adaptor, rewriter);
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
  private Value applyChain(List<Operation> members, Loops l, Value first, java.util.function.Function<AddOp, Value> outside) {
    Map<Value, Value> at = new HashMap<>();
    at.put(members.getFirst().result(0), first);
    Value v = first;
    for (Operation m : members.subList(1, members.size())) {
      if (m instanceof MulOp) {
        v = l.mul(at.get(m.operand(0)), at.get(m.operand(1)));
      } else if (m instanceof AddOp add) {
        v = at.containsKey(add.operand(0)) && at.containsKey(add.operand(1)) ? l.add(at.get(add.operand(0)), at.get(add.operand(1)))
            : l.add(at.get(at.containsKey(add.operand(0)) ? add.operand(0) : add.operand(1)), outside.apply(add));
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
   * The ops after the product, applied in order to a vector of its result (or to one element,
   * when the type is null) at output indices [image, channel, pixel]; a residual add reads the
   * other tensor at the same place (through the same [image, channel, pixel] view).
   */
  private MatMulKernel.Epilogue epilogue(FusedOp op, List<Operation> members, List<Value> in, Loops outer) {
    Map<Operation, Value> planes = new HashMap<>();
    for (Operation m : members.subList(1, members.size())) {
      if (m instanceof AddOp add) {
        Value buffer = in.get(input(op, residual(members, add)));
        planes.put(m, CollapseShapeOp.create(outer.builder(), outer.location(), buffer, new int[] {0}, new int[] {1}, new int[] {2, 3}).result());
      }
    }
    return (l, at, acc, type, masked) -> applyChain(members, l, acc, add -> type == null ? l.load(planes.get(add), at) : masked
        ? TransferReadOp.create(l.builder(), l.location(), type, planes.get(add), at, l.constant(0, type.element()), false).result()
        : LoadOp.create(l.builder(), l.location(), type, planes.get(add), at).result());
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

  /** The group's operands as buffers, in order. */
  private List<Value> buffersOf(FusedOp op, List<Value> adaptor, Loops l) {
    List<Value> in = new ArrayList<>();
    for (Value v : adaptor) in.add(buffers.read(l, v, op));
    return in;
  }

  /** The operand of a residual add that does not come from the member before it. */
  private static Value residual(List<Operation> members, AddOp add) {
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
