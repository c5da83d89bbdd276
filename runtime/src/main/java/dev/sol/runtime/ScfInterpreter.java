package dev.sol.runtime;

import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.dialect.scf.ReduceOp;
import dev.sol.dialect.scf.WhileOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.Block;
import dev.sol.ir.Operation;
import dev.sol.ir.Region;
import java.util.List;

/** The scf loops and branches in the interpreter: their regions run in the enclosing frame. */
final class ScfInterpreter {
  private ScfInterpreter() {}

  static List<Object> forLoop(Interpreter in, ForOp op, Frame frame) {
    long lb = frame.integer(op.lowerBound());
    long ub = frame.integer(op.upperBound());
    long step = frame.integer(op.step());
    if (step <= 0) throw new Interpreter.InterpreterException("scf.for step must be positive, got " + step);
    List<Object> carried = frame.all(op.initArgs());
    Block body = op.body();
    for (long iv = lb; iv < ub; iv += step) {
      frame.put(op.inductionVar(), Frame.index(iv));
      frame.bind(op.regionIterArgs(), carried);
      carried = in.runBlock(body, frame);
    }
    return carried;
  }

  static List<Object> ifThenElse(Interpreter in, IfOp op, Frame frame) {
    Region r = frame.integer(op.condition()) != 0 ? op.thenRegion() : op.elseRegion();
    return r.isEmpty() ? List.of() : in.runBlock(r.entryBlock(), frame);
  }

  static List<Object> whileLoop(Interpreter in, WhileOp op, Frame frame) {
    List<Object> args = frame.all(op.inits());
    Block before = op.beforeBlock();
    Block after = op.afterBlock();
    while (true) {
      frame.bind(before.arguments(), args);
      List<Object> cond = in.runBlock(before, frame);
      List<Object> forwarded = cond.subList(1, cond.size());
      if (((Tensor) cond.getFirst()).getLong(0) == 0) return forwarded;
      frame.bind(after.arguments(), forwarded);
      args = in.runBlock(after, frame);
    }
  }

  /** Runs the iterations in row-major order; each scf.reduce combines into its accumulator. */
  static List<Object> parallel(Interpreter in, ParallelOp op, Frame frame) {
    long[] lo = frame.integers(op.lowerBounds());
    long[] hi = frame.integers(op.upperBounds());
    long[] st = frame.integers(op.steps());
    List<Object> acc = frame.all(op.initVals());
    int dims = lo.length;
    for (int d = 0; d < dims; d++) if (lo[d] >= hi[d]) return acc;
    Block body = op.body();
    long[] iv = lo.clone();
    while (true) {
      for (int d = 0; d < dims; d++) frame.put(body.argument(d), Frame.index(iv[d]));
      int r = 0;
      for (Operation inner : body) {
        if (inner instanceof ReduceOp reduce) {
          Block rb = reduce.body();
          frame.put(rb.argument(0), acc.get(r));
          frame.put(rb.argument(1), frame.get(reduce.operand()));
          acc.set(r++, in.runBlock(rb, frame).getFirst());
        } else if (inner != body.back()) {
          frame.bind(inner.results(), in.execute(inner, frame));
        }
      }
      int d = dims - 1;
      while (d >= 0) {
        iv[d] += st[d];
        if (iv[d] < hi[d]) break;
        iv[d] = lo[d];
        d--;
      }
      if (d < 0) return acc;
    }
  }
}
