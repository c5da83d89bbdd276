package dev.sol.lowering.profile;

import dev.sol.dialect.arith.AddIOp;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.arith.MulIOp;
import dev.sol.dialect.arith.SubIOp;
import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.AllocaOp;
import dev.sol.dialect.memref.DeallocOp;
import dev.sol.dialect.memref.GetGlobalOp;
import dev.sol.dialect.memref.GlobalOp;
import dev.sol.dialect.memref.LoadOp;
import dev.sol.dialect.memref.StoreOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of profiling, on loop-level code: times each kernel that
 * {@code profile-kernels} named. The top-level ops of each function with {@code sol.kernels}
 * are grouped by the kernel their location names; buffer management does not count, since its
 * locations name whoever made the buffer: an alloc belongs to the kernel after it, frees,
 * constants and ops without a kernel to the kernel before. Each run of ops of one kernel is
 * bracketed by clock reads (one read between two runs) and its time added to the kernel's
 * slot of a public {@code memref<(2 + 2K)xi64>} global, {@code @sol_profile_NAME}, which the
 * function names in {@code sol.profile_counters}; see {@link KernelTable} for the slots.
 *
 * <p>The clock is {@code clock_gettime(CLOCK_MONOTONIC)}, called through the private function
 * {@code @sol_profile_now() -> i64} (nanoseconds) that LLVM inlines: a vDSO call of some 20-50
 * ns on Linux, nanosecond resolution, the same on x86-64 and AArch64, with no calibration
 * (a cycle counter would need one, and AArch64's is not readable from user space). The
 * counters are plain loads and stores: concurrent runs of one model may lose some counts.
 */
@PassInfo(name = "insert-profile-counters", summary = "Time the kernels named by profile-kernels into a counters global",
    anchor = "builtin.module")
public final class InsertProfileCountersPass implements Pass<NoOptions> {
  /** The private function that reads the clock. */
  private static final String NOW = "sol_profile_now";
  private static final String CLOCK = "clock_gettime";
  /** Linux's CLOCK_MONOTONIC. */
  private static final long CLOCK_MONOTONIC = 1;
  private static final Location LOC = new NameLoc("sol.profile", Location.UNKNOWN);
  private static final MemRefType TIMESPEC = new MemRefType(new long[] {2}, IntegerType.I64);

  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation module, NoOptions options, PassState state) {
    if (module.numRegions() == 0 || module.region(0).isEmpty()) return true;
    Block top = module.region(0).entryBlock();
    List<FuncOp> functions = new ArrayList<>();
    for (Operation op : top) {
      if (op instanceof FuncOp f && !f.isDeclaration() && f.attribute(KernelTable.KERNELS) != null && KernelTable.countersOf(f) == null) {
        functions.add(f);
      }
    }
    if (functions.isEmpty()) return true;
    Diagnostics diag = state.context().diagnostics();
    for (FuncOp f : functions) {
      if (f.region(0).blocks().size() != 1 || !(f.body().terminator() instanceof ReturnOp)) {
        return diag.report(f.opError("has control flow between its kernels; only straight-line functions can be profiled"));
      }
      try {
        KernelTable.of(f);
      } catch (IllegalArgumentException e) {
        return diag.report(f.opError(e.getMessage()));
      }
    }
    Builder b = new Builder(state.context());
    FuncOp now = clock(module, top, b, diag);
    if (now == null) return false;
    for (FuncOp f : functions) state.statistic("num-timed-ranges", "Ranges of ops timed").add(instrument(module, f, now, b));
    return true;
  }

  /** The function that reads the clock, and clock_gettime's declaration; null after an error when another symbol has the name. */
  private static FuncOp clock(Operation module, Block top, Builder b, Diagnostics diag) {
    FunctionType clockType = new FunctionType(List.of(IntegerType.I32, TIMESPEC), List.of(IntegerType.I32));
    FunctionType nowType = new FunctionType(List.of(), List.of(IntegerType.I64));
    Operation clock = Symbols.lookupIn(module, CLOCK);
    Operation now = Symbols.lookupIn(module, NOW);
    if (clock != null && !(clock instanceof FuncOp c && c.functionType().equals(clockType))) {
      diag.report(clock.opError("is in the way of profiling, which declares @" + CLOCK + " as " + clockType));
      return null;
    }
    if (now != null) {
      if (now instanceof FuncOp n && n.functionType().equals(nowType)) return n;
      diag.report(now.opError("is in the way of profiling, which defines @" + NOW));
      return null;
    }
    b.before(top.front());
    FuncOp c = clock instanceof FuncOp existing ? existing : FuncOp.declare(b, LOC, CLOCK, clockType);
    FuncOp n = FuncOp.create(b, LOC, NOW, nowType);
    n.setAttribute("sym_visibility", new StringAttr("private"));
    b.atEnd(n.body());
    Value ts = AllocaOp.create(b, LOC, TIMESPEC).result();
    CallOp.create(b, LOC, c, List.of(ConstantOp.integer(b, LOC, CLOCK_MONOTONIC, IntegerType.I32).result(), ts));
    Value seconds = LoadOp.create(b, LOC, ts, ConstantOp.index(b, LOC, 0).result()).result();
    Value nanos = LoadOp.create(b, LOC, ts, ConstantOp.index(b, LOC, 1).result()).result();
    Value giga = ConstantOp.integer(b, LOC, 1_000_000_000L, IntegerType.I64).result();
    ReturnOp.create(b, LOC, AddIOp.create(b, LOC, MulIOp.create(b, LOC, seconds, giga).result(), nanos).result());
    return n;
  }

  /** Adds the counters and clock reads to {@code f}; returns the number of ranges timed. */
  private static int instrument(Operation module, FuncOp f, FuncOp now, Builder b) {
    List<KernelTable.Kernel> kernels = KernelTable.of(f);
    String name = "sol_profile_" + f.symName();
    for (int k = 2; Symbols.lookupIn(module, name) != null; k++) name = "sol_profile_" + f.symName() + "_" + k;
    MemRefType type = new MemRefType(new long[] {KernelTable.slots(kernels.size())}, IntegerType.I64);
    GlobalOp global = GlobalOp.create(b.before(f), LOC, name, null, type,
        DenseElementsAttr.fromRaw(new RankedTensorType(type.shape(), IntegerType.I64), new byte[8]), false, 64);
    f.setAttribute(KernelTable.COUNTERS, new SymbolRefAttr(name));

    Block body = f.body();
    List<Operation> ops = new ArrayList<>(body.operations());
    Operation ret = ops.removeLast();
    int[] owner = owners(ops, kernels);
    b.before(body.front());
    Counters c = new Counters(b, now, GetGlobalOp.create(b, LOC, global).result());
    Value start = c.now();
    Value last = start;
    int current = -1;
    int ranges = 0;
    boolean[] called = new boolean[kernels.size()];
    for (int i = 0; i < ops.size(); i++) {
      if (owner[i] == current) continue;
      b.before(ops.get(i));
      if (current >= 0) last = c.addTimeSince(KernelTable.nanosSlot(current), last);
      current = owner[i];
      if (current >= 0) {
        ranges++;
        if (!called[current]) c.add(KernelTable.callsSlot(current), ConstantOp.integer(b, LOC, 1, IntegerType.I64).result());
        called[current] = true;
      }
    }
    b.before(ret);
    Value end = current >= 0 ? c.addTimeSince(KernelTable.nanosSlot(current), last) : c.now();
    c.add(KernelTable.TOTAL_NANOS, SubIOp.create(b, LOC, end, start).result());
    c.add(KernelTable.RUNS, ConstantOp.integer(b, LOC, 1, IntegerType.I64).result());
    return ranges;
  }

  /**
   * The kernel of each op, -1 for none: the kernel its location names, except for buffer
   * management and constants; allocs then take the kernel after them, the others the kernel
   * before (ops before the first kernel join it).
   */
  private static int[] owners(List<Operation> ops, List<KernelTable.Kernel> kernels) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < kernels.size(); k++) index.put(kernels.get(k).name(), k);
    int n = ops.size();
    int[] owner = new int[n];
    for (int i = 0; i < n; i++) {
      Operation op = ops.get(i);
      boolean bookkeeping = op instanceof AllocOp || op instanceof AllocaOp || op instanceof DeallocOp || op instanceof ConstantOp
          || op instanceof GetGlobalOp;
      owner[i] = !bookkeeping && op.location() instanceof NameLoc l ? index.getOrDefault(l.name(), -1) : -1;
    }
    int next = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (owner[i] >= 0) next = owner[i];
      else if (ops.get(i) instanceof AllocOp || ops.get(i) instanceof AllocaOp) owner[i] = next;
    }
    int previous = -1;
    for (int i = 0; i < n; i++) {
      if (owner[i] >= 0) previous = owner[i];
      else owner[i] = previous;
    }
    int first = -1;
    for (int i = 0; i < n && first < 0; i++) first = owner[i];
    for (int i = 0; i < n && owner[i] < 0; i++) owner[i] = first;
    return owner;
  }

  /** Builds clock reads and counter updates at the builder's insertion point. */
  private static final class Counters {
    private final Builder b;
    private final FuncOp now;
    private final Value counters;

    Counters(Builder b, FuncOp now, Value counters) {
      this.b = b;
      this.now = now;
      this.counters = counters;
    }

    Value now() { return CallOp.create(b, LOC, now, List.of()).result(0); }

    /** Reads the clock, adds the time since {@code since} to {@code slot}, and returns the time read. */
    Value addTimeSince(int slot, Value since) {
      Value t = now();
      add(slot, SubIOp.create(b, LOC, t, since).result());
      return t;
    }

    void add(int slot, Value amount) {
      Value at = ConstantOp.index(b, LOC, slot).result();
      Value old = LoadOp.create(b, LOC, counters, at).result();
      StoreOp.create(b, LOC, AddIOp.create(b, LOC, old, amount).result(), counters, at);
    }
  }
}
