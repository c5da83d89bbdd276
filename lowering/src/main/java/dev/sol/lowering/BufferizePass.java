package dev.sol.lowering;

import dev.sol.dialect.bufferization.ToMemrefOp;
import dev.sol.dialect.bufferization.ToTensorOp;
import dev.sol.dialect.builtin.UnrealizedConversionCastOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.CastOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.CopyOp;
import dev.sol.dialect.memref.DeallocOp;
import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.memref.ReinterpretCastOp;
import dev.sol.dialect.memref.ReshapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.memref.TransposeOp;
import dev.sol.dialect.memref.ViewOp;
import dev.sol.ir.*;
import dev.sol.pass.Option;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes bufferization after convert-nn-to-loops: tensor arguments become memref
 * arguments, each result becomes a caller-provided out-argument (the function returns
 * nothing), nn.constant becomes a private {@code memref.global}, and the
 * to_memref/to_tensor casts disappear, with the casts of unsigned integer tensors to their
 * signless twins (buffers of unsigned tensors hold signless integers, also in the signature). A buffer that is returned is replaced by the
 * caller's buffer, so the loops write there directly. Then the temporaries are planned:
 * a {@code memref.alloc} whose value is dead takes over from a later alloc of the same type
 * (their lifetimes do not overlap), and every buffer is freed right after its last use. With
 * {@code free-buffers=false} the temporaries are left as they are, for {@link MemoryPlanPass}
 * to place in an arena (the sol-cpu pipeline does that).
 */
@PassInfo(name = "bufferize", summary = "Tensors to buffers: out-arguments for results, globals for constants, buffer reuse and frees",
    anchor = "builtin.module")
public final class BufferizePass implements Pass<BufferizePass.Options> {
  public record Options(
      @Option(help = "Reuse dead buffers and free each one after its last use (false leaves the temporaries to memory-plan)") boolean freeBuffers) {}

  @Override public Options defaultOptions() { return new Options(true); }

  @Override public boolean run(Operation module, Options options, PassState state) {
    int[] counters = new int[3];
    for (Operation op : new ArrayList<>(module.region(0).entryBlock().operations())) {
      if (!(op instanceof FuncOp f) || f.isDeclaration() || !needsBufferization(f)) continue;
      try {
        bufferize(state.context(), f, counters, options.freeBuffers());
      } catch (ConvertNnToLoopsPass.LoweringException e) {
        return state.context().diagnostics().report(Diagnostic.error(e.at.location(), e.getMessage()));
      }
    }
    state.statistic("num-reused-buffers", "Allocations replaced by a dead buffer of the same type").add(counters[1]);
    state.statistic("num-deallocs", "Frees inserted").add(counters[2]);
    return true;
  }

  private static boolean needsBufferization(FuncOp f) {
    FunctionType ft = f.functionType();
    for (Type t : ft.inputs()) if (t instanceof RankedTensorType) return true;
    for (Type t : ft.results()) if (t instanceof RankedTensorType) return true;
    for (Operation op : f.body()) {
      if (op instanceof ToMemrefOp || op instanceof ToTensorOp || op instanceof dev.sol.dialect.nn.ConstantOp) return true;
    }
    return false;
  }

