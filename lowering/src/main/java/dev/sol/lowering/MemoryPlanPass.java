package dev.sol.lowering;

import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.func.ArenaArgument;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.DeallocOp;
import dev.sol.dialect.memref.ViewOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the temporaries of each public function in one arena, after bufferize: every
 * {@code memref.alloc} of static shape at the top of the body becomes a {@code memref.view}
 * into a new trailing {@code memref<Nxi8>} argument marked {@code {sol.arena}}
 * ({@link ArenaArgument}), at a byte offset fixed at compile time, and the frees of those
 * buffers go. A buffer lives from its alloc to the last op of the body that uses it, directly
 * or through views; {@link ArenaLayout} packs the lifetimes so that buffers alive together
 * never share bytes. The caller passes the arena, so a run allocates nothing and concurrent
 * runs each bring their own. Allocations nested in loops (scratch of one iteration, of a
 * parallel loop's thread) stay as they are.
 */
@PassInfo(name = "memory-plan", summary = "Temporaries as views into one arena argument, at offsets planned from their lifetimes",
    anchor = "builtin.module")
public final class MemoryPlanPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation module, NoOptions options, PassState state) {
    long[] totals = new long[3];
    for (Operation op : new ArrayList<>(module.region(0).entryBlock().operations())) {
      if (!(op instanceof FuncOp f) || f.isDeclaration() || !f.visibility().equals("public") || f.region(0).blocks().size() != 1) continue;
      if (ArenaArgument.index(f) >= 0) continue;
      plan(state.context(), f, totals);
    }
    state.statistic("num-planned", "Allocations placed in an arena").add(totals[0]);
    state.statistic("arena-bytes", "Bytes of the arenas").add(totals[1]);
    state.statistic("peak-live-bytes", "Most bytes of temporaries alive at once, the least an arena can have").add(totals[2]);
    return true;
  }

  private static void plan(IRContext ctx, FuncOp f, long[] totals) {
    Block body = f.body();
    List<Operation> ops = body.operations();
    Map<Operation, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < ops.size(); i++) position.put(ops.get(i), i);
    List<AllocOp> allocs = new ArrayList<>();
    List<ArenaLayout.Lifetime> lifetimes = new ArrayList<>();
    List<Operation> frees = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      if (!(ops.get(i) instanceof AllocOp a) || !a.memrefType().hasStaticShape() || !a.memrefType().hasIdentityLayout()) continue;
      int last = i;
      for (Operation user : BufferizePass.usersThroughViews(a.result())) {
        if (user instanceof DeallocOp) frees.add(user);
        else last = Math.max(last, position.get(body.parent().findAncestorOpInRegion(user)));
      }
      MemRefType t = a.memrefType();
      allocs.add(a);
      lifetimes.add(new ArenaLayout.Lifetime(t.numElements() * DenseElementsAttr.elementBytes(t.element()), i, last));
    }
    if (allocs.isEmpty()) return;
    ArenaLayout layout = ArenaLayout.plan(lifetimes);
    BlockArgument arena = addArena(f, layout.bytes());
    Builder b = new Builder(ctx);
    for (int i = 0; i < allocs.size(); i++) {
      AllocOp a = allocs.get(i);
      b.before(a);
      Value offset = ConstantOp.index(b, a.location(), layout.offsets()[i]).result();
      a.result().replaceAllUsesWith(ViewOp.create(b, a.location(), arena, offset, a.memrefType()).result());
      a.erase();
    }
    for (Operation free : frees) free.erase();
    totals[0] += allocs.size();
    totals[1] += layout.bytes();
    totals[2] += ArenaLayout.peak(lifetimes);
  }

  /** Appends the arena argument of {@code bytes} to {@code f}: block, signature and argument attributes. */
  private static BlockArgument addArena(FuncOp f, long bytes) {
    MemRefType type = new MemRefType(new long[] {bytes}, IntegerType.I8);
    BlockArgument arena = f.body().addArgument(type, f.location());
    FunctionType ft = f.functionType();
    List<Type> inputs = new ArrayList<>(ft.inputs());
    inputs.add(type);
    f.setAttribute("function_type", new TypeAttr(new FunctionType(inputs, ft.results())));
    List<Attribute> attrs = new ArrayList<>();
    for (int i = 0; i < ft.inputs().size(); i++) attrs.add(f.attribute("arg_attrs") instanceof ArrayAttr a ? a.get(i) : DictionaryAttr.EMPTY);
    attrs.add(DictionaryAttr.EMPTY.with(ArenaArgument.ATTRIBUTE, UnitAttr.INSTANCE));
    f.setAttribute("arg_attrs", new ArrayAttr(attrs));
    return arena;
  }
}
