package dev.sol.lowering.profile;

import dev.sol.ir.ArrayAttr;
import dev.sol.ir.Attribute;
import dev.sol.ir.DictionaryAttr;
import dev.sol.ir.IntegerAttr;
import dev.sol.ir.NamedAttribute;
import dev.sol.ir.Operation;
import dev.sol.ir.StringAttr;
import dev.sol.ir.SymbolRefAttr;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernels of a profiled function and where their counters live, as attributes of the
 * func.func so that every step can be printed and read back:
 * {@code sol.kernels = [{flops = 3538944 : i64, name = "conv1", op = "nn.conv"}, ...]} (written by
 * {@code profile-kernels}, in program order) and {@code sol.profile_counters = @sol_profile_main}
 * (written by {@code insert-profile-counters}), a public {@code memref<(2 + 2K)xi64>} global:
 * slot 0 sums the function's time in nanoseconds, slot 1 counts its runs, and kernel k has its
 * nanoseconds in slot 2 + 2k and its calls in slot 3 + 2k.
 */
public final class KernelTable {
  private KernelTable() {}

  /** The function attribute holding the kernels. */
  public static final String KERNELS = "sol.kernels";
  /** The function attribute naming the counters' global. */
  public static final String COUNTERS = "sol.profile_counters";
  /** The slot of the function's total nanoseconds. */
  public static final int TOTAL_NANOS = 0;
  /** The slot of the function's run count. */
  public static final int RUNS = 1;

  /** One kernel: the name of its nn op (the op's location), the op, and the floating-point operations of one call. */
  public record Kernel(String name, String op, long flops) {}

  static ArrayAttr attribute(List<Kernel> kernels) {
    List<Attribute> entries = new ArrayList<>();
    for (Kernel k : kernels) {
      entries.add(new DictionaryAttr(List.of(new NamedAttribute("name", new StringAttr(k.name())),
          new NamedAttribute("op", new StringAttr(k.op())), new NamedAttribute("flops", IntegerAttr.i64(k.flops())))));
    }
    return new ArrayAttr(entries);
  }

  /** The kernels recorded on {@code function}, empty when it has none. */
  public static List<Kernel> of(Operation function) {
    if (!(function.attribute(KERNELS) instanceof ArrayAttr a)) return List.of();
    List<Kernel> out = new ArrayList<>();
    for (Attribute e : a.elements()) {
      if (!(e instanceof DictionaryAttr d && d.get("name") instanceof StringAttr name && d.get("op") instanceof StringAttr op
          && d.get("flops") instanceof IntegerAttr flops)) {
        throw new IllegalArgumentException(KERNELS + " entries are {name = \"...\", op = \"...\", flops = N : i64}, got " + e);
      }
      out.add(new Kernel(name.value(), op.value(), flops.value()));
    }
    return out;
  }

  /** The name of the global that holds {@code function}'s counters, or null when it is not profiled. */
  public static String countersOf(Operation function) {
    return function.attribute(COUNTERS) instanceof SymbolRefAttr s ? s.root() : null;
  }

  /** Slots of the counters' global for {@code kernels} kernels. */
  public static int slots(int kernels) { return 2 + 2 * kernels; }

  /** The slot of kernel k's nanoseconds. */
  public static int nanosSlot(int k) { return 2 + 2 * k; }

  /** The slot of kernel k's call count. */
  public static int callsSlot(int k) { return 3 + 2 * k; }
}