  private static void bufferize(IRContext ctx, Operation f, int[] counters, boolean freeBuffers) {
    if (f.region(0).blocks().size() != 1) throw new ConvertNnToLoopsPass.LoweringException(f, "bufferize expects a function with a single block");
    Block body = f.region(0).entryBlock();
    Operation ret = body.terminator();
    Builder b = new Builder(ctx);
    Map<Value, Value> memrefOf = new IdentityHashMap<>();
    int numInputs = body.numArguments();

    // Inputs: a memref argument for each tensor argument.
    List<Type> inputs = new ArrayList<>();
    for (BlockArgument arg : new ArrayList<>(body.arguments())) {
      MemRefType m = ConvertNnToLoopsPass.bufferType(arg, f);
      inputs.add(m);
      memrefOf.put(arg, body.addArgument(m, arg.location()));
    }
    // Constants become globals; to_tensor results are their buffer, and so are the casts between
    // a tensor of unsigned integers and its signless twin.
    for (Operation op : new ArrayList<>(body.operations())) {
      if (op instanceof dev.sol.dialect.nn.ConstantOp) {
        b.before(op);
        ConvertNnToLoopsPass.bufferType(op.result(0), op);
        DenseElementsAttr value = ConvertNnToLoopsPass.signless((DenseElementsAttr) op.attribute("value"));
        memrefOf.put(op.result(0), ConvertNnToLoopsPass.global(ctx, b, f, value, op.location(), counters));
      } else if (op instanceof ToTensorOp toTensor) {
        memrefOf.put(toTensor.result(), toTensor.memref());
      } else if (isSignednessCast(op) && memrefOf.get(op.operand(0)) != null) {
        memrefOf.put(op.result(0), memrefOf.get(op.operand(0)));
      }
    }
    for (Operation op : new ArrayList<>(body.operations())) {
      if (!(op instanceof ToMemrefOp toMemref)) continue;
      Value m = memrefOf.get(toMemref.tensor());
      if (m == null) throw new ConvertNnToLoopsPass.LoweringException(op, "cannot bufferize a tensor made by '" + definer(toMemref.tensor()) + "'; run convert-nn-to-loops first");
      op.result(0).replaceAllUsesWith(m);
      op.erase();
    }

    // Outputs: one out-argument per result. A returned alloc becomes the out-argument itself.
    List<BlockArgument> outArgs = new ArrayList<>();
    for (Value r : ret.operands()) {
      MemRefType m = ConvertNnToLoopsPass.bufferType(r, ret);
      outArgs.add(body.addArgument(m, ret.location()));
    }
    b.before(ret);
    for (int i = 0; i < ret.numOperands(); i++) {
      Value r = ret.operand(i);
      Value m = memrefOf.get(r);
      if (m == null) throw new ConvertNnToLoopsPass.LoweringException(ret, "cannot bufferize a tensor made by '" + definer(r) + "'; run convert-nn-to-loops first");
      if (m instanceof OpResult res && res.owner() instanceof AllocOp && res.owner().parentBlock() == body) {
        Operation alloc = res.owner();
        m.replaceAllUsesWith(outArgs.get(i));
        alloc.erase();
        for (Map.Entry<Value, Value> e : memrefOf.entrySet()) if (e.getValue() == m) e.setValue(outArgs.get(i));
      } else {
        CopyOp.create(b, ret.location(), m, outArgs.get(i));
      }
    }
    ret.setOperands(List.of());

    // The tensor side is gone: erase it and check that nothing else used it.
    for (Operation op : body.operations().reversed()) {
      if (op instanceof ToTensorOp || op instanceof dev.sol.dialect.nn.ConstantOp || isSignednessCast(op)) {
        if (!op.result(0).hasNoUses()) {
          Operation user = op.result(0).uses().iterator().next().owner();
          throw new ConvertNnToLoopsPass.LoweringException(user, "'" + user.name() + "' uses a tensor, so the function cannot be bufferized; run convert-nn-to-loops first");
        }
        op.erase();
      }
    }
    for (int i = 0; i < numInputs; i++) {
      BlockArgument old = body.argument(0);
      if (!old.hasNoUses()) {
        Operation user = old.uses().iterator().next().owner();
        throw new ConvertNnToLoopsPass.LoweringException(user, "'" + user.name() + "' uses a tensor argument, so the function cannot be bufferized; run convert-nn-to-loops first");
      }
      body.eraseArgument(0);
    }
    for (BlockArgument o : outArgs) inputs.add(o.type());
    f.setAttribute("function_type", new TypeAttr(new FunctionType(inputs, List.of())));
    if (f.attribute("arg_attrs") != null || f.attribute("res_attrs") != null) {
      List<Attribute> attrs = new ArrayList<>();
      for (int i = 0; i < numInputs; i++) attrs.add(f.attribute("arg_attrs") instanceof ArrayAttr a ? a.get(i) : DictionaryAttr.EMPTY);
      for (int i = 0; i < outArgs.size(); i++) attrs.add(f.attribute("res_attrs") instanceof ArrayAttr a ? a.get(i) : DictionaryAttr.EMPTY);
      f.setAttribute("arg_attrs", new ArrayAttr(attrs));
    }
    f.removeAttribute("res_attrs");
    if (freeBuffers) planBuffers(ctx, body, counters);
  }

