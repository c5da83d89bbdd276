package dev.sol.runtime;

import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter: runs a function operation by operation, on {@link Tensor}
 * values, with the nn dialect's own kernels. Written for obvious correctness, not speed.
 * Work in progress (issue 4): the loop-level dialects are not interpreted yet.
 */
public final class Interpreter {
  private Interpreter() {}

  /** A failure to run, naming the operation. */
  public static final class InterpreterException extends RuntimeException {
    public InterpreterException(String message) { super(message, null, false, false); }
  }

  public static List<Tensor> run(Operation function, List<Tensor> arguments) {
    Block body = function.region(0).entryBlock();
    if (body == null) throw new InterpreterException("function has no body");
    if (arguments.size() != body.numArguments()) {
      throw new InterpreterException("expected " + body.numArguments() + " inputs, got " + arguments.size());
    }
    Map<Value, Tensor> env = new IdentityHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      Tensor t = arguments.get(i);
      Type expected = body.argument(i).type();
      if (!t.type().equals(expected)) {
        throw new InterpreterException("input #" + i + " has type " + t.type() + ", expected " + expected);
      }
      env.put(body.argument(i), t);
    }
    for (Operation op : body) {
      if (op.name().equals("func.return")) {
        List<Tensor> out = new ArrayList<>();
        for (Value v : op.operands()) out.add(env.get(v));
        return out;
      }
      if (!(op instanceof NnOp nn)) {
        throw new InterpreterException("cannot interpret '" + op.name() + "' at " + op.location() + " yet");
      }
      List<Tensor> in = new ArrayList<>();
      for (Value v : op.operands()) in.add(env.get(v));
      List<Tensor> out = nn.evaluate(in);
      for (int i = 0; i < out.size(); i++) env.put(op.result(i), out.get(i));
    }
    throw new InterpreterException("function body has no func.return");
  }

  /** The {@code func.func} named {@code name} in a module, or null. */
  public static Operation function(Operation module, String name) {
    for (Operation op : module.region(0).entryBlock()) {
      if (op.name().equals("func.func") && name.equals(Symbols.nameOf(op))) return op;
    }
    return null;
  }
}
