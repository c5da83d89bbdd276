package dev.sol.runtime;

import dev.sol.codegen.llvm.JitModule;
import dev.sol.ir.Operation;
import dev.sol.lowering.profile.KernelTable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The time counters that {@code insert-profile-counters} compiled into the entry function (a
 * public global of the JIT, laid out as {@link KernelTable} says), read into {@link Profile}s.
 */
final class KernelCounters {
  private final List<KernelTable.Kernel> kernels;
  private final MemorySegment slots;

  private KernelCounters(List<KernelTable.Kernel> kernels, MemorySegment slots) {
    this.kernels = kernels;
    this.slots = slots;
  }

  /** The counters of {@code function}, lowered with profiling and compiled into {@code jit}. */
  static KernelCounters of(JitModule jit, Operation function) {
    String global = KernelTable.countersOf(function);
    if (global == null) throw new IllegalStateException("the profiled function has no counters: the profiling passes did not run");
    List<KernelTable.Kernel> kernels = KernelTable.of(function);
    long bytes = 8L * KernelTable.slots(kernels.size());
    return new KernelCounters(kernels, jit.address(global).reinterpret(bytes));
  }

  /** The counts so far; a run in flight may be partly in them. */
  Profile read() {
    List<Profile.Kernel> out = new ArrayList<>(kernels.size());
    for (int k = 0; k < kernels.size(); k++) {
      KernelTable.Kernel kernel = kernels.get(k);
      out.add(new Profile.Kernel(kernel.name(), kernel.op(), slot(KernelTable.callsSlot(k)), slot(KernelTable.nanosSlot(k)), kernel.flops()));
    }
    return new Profile(slot(KernelTable.RUNS), slot(KernelTable.TOTAL_NANOS), out);
  }

  private long slot(int i) { return slots.getAtIndex(ValueLayout.JAVA_LONG, i); }
}
