package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.DivOp;
import dev.sol.dialect.nn.ErfOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.PowOp;
import dev.sol.dialect.nn.TanhOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises the GELUs that exporters write out op by op (PyTorch before opset 20: BERT and ViT
 * with erf, GPT-2 with tanh) into one {@code nn.gelu}:
 *
 * <pre>
 *   erf:   %g = nn.erf(nn.div(%x, 1.4142135))          (or nn.mul(%x, 0.70710677))
 *   tanh:  %g = nn.tanh(nn.mul(0.7978846, nn.add(%x, nn.mul(0.044715, %cube))))
 *          where %cube = nn.pow(%x, 3.0) or nn.mul(nn.mul(%x, %x), %x)
 *   then   %a = nn.add(%g, 1.0)
 *          %y = nn.mul(nn.mul(%x, %a), 0.5)   (or nn.mul(nn.mul(%x, 0.5), %a))
 * </pre>
 *
 * with the operands of add and mul in either order, each constant a single value that is the
 * formula's rounded to its element type, and every value but x used once: approximate "none"
 * for erf, "tanh" for tanh (ONNX's Gelu). A GELU is one element-wise op, which
 * {@code nn-fuse} puts into the epilogue of the product before it; as five to nine ops it was as
 * many passes over memory.
 */
@PassInfo(name = "nn-raise-gelu", summary = "Replace GELU written op by op (with erf or tanh) with nn.gelu")
public final class NnRaiseGeluPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<Operation> curves = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ErfOp || o instanceof TanhOp) curves.add(o);
    });
    int raised = 0;
    Builder b = new Builder(state.context());
    for (Operation curve : curves) {
      Match m = match(curve);
      if (m == null) continue;
      b.before(m.last());
      Operation gelu = b.create(new OperationState("nn.gelu", new FusedLoc(m.ops().stream().map(Operation::location).toList(), null))
          .operands(m.x()).results(m.last().result(0).type()).attribute("approximate", new StringAttr(curve instanceof TanhOp ? "tanh" : "none")));
      m.last().result(0).replaceAllUsesWith(gelu.result(0));
      for (Operation op : m.ops().reversed()) op.erase();
      raised++;
    }
    state.statistic("num-raised", "GELUs raised from erf or tanh, add and mul ops").add(raised);
    return true;
  }

  /** A GELU: its input x, its ops from the first to the last (whose result it replaces). */
  private record Match(Value x, List<Operation> ops) {
    Operation last() { return ops.getLast(); }
  }

  /** The GELU around {@code curve} (an nn.erf or nn.tanh), or null. */
  private static Match match(Operation curve) {
    List<Operation> ops = new ArrayList<>();
    Value x = curve instanceof ErfOp ? erfInput(curve.operand(0), ops) : tanhInput(curve.operand(0), ops);
    if (x == null || !curve.result(0).hasOneUse()) return null;
    ops.add(curve);
    Type type = x.type();
    Operation plusOne = curve.result(0).users().getFirst();
    if (!(plusOne instanceof AddOp) || byConstantOperand(plusOne, 1.0) != curve.result(0) || !plusOne.result(0).hasOneUse()) return null;
    Operation outer = plusOne.result(0).users().getFirst();
    if (!(outer instanceof MulOp) || !sameTypes(type, ops) || !sameTypes(type, List.of(plusOne, outer))) return null;
    ops.add(plusOne);
    Value other = other(outer, plusOne.result(0));
    // mul(mul(x, 0.5), 1 + curve)
    if (other.definingOp() instanceof MulOp inner && other.hasOneUse() && byConstantOperand(inner, 0.5) == x && sameTypes(type, List.of(inner))) {
      ops.addAll(List.of(inner, outer));
      return new Match(x, ops);
    }
    // mul(mul(x, 1 + curve), 0.5)
    if (other != x || !outer.result(0).hasOneUse()) return null;
    Operation half = outer.result(0).users().getFirst();
    if (!(half instanceof MulOp) || byConstantOperand(half, 0.5) != outer.result(0) || !sameTypes(type, List.of(half))) return null;
    ops.addAll(List.of(outer, half));
    return new Match(x, ops);
  }

  /** x where {@code v} is x / sqrt(2) or x * (1 / sqrt(2)) (its op added to {@code ops}), else null. */
  private static Value erfInput(Value v, List<Operation> ops) {
    Operation op = v.definingOp();
    if (op == null || !v.hasOneUse()) return null;
    Value x = null;
    if (op instanceof DivOp && isConstant(op.operand(1), Math.sqrt(2))) x = op.operand(0);
    else if (op instanceof MulOp) x = byConstantOperand(op, Math.sqrt(0.5));
    if (x != null) ops.add(op);
    return x;
  }

  /**
   * x where {@code v} is sqrt(2 / pi) (x + 0.044715 x^3), with x^3 as nn.pow(x, 3) or
   * (x * x) * x in either order (its ops added to {@code ops} in order), else null.
   */
  private static Value tanhInput(Value v, List<Operation> ops) {
    Operation scaled = v.definingOp();
    if (!(scaled instanceof MulOp) || !v.hasOneUse()) return null;
    Value sum = byConstantOperand(scaled, Math.sqrt(2 / Math.PI));
    if (sum == null || !(sum.definingOp() instanceof AddOp add) || !sum.hasOneUse()) return null;
    for (int i = 0; i < 2; i++) {
      Value x = add.operand(i);
      Value term = add.operand(1 - i);
      if (!(term.definingOp() instanceof MulOp cubeScaled) || !term.hasOneUse()) continue;
      Value cube = byConstantOperand(cubeScaled, 0.044715);
      List<Operation> cubeOps = cube == null ? null : cubeOps(cube, x);
      if (cubeOps == null) continue;
      ops.addAll(cubeOps);
      ops.addAll(List.of(cubeScaled, add, scaled));
      return x;
    }
    return null;
  }

  /** The ops of {@code cube} = x^3 (nn.pow(x, 3), or nn.mul(nn.mul(x, x), x) in either order), in order, else null. */
  private static List<Operation> cubeOps(Value cube, Value x) {
    Operation op = cube.definingOp();
    if (!cube.hasOneUse()) return null;
    if (op instanceof PowOp && op.operand(0) == x && isConstant(op.operand(1), 3)) return List.of(op);
    if (!(op instanceof MulOp) || op.operand(0) != x && op.operand(1) != x) return null;
    Value square = other(op, x);
    Operation sq = square.definingOp();
    if (!(sq instanceof MulOp) || !square.hasOneUse() || sq.operand(0) != x || sq.operand(1) != x) return null;
    return List.of(sq, op);
  }

  /** The other operand of binary {@code op} when one of its operands is the single constant {@code value}, else null. */
  private static Value byConstantOperand(Operation op, double value) {
    if (isConstant(op.operand(1), value)) return op.operand(0);
    if (isConstant(op.operand(0), value)) return op.operand(1);
    return null;
  }

  /** Whether every op's result has type {@code type} (no op broadcasts x to another shape). */
  private static boolean sameTypes(Type type, List<Operation> ops) {
    for (Operation op : ops) if (!op.result(0).type().equals(type)) return false;
    return true;
  }

  /** The operand of binary {@code op} that is not {@code v}. */
  private static Value other(Operation op, Value v) { return op.operand(0) == v ? op.operand(1) : op.operand(0); }

  /**
   * Whether {@code v} is an nn.constant holding one value that is {@code value} rounded to its
   * element type: within 1e-6 (relative) for f32 and f64, 1e-3 for f16 and 8e-3 for bf16 (half
   * a unit in the last place is 4.9e-4 and 3.9e-3).
   */
  private static boolean isConstant(Value v, double value) {
    if (!(v.definingOp() instanceof ConstantOp c) || c.value().numElements() != 1) return false;
    double got = Tensor.fromAttribute(c.value()).get(0);
    double tolerance = c.value().elementType() instanceof FloatType f && f.width() == 16 ? (f.equals(FloatType.BF16) ? 8e-3 : 1e-3) : 1e-6;
    return Math.abs(got - value) <= tolerance * Math.abs(value);
  }
}
