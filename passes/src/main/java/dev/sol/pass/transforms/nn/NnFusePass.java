package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.dialect.nn.ClipOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.GeluOp;
import dev.sol.dialect.nn.GemmOp;
import dev.sol.dialect.nn.HardSigmoidOp;
import dev.sol.dialect.nn.HardSwishOp;
import dev.sol.dialect.nn.LayerNormOp;
import dev.sol.dialect.nn.LeakyReluOp;
import dev.sol.dialect.nn.MatMulOp;
import dev.sol.dialect.nn.MaxPoolOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.ReduceMeanOp;
import dev.sol.dialect.nn.ReluOp;
import dev.sol.dialect.nn.SigmoidOp;
import dev.sol.dialect.nn.TanhOp;
import dev.sol.dialect.nn.YieldOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups nn ops into {@code nn.fused} regions that the lowering generates as one kernel.
 *
 * <p>Rule "epilogue": a product (nn.conv, nn.gemm, nn.matmul) takes the chain of ops after it
 * that only transform each of its output elements on their own: the activations relu,
 * leaky_relu, clip, hard_sigmoid, hard_swish, sigmoid, tanh and gelu, an nn.add of a tensor of
 * the result's own type (a residual connection), and SiLU written as {@code x * sigmoid(x)}
 * (YOLO's and EfficientNet's activation: x's two users, the sigmoid and the mul). Each link
 * must be the only user of the one before (the SiLU's x: of its two ops), so that no
 * intermediate tensor is needed outside the group. The kernels apply the chain to each tile
 * of the product while it is still in registers.
 *
 * <p>A matrix product (nn.matmul, nn.gemm) also takes an nn.add or nn.mul of a row along the
 * result's last axis (a bias, as a linear layer exported as MatMul + Add has it) or of a single
 * value (a scale, as attention's scores have it), whose kernel reads it at each vector's
 * columns ({@link #isRowOrScalar}).
 *
 * <p>Rule "element-wise chain": an nn.batch_norm takes the same chain after it (a
 * pre-activation's batch norm and ReLU, as DenseNet has before each convolution), which the
 * lowering computes in one pass over memory instead of one per op.
 *
 * <p>Rule "pool": a 2-D convolution's group also takes a max pool that is the only user of
 * its last value (a network's stem: convolution, ReLU, 3 x 3 max pool at stride 2; VGG's and
 * U-Net's stages). Where the convolution's kernel can make its rows band by band, the
 * lowering pools each band while it is in cache and the convolution's result is never written
 * to memory; elsewhere it splits the group again before the pool.
 *
 * <p>Rule "mean": a 2-D convolution's group also takes the mean over the two spatial axes
 * (a global average pool) that is the only user of its last value, as the last convolution of
 * most image classifiers has it (SqueezeNet, MobileNet, EfficientNet, ShuffleNet, ResNet).
 * Where the convolution's product runs along the channels, the lowering sums its rows and
 * never writes the convolution's result; elsewhere it splits the group again before the mean.
 * Average pools with windows, and depth-first tiles over longer chains, are not grouped yet.
 *
 * <p>Rule "normalization": an instance normalization as imported (an nn.layer_norm over the
 * axes after the channels, then its per-channel scale and bias as an nn.batch_norm) takes the
 * batch norm and the activations after it, which the lowering applies to each normalized row
 * before it stores it.
 *
 * <p>A group is placed where its last op was: every value it reads is defined before that
 * point (a residual may be computed after the product), and every user of its result comes
 * after it. Chains only need use lists.
 */
@PassInfo(name = "nn-fuse", summary = "Group a product or a batch norm, the element-wise ops after it and a max pool or global mean after a convolution into nn.fused kernels")
public final class NnFusePass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<Operation> roots = new ArrayList<>();
    root.walk(o -> {
      if ((o instanceof ConvOp || o instanceof GemmOp || o instanceof MatMulOp || o instanceof BatchNormOp || o instanceof LayerNormOp)
          && !(o.parentOp() instanceof FusedOp)) {
        roots.add(o);
      }
    });
    int fused = 0;
    Builder b = new Builder(state.context());
    for (Operation product : roots) {
      // (A batch norm may have gone into the group of the normalization before it.)
      if (product.parentOp() instanceof FusedOp) continue;
      List<Operation> group = product instanceof LayerNormOp norm ? normalization(norm) : chain(product);
      if (product instanceof ConvOp) {
        Operation pool = poolAfter(group.getLast().result(0), product);
        if (pool == null) pool = meanAfter(group.getLast().result(0), product);
        if (pool != null) group.add(pool);
      }
      if (group.size() < 2) continue;
      fuse(group, b);
      fused++;
    }
    state.statistic("num-fused", "nn.fused groups formed").add(fused);
    return true;
  }

  /** The product (or batch norm) and the epilogue ops after it. */
  private static List<Operation> chain(Operation product) {
    boolean matrixProduct = product instanceof MatMulOp || product instanceof GemmOp;
    List<Operation> group = new ArrayList<>(List.of(product));
    Value v = product.result(0);
    while (true) {
      List<Operation> gate = sigmoidGate(v);
      if (gate != null && gate.getFirst().parentOp() == product.parentOp()) {
        group.addAll(gate);
        v = gate.getLast().result(0);
        continue;
      }
      if (!v.hasOneUse()) break;
      Operation user = v.users().getFirst();
      if (user.parentOp() != product.parentOp() || !(isEpilogue(user, v) || matrixProduct && isRowOrScalar(user, v))) break;
      group.add(user);
      v = user.result(0);
    }
    return group;
  }

  /**
   * An instance normalization as imported (an nn.layer_norm over the axes after the channels,
   * whose mean and deviation outputs are unused, then the per-channel scale and bias as an
   * nn.batch_norm, its only user) and the activations after it (rule "normalization"); else the
   * layer norm alone. The lowering normalizes each row and applies the rest to it before the
   * store, where op by op the batch norm and its activation were a second pass over the result.
   */
  private static List<Operation> normalization(LayerNormOp norm) {
    Value v = norm.result(0);
    boolean statsUnused = norm.results().stream().skip(1).allMatch(r -> r.hasNoUses());
    if (!statsUnused || norm.axis() != 2 || !v.hasOneUse() || !(v.users().getFirst() instanceof BatchNormOp bn) || bn.operand(0) != v
        || bn.parentOp() != norm.parentOp() || !bn.result(0).type().equals(v.type())) {
      return new ArrayList<>(List.of(norm));
    }
    List<Operation> group = new ArrayList<>(List.of(norm));
    for (Operation op : chain(bn)) {
      // Activations only: an op with an operand from outside (a residual) ends the group.
      if (op != bn && op.operands().stream().anyMatch(o -> !group.contains(o.definingOp()))) break;
      group.add(op);
    }
    return group;
  }

  /**
   * The 2-D max pool that is the only user of {@code v} (the last value of a convolution's
   * chain), in the product's block, or null.
   */
  private static MaxPoolOp poolAfter(Value v, Operation product) {
    if (!v.hasOneUse() || !(v.users().getFirst() instanceof MaxPoolOp pool) || pool.parentOp() != product.parentOp()) return null;
    return v.type() instanceof ShapedType s && s.rank() == 4 && pool.kernelShape().length == 2 ? pool : null;
  }

  /**
   * The mean over the two spatial axes of 4-D {@code v} (the last value of a convolution's
   * chain: a global average pool, as ONNX's GlobalAveragePool imports) that is its only user,
   * in the product's block, or null.
   */
  private static ReduceMeanOp meanAfter(Value v, Operation product) {
    if (!v.hasOneUse() || !(v.users().getFirst() instanceof ReduceMeanOp mean) || mean.parentOp() != product.parentOp()) return null;
    return mean.overPlanes() ? mean : null;
  }

  /**
   * The SiLU (swish) of {@code v}, {@code v * sigmoid(v)}, as its two ops when they are {@code v}'s
   * only users and the sigmoid's only user is the product: [sigmoid, mul], else null.
   */
  static List<Operation> sigmoidGate(Value v) {
    List<Operation> users = v.users();
    if (users.size() != 2) return null;
    SigmoidOp sigmoid = users.get(0) instanceof SigmoidOp s ? s : users.get(1) instanceof SigmoidOp s ? s : null;
    if (sigmoid == null || !sigmoid.result(0).hasOneUse()) return null;
    Operation mul = sigmoid.result(0).users().getFirst();
    if (!(mul instanceof MulOp) || !users.contains(mul) || mul == sigmoid || !mul.result(0).type().equals(v.type())) return null;
    return List.of(sigmoid, mul);
  }

  static boolean isEpilogue(Operation op, Value input) {
    return switch (op) {
      case ReluOp r -> true;
      case LeakyReluOp r -> true;
      case ClipOp c -> true;
      case HardSigmoidOp h -> true;
      case HardSwishOp h -> true;
      case SigmoidOp s -> true;
      case TanhOp t -> true;
      case GeluOp g -> true;
      case AddOp a -> a.operand(0).type().equals(a.operand(1).type()) && a.operand(0) != a.operand(1)
          && a.result(0).type().equals(input.type());
      default -> false;
    };
  }

  /**
   * Whether {@code op} adds to or multiplies {@code input} by a row along its last axis (a bias:
   * shape [n], or [1, ..., 1, n]) or by a single value (a scale), with a result of
   * {@code input}'s type: a matrix product's kernel reads the row at each vector's columns.
   */
  static boolean isRowOrScalar(Operation op, Value input) {
    if (!(op instanceof AddOp || op instanceof MulOp) || op.operand(0) == op.operand(1) || !op.result(0).type().equals(input.type())) return false;
    Value other = op.operand(0) == input ? op.operand(1) : op.operand(0);
    if (!(input.type() instanceof ShapedType in) || !(other.type() instanceof ShapedType o) || !o.element().equals(in.element())) return false;
    long[] is = in.shape();
    long[] os = o.shape();
    if (is.length == 0 || os.length > is.length) return false;
    for (long d : is) if (d < 0) return false;
    for (int d = 0; d < os.length - 1; d++) if (os[d] != 1) return false;
    long last = os.length == 0 ? 1 : os[os.length - 1];
    return last == 1 || last == is[is.length - 1];
  }

  /** Moves {@code group} into a new nn.fused at the place of its last op. */
  private static void fuse(List<Operation> group, Builder b) {
    Operation last = group.getLast();
    Map<Value, Integer> inputs = new LinkedHashMap<>();
    for (Operation op : group) {
      for (Value v : op.operands()) {
        if (!group.contains(v.definingOp())) inputs.putIfAbsent(v, inputs.size());
      }
    }
    List<Value> outside = new ArrayList<>(inputs.keySet());
    Value result = last.result(0);
    // The group's location names all its members (fused location), as SOL's kernels are named.
    List<Location> locations = group.stream().map(Operation::location).toList();
    FusedOp fused = FusedOp.create(b.before(last), new FusedLoc(locations, null), outside, List.of(result.type()));
    result.replaceAllUsesWith(fused.result(0));
    Block body = fused.body();
    for (Operation op : group) {
      op.parentBlock().remove(op);
      body.append(op);
      for (int i = 0; i < op.numOperands(); i++) {
        Integer arg = inputs.get(op.operand(i));
        if (arg != null) op.setOperand(i, body.argument(arg));
      }
    }
    YieldOp.create(b.atEnd(body), last.location(), List.of(result));
  }
}
