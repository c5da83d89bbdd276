package dev.sol.lowering;

import dev.sol.pass.PassProvider;
import dev.sol.pass.PassRegistry;

/** Registers the lowering passes and the {@code sol-cpu} pipeline. */
public final class LoweringPasses implements PassProvider {
  /** From the nn dialect to IR that sol-translate and the JIT accept. */
  public static final String CPU_PIPELINE = "builtin.module(func.func(nn-fold-batchnorm,nn-fold-constants,canonicalize),"
      + "convert-nn-to-loops,bufferize{free-buffers=false},memory-plan,canonicalize,cse,loop-invariant-code-motion)";

  /** {@link #CPU_PIPELINE} with vector kernels for the matrix products of {@code target}. */
  public static String cpuPipeline(TargetDescription target) {
    return CPU_PIPELINE.replace("convert-nn-to-loops,", "convert-nn-to-loops{" + target.passOptions() + "},");
  }

  @Override public void registerPasses(PassRegistry registry) {
    registry.register(ConvertNnToLoopsPass::new).register(BufferizePass::new).register(MemoryPlanPass::new);
    registry.registerPipeline("sol-cpu", "nn to LLVM-ready loops on buffers for CPUs", CPU_PIPELINE);
  }
}