  /** A cast between two tensor types that differ only in the signedness of their integers: one buffer holds both. */
  private static boolean isSignednessCast(Operation op) {
    return op instanceof UnrealizedConversionCastOp && op.numOperands() == 1 && op.numResults() == 1
        && op.operand(0).type() instanceof RankedTensorType from && op.result(0).type() instanceof RankedTensorType to
        && !from.equals(to) && Arrays.equals(from.shape(), to.shape()) && Loops.signless(from.element()).equals(Loops.signless(to.element()));
  }

  /** True for the memref ops whose result aliases their source buffer. */
  private static boolean isView(Operation op) {
    return op instanceof CollapseShapeOp || op instanceof ExpandShapeOp || op instanceof CastOp || op instanceof SubViewOp
        || op instanceof ReshapeOp || op instanceof ReinterpretCastOp || op instanceof TransposeOp || op instanceof ViewOp;
  }

  /** Every op that uses a buffer, directly or through views of it (which alias it). */
  static List<Operation> usersThroughViews(Value v) {
    List<Operation> users = new ArrayList<>();
    ArrayDeque<Value> work = new ArrayDeque<>(List.of(v));
    while (!work.isEmpty()) {
      for (OpOperand use : work.pop().uses()) {
        users.add(use.owner());
        if (isView(use.owner())) work.addAll(use.owner().results());
      }
    }
    return users;
  }

  private static String definer(Value v) {
    return v instanceof OpResult r ? r.owner().name() : "a block argument";
  }

  /**
   * Reuse and frees for the allocations at the top of the function body that nothing frees
   * yet: walking in program order, an allocation takes a buffer of the same type whose last
   * use has passed; each buffer is freed after the last use of everything placed in it.
   */
  private static void planBuffers(IRContext ctx, Block body, int[] counters) {
    List<Operation> ops = new ArrayList<>(body.operations());
    Map<Operation, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < ops.size(); i++) position.put(ops.get(i), i);
    Region region = body.parent();
    Map<Value, Integer> lastUse = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (!(op instanceof AllocOp)) continue;
      Value v = op.result(0);
      boolean freed = false;
      int last = i;
      for (Operation user : usersThroughViews(v)) {
        Operation top = region.findAncestorOpInRegion(user);
        if (user instanceof DeallocOp) freed = true;
        if (top != null) last = Math.max(last, position.get(top));
      }
      if (!freed) lastUse.put(v, last);
    }
    Map<String, ArrayDeque<Value>> pool = new HashMap<>();
    Map<Integer, List<Value>> dyingAt = new HashMap<>();
    Map<Value, Integer> physicalLast = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op instanceof AllocOp && lastUse.containsKey(op.result(0))) {
        Value v = op.result(0);
        int last = lastUse.get(v);
        ArrayDeque<Value> free = pool.get(v.type().toString());
        Value buffer = free != null && !free.isEmpty() ? free.pop() : v;
        if (buffer != v) {
          v.replaceAllUsesWith(buffer);
          op.erase();
          counters[1]++;
        }
        physicalLast.put(buffer, last);
        dyingAt.computeIfAbsent(last, k -> new ArrayList<>()).add(buffer);
      }
      for (Value dead : dyingAt.getOrDefault(i, List.of())) {
        if (physicalLast.get(dead) == i) pool.computeIfAbsent(dead.type().toString(), k -> new ArrayDeque<>()).push(dead);
      }
    }
    Builder b = new Builder(ctx);
    for (Map.Entry<Value, Integer> e : physicalLast.entrySet()) {
      int at = e.getValue() + 1;
      while (ops.get(at).parentBlock() == null) at++;
      b.before(ops.get(at));
      DeallocOp.create(b, ((OpResult) e.getKey()).owner().location(), e.getKey());
      counters[2]++;
    }
  }
}
