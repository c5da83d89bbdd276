package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.DivOp;
import dev.sol.dialect.nn.ErfOp;
import dev.sol.dialect.nn.MulOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises the erf form of GELU that exporters write out op by op (PyTorch before opset 20: BERT,
 * ViT) into one {@code nn.gelu}:
 *
 * <pre>
 *   %d = nn.div(%x, 1.4142135)   (or nn.mul(%x, 0.70710677))
 *   %e = nn.erf(%d)
 *   %a = nn.add(%e, 1.0)
 *   %y = nn.mul(nn.mul(%x, %a), 0.5)   (or nn.mul(nn.mul(%x, 0.5), %a))
 * </pre>
 *
 * with the operands of add and mul in either order, each constant a single value within 1e-6
 * of its own, and every value but x used once. A GELU is one element-wise op, which
 * {@code nn-fuse} puts into the epilogue of the product before it; as five ops it was five
 * passes over memory.
 */
@PassInfo(name = "nn-raise-gelu", summary = "Replace x * 0.5 * (1 + erf(x / sqrt 2)) written op by op with nn.gelu")
public final class NnRaiseGeluPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<ErfOp> erfs = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ErfOp e) erfs.add(e);
    });
    int raised = 0;
    Builder b = new Builder(state.context());
    for (ErfOp erf : erfs) {
      Match m = match(erf);
      if (m == null) continue;
      b.before(m.last());
      Operation gelu = b.create(new OperationState("nn.gelu", new FusedLoc(m.ops().stream().map(Operation::location).toList(), null))
          .operands(m.x()).results(m.last().result(0).type()).attribute("approximate", new StringAttr("none")));
      m.last().result(0).replaceAllUsesWith(gelu.result(0));
      for (Operation op : m.ops().reversed()) op.erase();
      raised++;
    }
    state.statistic("num-raised", "GELUs raised from erf, add and mul ops").add(raised);
    return true;
  }

  /** The GELU around {@code erf}: its input x, its ops from the first to the last (whose result it replaces). */
  private record Match(Value x, List<Operation> ops) {
    Operation last() { return ops.getLast(); }
  }

  private static Match match(ErfOp erf) {
    Operation scaled = erf.operand(0).definingOp();
    Value x = scaledInput(scaled);
    if (x == null || !scaled.result(0).hasOneUse() || !erf.result(0).hasOneUse()) return null;
    Type type = x.type();
    Operation plusOne = erf.result(0).users().getFirst();
    if (!(plusOne instanceof AddOp) || !byConstant(plusOne, erf.result(0), 1.0) || !plusOne.result(0).hasOneUse()) return null;
    Operation outer = plusOne.result(0).users().getFirst();
    if (!(outer instanceof MulOp) || !sameTypes(type, scaled, erf, plusOne, outer)) return null;
    Value other = other(outer, plusOne.result(0));
    // mul(mul(x, 0.5), 1 + erf)
    if (other.definingOp() instanceof MulOp inner && other.hasOneUse() && byConstant(inner, x, 0.5) && sameTypes(type, inner)) {
      return new Match(x, List.of(scaled, erf, plusOne, inner, outer));
    }
    // mul(mul(x, 1 + erf), 0.5)
    if (other != x || !outer.result(0).hasOneUse()) return null;
    Operation half = outer.result(0).users().getFirst();
    if (!(half instanceof MulOp) || !byConstant(half, outer.result(0), 0.5) || !sameTypes(type, half)) return null;
    return new Match(x, List.of(scaled, erf, plusOne, outer, half));
  }

  /** Whether every op's result has type {@code type} (no op broadcasts x to another shape). */
  private static boolean sameTypes(Type type, Operation... ops) {
    for (Operation op : ops) if (!op.result(0).type().equals(type)) return false;
    return true;
  }

  /** x where {@code op} is x / sqrt(2) or x * (1 / sqrt(2)), else null. */
  private static Value scaledInput(Operation op) {
    if (op instanceof DivOp && isConstant(op.operand(1), Math.sqrt(2))) return op.operand(0);
    if (op instanceof MulOp) {
      if (isConstant(op.operand(1), Math.sqrt(0.5))) return op.operand(0);
      if (isConstant(op.operand(0), Math.sqrt(0.5))) return op.operand(1);
    }
    return null;
  }

  /** The operand of binary {@code op} that is not {@code v}. */
  private static Value other(Operation op, Value v) { return op.operand(0) == v ? op.operand(1) : op.operand(0); }

  /** Whether binary {@code op} takes {@code v} and, as its other operand, the single constant {@code value}. */
  private static boolean byConstant(Operation op, Value v, double value) {
    return (op.operand(0) == v || op.operand(1) == v) && op.operand(0) != op.operand(1) && isConstant(other(op, v), value);
  }

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
