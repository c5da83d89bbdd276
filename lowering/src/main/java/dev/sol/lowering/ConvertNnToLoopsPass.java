package dev.sol.lowering;

import dev.sol.dialect.nn.NnOp;
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
 * Lowers every nn op (except nn.constant) to scf loops over buffers: each result gets a
 * {@code memref.alloc} that the loops write, handed back to tensor code through
 * {@code bufferization.to_tensor}; operands that are still tensors are read through
 * {@code bufferization.to_memref}. Function signatures and constants stay tensors:
 * {@code bufferize} turns them into buffers, places results in the caller's buffers,
 * reuses dead buffers and frees the rest.
 */
@PassInfo(name = "convert-nn-to-loops", summary = "Lower nn ops to scf loops on memrefs (bufferize finishes the job)",
    anchor = "builtin.module")
public final class ConvertNnToLoopsPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation module, NoOptions options, PassState state) {
    int[] globals = {0};
    for (Operation f : new ArrayList<>(module.region(0).entryBlock().operations())) {
      if (!f.name().equals("func.func") || f.region(0).isEmpty()) continue;
      try {
        lowerFunction(state, f, globals);
      } catch (LoweringException e) {
        return state.context().diagnostics().report(Diagnostic.error(e.at.location(), e.getMessage()));
      }
    }
    state.statistic("num-tables", "Constant tables added as memref.global").add(globals[0]);
    return true;
  }

  /** A failure at an operation, reported as a diagnostic there. */
  static final class LoweringException extends RuntimeException {
    final Operation at;

    LoweringException(Operation at, String message) {
      super(message);
      this.at = at;
    }
  }

  /** The buffer type of a statically shaped tensor value. */
  static MemRefType bufferType(Value v, Operation at) {
    if (!(v.type() instanceof RankedTensorType t)) throw new LoweringException(at, "expected a ranked tensor, got " + v.type());
    for (long d : t.shape()) {
      if (d == ShapedType.DYNAMIC) throw new LoweringException(at, "tensor " + t + " has a dynamic dimension; give static shapes (sol-import --shape) before lowering");
    }
    return new MemRefType(t.shape(), t.element());
  }

  private void lowerFunction(PassState state, Operation f, int[] globals) {
    IRContext ctx = state.context();
    Builder b = new Builder(ctx);
    Map<Value, Value> memrefOf = new IdentityHashMap<>();
    for (Block block : f.region(0).blocks()) {
      for (Operation op : new ArrayList<>(block.operations())) {
        if (!(op instanceof NnOp nn) || op.name().equals("nn.constant")) continue;
        b.before(op);
        Loops at = new Loops(b, op.location());
        List<Value> in = new ArrayList<>();
        for (Value v : op.operands()) {
          Value m = memrefOf.get(v);
          if (m == null) {
            m = at.create("bufferization.to_memref", List.of(bufferType(v, op)), List.of(v)).result(0);
            memrefOf.put(v, m);
          }
          in.add(m);
        }
        List<Value> out = new ArrayList<>();
        for (OpResult r : op.results()) {
          out.add(at.create("memref.alloc", List.of(bufferType(r, op)), List.of(),
              new StringAttr("alignment"), IntegerAttr.i64(64), new StringAttr("operand_segment_sizes"), DenseArrayAttr.i32(0, 0)).result(0));
        }
        try {
          new NnOpLowering(at, value -> global(ctx, b, f, value, op.location(), globals)).lower(nn, in, out);
        } catch (NnOpLowering.Unsupported e) {
          throw new LoweringException(op, e.getMessage());
        }
        for (int i = 0; i < op.numResults(); i++) {
          Value t = at.create("bufferization.to_tensor", List.of(op.result(i).type()), List.of(out.get(i))).result(0);
          memrefOf.put(t, out.get(i));
          op.result(i).replaceAllUsesWith(t);
        }
        op.erase();
      }
    }
  }

  /** A private constant memref.global holding {@code value}, and its memref.get_global at the builder. */
  static Value global(IRContext ctx, Builder b, Operation f, DenseElementsAttr value, Location loc, int[] counter) {
    Operation module = f.parentOp();
    ShapedType vt = (ShapedType) value.type();
    MemRefType type = new MemRefType(vt.shape(), vt.element());
    String name;
    do {
      name = "__constant_" + counter[0]++;
    } while (Symbols.lookupIn(module, name) != null);
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
