package dev.sol.lowering;

import dev.sol.lowering.profile.InsertProfileCountersPass;
import dev.sol.lowering.profile.ProfileKernelsPass;
import dev.sol.pass.PassProvider;
import dev.sol.pass.PassRegistry;

/** Registers the lowering passes and the {@code sol-cpu} pipeline. */
public final class LoweringPasses implements PassProvider {
  /** From the nn dialect to IR that sol-translate and the JIT accept. */
  public static final String CPU_PIPELINE = "builtin.module(func.func(nn-conv-transpose-phases,nn-fold-batchnorm,nn-fold-constants,nn-conv1d-as-2d,nn-conv3d-as-2d,nn-avg-pool-first,canonicalize,nn-raise-gelu,nn-fuse),"
      + "convert-nn-to-loops,bufferize{free-buffers=false},memory-plan,canonicalize,cse,loop-invariant-code-motion)";

  /** {@link #CPU_PIPELINE} with vector kernels for the matrix products of {@code target}. */
  public static String cpuPipeline(TargetDescription target) {
    return CPU_PIPELINE.replace("convert-nn-to-loops,", "convert-nn-to-loops{" + target.passOptions() + "},");
  }

  /**
   * {@code pipeline} (a CPU pipeline from {@link #cpuPipeline}) with profiling: the nn ops are
   * named as kernels just before {@code convert-nn-to-loops}, and their counters inserted at the end.
   */
  public static String withProfiling(String pipeline) {
    int at = pipeline.indexOf("convert-nn-to-loops");
    if (at < 0 || !pipeline.endsWith(")")) throw new IllegalArgumentException("not a CPU pipeline: " + pipeline);
    return pipeline.substring(0, at) + "func.func(profile-kernels)," + pipeline.substring(at, pipeline.length() - 1)
        + ",insert-profile-counters)";
  }

  /** The VE's cores: the parallel loops of the {@code sol-ve} pipeline are planned for as many threads. */
  public static final int VE_CORES = 8;

  /** Elements of a vector register of NEC's vector engine (of 32- or 64-bit elements). */
  public static final int VE_VECTOR_LENGTH = 256;

  /**
   * nn to scalar loops on buffers for the C emitter of NEC's vector engine: the CPU pipeline
   * without vector kernels (ncc vectorizes plain loops itself) and with loops made long for
   * vectors of {@link #VE_VECTOR_LENGTH} elements, its outer loops planned for {@code threads}
   * (more than one: scf.parallel, OpenMP in the C).
   */
  public static String vePipeline(int threads) {
    String options = "vector-length=" + VE_VECTOR_LENGTH + (threads > 1 ? " threads=" + threads : "");
    return CPU_PIPELINE.replace("convert-nn-to-loops,", "convert-nn-to-loops{" + options + "},");
  }

  /** {@code pipeline} (a {@code builtin.module(...)} pipeline) with {@code memref-check-bounds} run last. */
  public static String withBoundsChecks(String pipeline) {
    return pipeline.substring(0, pipeline.length() - 1) + ",memref-check-bounds)";
  }

  @Override public void registerPasses(PassRegistry registry) {
    registry.register(ConvertNnToLoopsPass::new).register(BufferizePass::new).register(CheckBoundsPass::new);
    registry.register(MemoryPlanPass::new);
    registry.register(ProfileKernelsPass::new).register(InsertProfileCountersPass::new);
    registry.registerPipeline("sol-cpu", "nn to LLVM-ready loops on buffers for CPUs", CPU_PIPELINE);
    registry.registerPipeline("sol-ve", "nn to scalar loops on buffers for the C emitter of NEC's vector engine (8 threads)", vePipeline(VE_CORES));
  }
}
