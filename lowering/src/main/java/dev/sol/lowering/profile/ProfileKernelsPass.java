package dev.sol.lowering.profile;

import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first half of profiling, on the nn dialect: every nn op of the function (but
 * nn.constant, which becomes data) is a kernel. Its name comes from its location, which the
 * ONNX import sets to the node's name ({@code loc("conv1")}); an op that nn passes fused has
 * the names of its parts joined by '+' ({@code conv1+bn1}), an op without a name gets its op
 * and position ({@code relu_3}), and a name taken before gets {@code #2}, {@code #3}, ... The
 * op's location becomes that unique name (wrapping the old location, which stays for
 * diagnostics); every lowering builds its loops with the location of its op, so after lowering
 * the name still marks each kernel's code. The kernels, with their op and FLOP count
 * ({@link KernelFlops}), are recorded in program order as the function's {@code sol.kernels}
 * attribute for {@code insert-profile-counters}.
 *
 * <pre>{@code %1 = "nn.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32> loc("relu1")}</pre>
 * gives {@code sol.kernels = [{flops = 4 : i64, name = "relu1", op = "nn.relu"}]}.
 */
@PassInfo(name = "profile-kernels", summary = "Name every nn op uniquely and record the function's kernels (name, op, FLOPs) for profiling",
    anchor = "func.func")
public final class ProfileKernelsPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation function, NoOptions options, PassState state) {
    if (function.region(0).isEmpty()) return true;
    List<KernelTable.Kernel> kernels = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    int position = 0;
    for (Block block : function.region(0).blocks()) {
      for (Operation op : block) {
        if (!(op instanceof NnOp || op instanceof FusedOp) || op instanceof ConstantOp) continue;
        String base = name(op.location());
        if (base.isEmpty()) base = op.name().substring(op.dialectNamespace().length() + 1) + "_" + position;
        String unique = base;
        for (int k = 2; !taken.add(unique); k++) unique = base + "#" + k;
        if (!(op.location() instanceof NameLoc n && n.name().equals(unique))) op.setLocation(new NameLoc(unique, op.location()));
        kernels.add(new KernelTable.Kernel(unique, op.name(), flops(op)));
        position++;
      }
    }
    if (kernels.isEmpty()) function.removeAttribute(KernelTable.KERNELS);
    else function.setAttribute(KernelTable.KERNELS, KernelTable.attribute(kernels));
    state.statistic("num-kernels", "Kernels named for profiling").add(kernels.size());
    return true;
  }

  /** The FLOPs of an nn op, or of all the ops of an nn.fused group. */
  private static long flops(Operation op) {
    if (op instanceof FusedOp group) return group.members().stream().mapToLong(m -> m instanceof NnOp nn ? KernelFlops.of(nn) : 0).sum();
    return KernelFlops.of((NnOp) op);
  }

  /** The names in a location, joined by '+'; empty when it has none (a file position, unknown). */
  private static String name(Location loc) {
    return switch (loc) {
      case NameLoc n -> n.name();
      case CallSiteLoc c -> name(c.callee());
      case FusedLoc f -> {
        List<String> parts = new ArrayList<>();
        for (Location l : f.locations()) {
          String part = name(l);
          if (!part.isEmpty()) parts.add(part);
        }
        yield String.join("+", parts);
      }
      case FileLineColLoc _, UnknownLoc _ -> "";
    };
  }
}
