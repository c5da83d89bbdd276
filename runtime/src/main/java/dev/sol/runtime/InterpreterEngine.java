package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.Operation;
import java.util.ArrayList;
import java.util.List;

/** Runs the entry function with the reference interpreter; runs take turns, as the interpreter makes no promise about threads. */
final class InterpreterEngine implements Engine {
  private final Operation function;

  InterpreterEngine(LoadedModel model) { function = model.function; }

  @Override public synchronized Run run(List<SolTensor> inputs) {
    List<Tensor> args = new ArrayList<>();
    for (SolTensor t : inputs) args.add(IrTensors.toIr(t));
    List<SolTensor> outputs = new ArrayList<>();
    for (Tensor t : Interpreter.run(function, args)) outputs.add(IrTensors.fromIr(t));
    return new Run(outputs, () -> {});
  }

  @Override public void close() {}
}
