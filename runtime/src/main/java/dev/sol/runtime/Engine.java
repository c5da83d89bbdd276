package dev.sol.runtime;

import java.util.List;

/** What runs a compiled model: machine code or the interpreter. Both may be called from several threads at once. */
sealed interface Engine extends AutoCloseable permits JitEngine, CEngine, InterpreterEngine {
  /** The outputs of one run, and how to give their memory back once they are no longer used. */
  record Run(List<SolTensor> outputs, Runnable release) {}

  /** Bytes of the arena that holds the temporaries of one run (0 when there is none). */
  default long arenaBytes() { return 0; }

  /** Calls of the compiled code per run: the batch when it was compiled for one image ({@link ImageSlices}), else 1. */
  default long imageSlices() { return 1; }

  /** Runs on inputs in argument order, already checked against the signature. */
  Run run(List<SolTensor> inputs);

  /** The kernels' times so far, or null when the engine does not profile. */
  default Profile profile() { return null; }

  /** Milliseconds of each phase of compiling after the import, in order (empty for the interpreter). */
  default java.util.Map<String, Double> compilePhases() { return java.util.Map.of(); }

  /** Milliseconds of each pass of the lowering, in order (empty when nothing was lowered). */
  default java.util.Map<String, Double> lowerPasses() { return java.util.Map.of(); }

  @Override void close();
}
