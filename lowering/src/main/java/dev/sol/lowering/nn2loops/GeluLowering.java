package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.GeluOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.gelu: x/2 * (1 + erf(x / sqrt 2)), or ONNX's tanh approximation of it. */
public final class GeluLowering extends UnaryElementwiseLowering<GeluOp> {
  public GeluLowering(Buffers buffers) {
    super(GeluOp.class, GeluOp.SPEC, buffers);
  }

  @Override protected Value scalar(GeluOp op, Loops l, Value x) {
    Type t = x.type();
    Value half = l.mul(x, l.constant(0.5, t));
    if (op.approximate() == GeluOp.Approximation.TANH) {
      Value cube = l.mul(l.mul(x, x), x);
      Value inner = l.mul(l.constant(Math.sqrt(2 / Math.PI), t), l.add(x, l.mul(cube, l.constant(0.044715, t))));
      return l.mul(half, l.add(l.constant(1, t), l.tanh(inner)));
    }
    return l.mul(half, l.add(l.constant(1, t), l.erf(l.mul(x, l.constant(1 / Math.sqrt(2), t)))));
  }
}
