package dev.sol.tools.deploy;

import static org.bytedeco.llvm.global.LLVM.LLVMDisposeTargetMachine;

import dev.sol.codegen.llvm.CodegenException;
import dev.sol.codegen.llvm.Targets;
import dev.sol.lowering.TargetDescription;
import dev.sol.runtime.LoweredModel;
import dev.sol.runtime.SolException;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/**
 * The machine a library is built for. Without a CPU and features it is this machine, exactly
 * as the JIT compiles (the host's CPU, features and cache sizes); otherwise the named CPU
 * (generic when none is named) with only the features given, so that a library built for
 * {@code --cpu=x86-64-v3} runs on every such machine, whatever built it.
 *
 * @param thisMachine true when the code is for the host's CPU with all its features
 */
record DeployTarget(String triple, String cpu, String features, boolean thisMachine) {

  /** Checks the triple (Linux on x86-64 or AArch64), CPU and features; nulls take the defaults above. */
  static DeployTarget resolve(String triple, String cpu, String features) throws SolException {
    String host = Targets.hostTriple();
    String t = triple == null ? host : triple;
    DeployTarget target = t.equals(host) && cpu == null && features == null ? new DeployTarget(t, null, null, true)
        : new DeployTarget(t, cpu == null ? "generic" : cpu, features == null ? "" : features, false);
    LLVMDisposeTargetMachine(target.machine());
    if (!t.contains("-linux")) {
      throw new SolException("target triple '" + t + "' is not a Linux one: sol-deploy builds ELF libraries for Linux "
          + "(e.g. x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu)");
    }
    return target;
  }

  /** A new LLVM target machine (the caller disposes of it). */
  LLVMTargetMachineRef machine() throws SolException {
    try {
      return Targets.machine(triple, cpu, features);
    } catch (CodegenException e) {
      throw new SolException(e.getMessage());
    }
  }

  /** What the lowering's vector kernels are sized for. */
  TargetDescription description() {
    if (thisMachine) return LoweredModel.hostTarget();
    Targets.VectorUnit unit = Targets.vectorUnit(triple, cpu, features);
    return new TargetDescription(unit.lanes(32), unit.registers(), 0, 0);
  }

  /** For the header: the triple, CPU and features. */
  String describe() {
    if (thisMachine) return triple + ", the CPU and features of the machine that built it";
    return triple + ", CPU " + cpu + (features.isEmpty() ? "" : ", features " + features);
  }
}
