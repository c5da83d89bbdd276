package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.Operation;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.OpPassManager;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the entry function with the reference interpreter; runs take turns, as the interpreter makes no promise about threads. */
final class InterpreterEngine implements Engine {
  private final Operation function;

  InterpreterEngine(LoadedModel model) throws SolException {
    function = model.function;
    // Loop-level models get their accesses guarded too; nn ops check their own indices.
    if (model.checkBounds) guard(model);
  }

  private static void guard(LoadedModel model) throws SolException {
    List<String> errors = new ArrayList<>();
    model.context.diagnostics().pushHandler(d -> errors.add(d.location() + ": " + d.message()));
    try {
      OpPassManager pm = PipelineParser.parse(PassRegistry.loadAll(), "builtin.module(memref-check-bounds)");
      PassRunner runner = new PassRunner(model.context, Instrumentation.defaults(), op -> "", new PrintStream(OutputStream.nullOutputStream()));
      if (!runner.run(pm, model.module)) throw new SolException(model.fileName + ": adding bounds checks failed: " + String.join("; ", errors));
    } catch (dev.sol.pass.PipelineException e) {
      throw new IllegalStateException("the memref-check-bounds pipeline does not parse", e);
    }
  }

  @Override public synchronized Run run(List<SolTensor> inputs) {
    List<Tensor> args = new ArrayList<>();
    for (SolTensor t : inputs) args.add(IrTensors.toIr(t));
    List<SolTensor> outputs = new ArrayList<>();
    for (Tensor t : Interpreter.run(function, args)) outputs.add(IrTensors.fromIr(t));
    return new Run(outputs, () -> {});
  }

  @Override public void close() {}
}
