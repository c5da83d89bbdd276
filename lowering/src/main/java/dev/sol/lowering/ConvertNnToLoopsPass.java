package dev.sol.lowering;

import dev.sol.dialect.nn.NnOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers every function on tensors whose body is nn ops into loops on buffers, bufferizing
 * as it goes: tensor arguments become memref arguments, each result becomes one more memref
 * argument that the caller provides (so the function returns nothing), constants become
 * {@code memref.global}s, and intermediates are {@code memref.alloc}s, reused by later
 * intermediates of the same type once their last use has passed, and freed as soon as no
 * later intermediate can take them. Ops whose result is returned write straight into the
 * caller's buffer.
 */
@PassInfo(name = "convert-nn-to-loops", summary = "Lower nn ops on tensors to scf loops on memrefs (with bufferization)",
    anchor = "builtin.module")
public final class ConvertNnToLoopsPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation module, NoOptions options, PassState state) {
    Block body = module.region(0).entryBlock();
    int[] globals = {0};
    for (Operation f : new ArrayList<>(body.operations())) {
      if (!f.name().equals("func.func") || f.region(0).isEmpty() || !usesTensors(f)) continue;
      try {
        lowerFunction(state, f, globals);
      } catch (NnOpLowering.Unsupported e) {
        return failure(state, f, e.getMessage());
      } catch (Failure e) {
        return state.context().diagnostics().report(Diagnostic.error(e.at.location(), e.getMessage()));
      }
    }
    state.statistic("num-globals", "Constants turned into memref.global").add(globals[0]);
    return true;
  }

  private static boolean failure(PassState state, Operation f, String message) {
    return state.context().diagnostics().report(Diagnostic.error(f.location(), message));
  }

  private static final class Failure extends RuntimeException {
    final Operation at;

    Failure(Operation at, String message) {
      super(message);
      this.at = at;
    }
  }

  private static boolean usesTensors(Operation f) {
    FunctionType ft = (FunctionType) ((TypeAttr) f.attribute("function_type")).type();
    for (Type t : ft.inputs()) if (t instanceof RankedTensorType) return true;
    for (Type t : ft.results()) if (t instanceof RankedTensorType) return true;
    for (Operation op : f.region(0).entryBlock()) if (op instanceof NnOp) return true;
    return false;
  }

  static MemRefType bufferType(Value v, Operation at) {
    if (!(v.type() instanceof RankedTensorType t)) throw new Failure(at, "expected a ranked tensor, got " + v.type());
    for (long d : t.shape()) {
      if (d == ShapedType.DYNAMIC) throw new Failure(at, "tensor " + t + " has a dynamic dimension; give static shapes (sol-import --shape) before lowering");
    }
    return new MemRefType(t.shape(), t.element());
  }

  private void lowerFunction(PassState state, Operation f, int[] globals) {
    IRContext ctx = state.context();
    Block body = f.region(0).entryBlock();
    if (f.region(0).blocks().size() != 1) throw new Failure(f, "convert-nn-to-loops expects a function with a single block");
    Operation ret = body.terminator();
    Map<Value, Value> buffers = new IdentityHashMap<>();
    Builder b = new Builder(ctx);
    Location loc = f.location();

    // Arguments: tensors become memrefs in place; results become trailing out-arguments.
    List<Type> inputs = new ArrayList<>();
    for (BlockArgument arg : body.arguments()) {
      MemRefType m = bufferType(arg, f);
      inputs.add(m);
    }
    int numInputs = body.numArguments();
    List<BlockArgument> outArgs = new ArrayList<>();
    for (Value r : ret.operands()) {
      MemRefType m = bufferType(r, ret);
      inputs.add(m);
      outArgs.add(body.addArgument(m, loc));
    }
    // Tensor block arguments are replaced by fresh memref arguments at the front.
    List<BlockArgument> oldArgs = new ArrayList<>(body.arguments().subList(0, numInputs));
    for (BlockArgument arg : oldArgs) {
      BlockArgument memArg = body.addArgument(bufferType(arg, f), arg.location());
      buffers.put(arg, memArg);
    }

    // The op results that a return hands back directly (once) write into the out-argument.
    Map<Value, Value> destination = new IdentityHashMap<>();
    for (int i = 0; i < ret.numOperands(); i++) {
      Value r = ret.operand(i);
      if (r instanceof OpResult res && res.owner() instanceof NnOp && !res.owner().name().equals("nn.constant") && !destination.containsKey(r)) {
        destination.put(r, outArgs.get(i));
      }
    }
    // The last op in the block that uses each value: frees go right after it.
    Map<Value, Operation> lastUse = new IdentityHashMap<>();
    for (Operation op : body) for (Value v : op.operands()) lastUse.put(v, op);

    Loops loops = new Loops(b, loc);
    BufferPool pool = new BufferPool();
    for (Operation op : body) {
      if (op instanceof NnOp && !op.name().equals("nn.constant")) {
        for (OpResult r : op.results()) if (!destination.containsKey(r)) pool.expect(bufferType(r, op));
      }
    }
    for (Operation op : new ArrayList<>(body.operations())) {
      if (op == ret) break;
      if (!(op instanceof NnOp nn)) throw new Failure(op, "'" + op.name() + "' cannot be lowered by convert-nn-to-loops (only nn ops are)");
      b.before(op);
      Loops at = new Loops(b, op.location());
      NnOpLowering opLowering = new NnOpLowering(at, value -> global(ctx, b, f, value, op.location(), globals));
      if (op.name().equals("nn.constant")) {
        bufferType(op.result(0), op);
        buffers.put(op.result(0), global(ctx, b, f, (DenseElementsAttr) op.attribute("value"), op.location(), globals));
        continue;
      }
      List<Value> in = new ArrayList<>();
      for (Value v : op.operands()) in.add(buffers.get(v));
      List<Value> out = new ArrayList<>();
      for (OpResult r : op.results()) {
        Value dest = destination.get(r);
        if (dest == null) dest = pool.take(at, bufferType(r, op));
        buffers.put(r, dest);
        out.add(dest);
      }
      try {
        opLowering.lower(nn, in, out);
      } catch (NnOpLowering.Unsupported e) {
        throw new Failure(op, e.getMessage());
      }
      // Free the intermediates whose last use is this op, and results nobody uses.
      b.before(op);
      for (Value v : new java.util.LinkedHashSet<>(op.operands())) if (lastUse.get(v) == op) pool.give(at, buffers.get(v));
      for (OpResult r : op.results()) if (!lastUse.containsKey(r)) pool.give(at, buffers.get(r));
    }
    // The return copies arguments and constants into the out-arguments, then returns nothing.
    b.before(ret);
    for (int i = 0; i < ret.numOperands(); i++) {
      Value r = ret.operand(i);
      if (destination.get(r) == outArgs.get(i)) continue;
      loops.create("memref.copy", List.of(), List.of(buffers.get(r), outArgs.get(i)));
    }
    for (Value r : new java.util.LinkedHashSet<>(ret.operands())) if (lastUse.get(r) == ret) pool.give(loops, buffers.get(r));
    pool.freeAll(loops);
    state.statistic("num-reused-buffers", "Temporaries placed in a buffer freed earlier").add(pool.reused);
    ret.setOperands(List.of());
    for (Operation op : body.operations().reversed()) {
      if (op instanceof NnOp) {
        op.dropAllReferences();
      }
    }
    for (Operation op : body.operations().reversed()) if (op instanceof NnOp) op.erase();
    for (int i = 0; i < oldArgs.size(); i++) body.eraseArgument(0);
    // Argument order: inputs (now at the end of the list after erasing) must precede outputs.
    reorderArguments(body, numInputs, outArgs.size());
    f.setAttribute("function_type", new TypeAttr(new FunctionType(inputs, List.of())));
    // Result attributes (e.g. ONNX output names) move to the out-arguments.
    if (f.attribute("arg_attrs") != null || f.attribute("res_attrs") != null) {
      List<Attribute> attrs = new ArrayList<>();
      for (int i = 0; i < numInputs; i++) attrs.add(f.attribute("arg_attrs") instanceof ArrayAttr a ? a.get(i) : DictionaryAttr.EMPTY);
      for (int i = 0; i < outArgs.size(); i++) attrs.add(f.attribute("res_attrs") instanceof ArrayAttr a ? a.get(i) : DictionaryAttr.EMPTY);
      f.setAttribute("arg_attrs", new ArrayAttr(attrs));
    }
    f.removeAttribute("res_attrs");
  }

  /**
   * Buffer reuse: a temporary whose last use has passed goes back to the pool, and a later
   * temporary of the same type takes it instead of a new allocation, since their lifetimes
   * do not overlap. Everything in the pool is freed before the function returns.
   */
  private static final class BufferPool {
    private final Map<String, java.util.ArrayDeque<Value>> free = new java.util.TreeMap<>();
    private final List<Value> all = new ArrayList<>();
    /** How many temporaries of each type are still to be placed. */
    private final Map<String, Integer> pending = new HashMap<>();
    int reused;

    void expect(MemRefType type) { pending.merge(type.toString(), 1, Integer::sum); }

    Value take(Loops at, MemRefType type) {
      pending.merge(type.toString(), -1, Integer::sum);
      java.util.ArrayDeque<Value> q = free.get(type.toString());
      if (q != null && !q.isEmpty()) {
        reused++;
        return q.pop();
      }
      Value v = at.create("memref.alloc", List.of(type), List.of(),
          new StringAttr("alignment"), IntegerAttr.i64(64), new StringAttr("operand_segment_sizes"), DenseArrayAttr.i32(0, 0)).result(0);
      all.add(v);
      return v;
    }

    void give(Loops at, Value buffer) {
      if (buffer == null || !all.contains(buffer)) return;
      if (pending.getOrDefault(buffer.type().toString(), 0) > 0) {
        free.computeIfAbsent(buffer.type().toString(), k -> new java.util.ArrayDeque<>()).push(buffer);
      } else {
        at.create("memref.dealloc", List.of(), List.of(buffer));
        all.remove(buffer);
      }
    }

    void freeAll(Loops at) {
      for (Value v : all) at.create("memref.dealloc", List.of(), List.of(v));
    }
  }

  /** Moves the last {@code numInputs} block arguments in front of the {@code numOutputs} before them. */
  private static void reorderArguments(Block body, int numInputs, int numOutputs) {
    List<BlockArgument> outs = new ArrayList<>(body.arguments().subList(0, numOutputs));
    for (BlockArgument o : outs) {
      BlockArgument moved = body.addArgument(o.type(), o.location());
      o.replaceAllUsesWith(moved);
    }
    for (int i = 0; i < numOutputs; i++) body.eraseArgument(0);
  }

  private static Value global(IRContext ctx, Builder b, Operation f, DenseElementsAttr value, Location loc, int[] counter) {
    Operation module = f.parentOp();
    ShapedType vt = (ShapedType) value.type();
    MemRefType type = new MemRefType(vt.shape(), vt.element());
    String name = "__constant_" + counter[0]++;
    OperationState g = new OperationState("memref.global", loc)
        .attribute("sym_name", new StringAttr(name))
        .attribute("sym_visibility", new StringAttr("private"))
        .attribute("type", new TypeAttr(type))
        .attribute("initial_value", value)
        .attribute("constant", UnitAttr.INSTANCE)
        .attribute("alignment", IntegerAttr.i64(64));
    module.region(0).entryBlock().insertBefore(Operation.create(ctx, g), f);
    return b.create(new OperationState("memref.get_global", loc).results(type)
        .attribute("name", new SymbolRefAttr(name, List.of()))).result(0);
  }
}
