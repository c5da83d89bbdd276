package dev.sol.codegen.llvm;

import dev.sol.dialect.func.FuncOp;
import dev.sol.ir.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of {@code count} LLVM modules that together hold a translated module, so that LLVM
 * optimizes and compiles them on as many threads (as LLVM's own parallel code generation
 * splits a module). The unit is the kernel ({@link KernelOutliner}): each is defined in one
 * partition, under a name every partition agrees on, and declared where it is called.
 * Partition 0 also holds the functions and the mutable or public globals the module
 * defines; the others keep private copies of the small constants they read and of the
 * functions they need, and drop what they do not use.
 *
 * <p>Kernels go to partitions by size (ops, largest first, each to the least loaded), which
 * keeps the threads' work within a few percent of each other on the benchmark networks.
 */
public final class ModulePartition {
  private final int index;
  private final int count;
  private final Map<Operation, Integer> owners;
  /** The kernels that share code ({@link KernelSharing}) in each function planned; others are found when asked. */
  private final Map<FuncOp, KernelSharing> sharing;

  private ModulePartition(int index, int count, Map<Operation, Integer> owners, Map<FuncOp, KernelSharing> sharing) {
    this.index = index;
    this.count = count;
    this.owners = owners;
    this.sharing = sharing;
  }

  /** The whole module in one LLVM module. */
  public static ModulePartition whole() { return new ModulePartition(0, 1, Map.of(), Map.of()); }

  /** The partitions of a builtin.module: at most {@code count}, fewer when it has fewer kernels. */
  public static List<ModulePartition> plan(Operation irModule, int count) {
    if (count < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + count);
    List<Operation> kernels = new ArrayList<>();
    Map<FuncOp, KernelSharing> sharing = new IdentityHashMap<>();
    long entryOps = 0;
    for (Operation op : irModule.region(0).entryBlock()) {
      if (!(op instanceof FuncOp f) || f.isDeclaration()) continue;
      KernelSharing s = new KernelSharing(f);
      sharing.put(f, s);
      for (Operation top : f.body()) {
        // Only the first of kernels that share code is compiled, so only it weighs.
        if (!KernelOutliner.outlines(top)) entryOps++;
        else if (s.isFirst(top)) kernels.add(top);
      }
    }
    int n = (int) Math.max(1, Math.min(count, kernels.size()));
    if (n == 1) return List.of(new ModulePartition(0, 1, Map.of(), sharing));
    Map<Operation, Long> sizes = new IdentityHashMap<>();
    for (Operation k : kernels) sizes.put(k, size(k));
    List<Operation> bySize = new ArrayList<>(kernels);
    bySize.sort(Comparator.comparingLong(sizes::get).reversed());
    long[] load = new long[n];
    load[0] = entryOps;
    Map<Operation, Integer> owners = new IdentityHashMap<>();
    for (Operation k : bySize) {
      int least = 0;
      for (int p = 1; p < n; p++) if (load[p] < load[least]) least = p;
      owners.put(k, least);
      load[least] += sizes.get(k);
    }
    List<ModulePartition> parts = new ArrayList<>();
    for (int p = 0; p < n; p++) parts.add(new ModulePartition(p, n, owners, sharing));
    return parts;
  }

  /** Which kernels of {@code f} share code ({@link KernelSharing}): planned, or found now for a function the plan did not see. */
  KernelSharing sharing(FuncOp f) {
    KernelSharing s = sharing.get(f);
    return s != null ? s : new KernelSharing(f);
  }

  private static long size(Operation op) {
    long[] n = {0};
    op.walkPreOrder(inner -> n[0]++);
    return n[0];
  }

  /** This partition's number, from 0. */
  public int index() { return index; }

  /** How many partitions hold the module. */
  public int count() { return count; }

  /** True for the partition that holds the module's functions and shared globals. */
  boolean isFirst() { return index == 0; }

  /** True when the module is split: kernels and shared globals are then linked across partitions by name. */
  boolean isSplit() { return count > 1; }

  /** Whether this partition defines {@code kernel} (a top-level op that {@link KernelOutliner} outlines). */
  boolean owns(Operation kernel) {
    if (count == 1) return true;
    Integer owner = owners.get(kernel);
    if (owner == null) throw new CodegenException("kernel at " + kernel.location() + " is in no partition");
    return owner == index;
  }
}
