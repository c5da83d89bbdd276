package dev.sol.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the runs of a profiled model ({@link SolOptions#profile}) spent their time, summed over
 * the runs so far: the compiled function's own time and, in program order, each kernel's (one
 * per nn op after the nn passes, e.g. a convolution with the batch norm folded into it). The
 * kernels' times add up to the function's, up to the few nanoseconds of each clock read.
 *
 * @param runs the compiled function's calls
 * @param nanos the time inside the compiled function, from its first op to its return
 * @param kernels every kernel, in program order
 */
public record Profile(long runs, long nanos, List<Kernel> kernels) {
  public Profile {
    kernels = List.copyOf(kernels);
  }

  /**
   * One kernel.
   *
   * @param name the nn op's name: its ONNX node's (joined by '+' where nn passes fused nodes), or
   *     op and position when the node has none; unique within the model
   * @param op the nn op, e.g. {@code nn.conv}
   * @param calls how often it ran
   * @param nanos its time over all calls
   * @param flops floating-point operations of one call (a multiply-add counts two; 0 for ops that only move data)
   */
  public record Kernel(String name, String op, long calls, long nanos, long flops) {}

  /** What happened after {@code earlier}, a profile of the same model taken before: e.g. all runs but a warm-up run. */
  public Profile since(Profile earlier) {
    if (earlier.kernels.size() != kernels.size()) throw new IllegalArgumentException("profiles of different models");
    List<Kernel> diff = new ArrayList<>();
    for (int k = 0; k < kernels.size(); k++) {
      Kernel now = kernels.get(k);
      Kernel then = earlier.kernels.get(k);
      if (!now.name.equals(then.name)) throw new IllegalArgumentException("profiles of different models");
      diff.add(new Kernel(now.name, now.op, now.calls - then.calls, now.nanos - then.nanos, now.flops));
    }
    return new Profile(runs - earlier.runs, nanos - earlier.nanos, diff);
  }
}
