package dev.sol.lowering;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Emits arith, math, scf and memref operations at a moving insertion point: the small
 * vocabulary that the nn-to-loops lowering is written in. Loops restore the insertion point
 * after themselves, so straight-line code reads in program order.
 */
final class Loops {
  private final Builder b;
  private final Location loc;

  Loops(Builder b, Location loc) {
    this.b = b;
    this.loc = loc;
  }

  Builder builder() { return b; }

  Operation create(String name, List<Type> results, List<Value> operands, Attribute... namedAttrs) {
    OperationState s = new OperationState(name, loc).operands(operands).results(results);
    for (int i = 0; i < namedAttrs.length; i += 2) s.attribute(((StringAttr) namedAttrs[i]).value(), namedAttrs[i + 1]);
    return b.create(s);
  }

  Value op(String name, Type result, Value... operands) {
    return create(name, List.of(result), List.of(operands)).result(0);
  }

  // ---- constants

  Value index(long v) {
    return create("arith.constant", List.of(IndexType.INSTANCE), List.of(), new StringAttr("value"), IntegerAttr.index(v)).result(0);
  }

  Value constant(double v, Type t) {
    Attribute a = t instanceof FloatType f ? new FloatAttr(f, v) : new IntegerAttr(t, (long) v);
    return create("arith.constant", List.of(t), List.of(), new StringAttr("value"), a).result(0);
  }

  // ---- arithmetic on scalars of the same type

  Value add(Value x, Value y) { return op(isFloat(x) ? "arith.addf" : "arith.addi", x.type(), x, y); }

  Value sub(Value x, Value y) { return op(isFloat(x) ? "arith.subf" : "arith.subi", x.type(), x, y); }

  Value mul(Value x, Value y) { return op(isFloat(x) ? "arith.mulf" : "arith.muli", x.type(), x, y); }

  Value div(Value x, Value y) { return op(isFloat(x) ? "arith.divf" : unsigned(x) ? "arith.divui" : "arith.divsi", x.type(), x, y); }

  Value max(Value x, Value y) { return op(isFloat(x) ? "arith.maxf" : unsigned(x) ? "arith.maxui" : "arith.maxsi", x.type(), x, y); }

  Value min(Value x, Value y) { return op(isFloat(x) ? "arith.minf" : unsigned(x) ? "arith.minui" : "arith.minsi", x.type(), x, y); }

  /** ONNX's unsigned tensors keep their ui types; arith picks the unsigned variants for them. */
  static boolean unsigned(Value v) {
    return v.type() instanceof IntegerType it && it.signedness() == IntegerType.Signedness.UNSIGNED;
  }

  Value math(String name, Value x) { return op("math." + name, x.type(), x); }

  /** {@code arith.cmpf} with an MLIR predicate number (e.g. 4 = olt, 2 = ogt) or cmpi (2 = slt, 5 = sge). */
  Value cmp(int predicate, Value x, Value y) {
    String name = isFloat(x) ? "arith.cmpf" : "arith.cmpi";
    return create(name, List.of(IntegerType.I1), List.of(x, y), new StringAttr("predicate"), IntegerAttr.i64(predicate)).result(0);
  }

  /** {@code lo <= i < hi} for an index. */
  Value inRange(Value i, long lo, long hi) {
    return and(cmp(5, i, index(lo)), cmp(2, i, index(hi)));
  }

  /** The conjunction of two i1 values; a null {@code x} stands for true. */
  Value and(Value x, Value y) {
    return x == null ? y : op("arith.andi", IntegerType.I1, x, y);
  }

  Value select(Value c, Value x, Value y) { return op("arith.select", x.type(), c, x, y); }

  static boolean isFloat(Value v) { return v.type() instanceof FloatType; }

  // ---- memory

  Value load(Value memref, List<Value> indices) {
    List<Value> ops = new ArrayList<>();
    ops.add(memref);
    ops.addAll(indices);
    return create("memref.load", List.of(((MemRefType) memref.type()).element()), ops).result(0);
  }

  void store(Value value, Value memref, List<Value> indices) {
    List<Value> ops = new ArrayList<>();
    ops.add(value);
    ops.add(memref);
    ops.addAll(indices);
    create("memref.store", List.of(), ops);
  }

  // ---- loops

  /** A loop nest over {@code [0, bounds[d])}; the body receives the induction variables. */
  void forEach(long[] bounds, Consumer<List<Value>> body) {
    nest(bounds, 0, new ArrayList<>(), body);
  }

  private void nest(long[] bounds, int d, List<Value> ivs, Consumer<List<Value>> body) {
    if (d == bounds.length) {
      body.accept(ivs);
      return;
    }
    Value lb = index(0);
    Value ub = index(bounds[d]);
    Value step = index(1);
    OperationState s = new OperationState("scf.for", loc).operands(lb, ub, step);
    Block block = s.addRegion().addBlock();
    BlockArgument iv = block.addArgument(IndexType.INSTANCE, loc);
    Operation loop = b.create(s);
    b.atEnd(block);
    ivs.add(iv);
    nest(bounds, d + 1, ivs, body);
    ivs.removeLast();
    create("scf.yield", List.of(), List.of());
    b.after(loop);
  }

  /**
   * A loop nest over {@code [0, bounds[d])} carrying one accumulator; {@code step} maps the
   * induction variables and the accumulator to its next value. Returns the final value.
   */
  Value reduce(long[] bounds, Value init, BiFunction<List<Value>, Value, Value> step) {
    return reduceNest(bounds, 0, new ArrayList<>(), init, step);
  }

  private Value reduceNest(long[] bounds, int d, List<Value> ivs, Value acc, BiFunction<List<Value>, Value, Value> step) {
    if (d == bounds.length) return step.apply(ivs, acc);
    Value lb = index(0);
    Value ub = index(bounds[d]);
    Value one = index(1);
    OperationState s = new OperationState("scf.for", loc).operands(lb, ub, one, acc).results(acc.type());
    Block block = s.addRegion().addBlock();
    BlockArgument iv = block.addArgument(IndexType.INSTANCE, loc);
    BlockArgument carried = block.addArgument(acc.type(), loc);
    Operation loop = b.create(s);
    b.atEnd(block);
    ivs.add(iv);
    Value next = reduceNest(bounds, d + 1, ivs, carried, step);
    ivs.removeLast();
    create("scf.yield", List.of(), List.of(next));
    b.after(loop);
    return loop.result(0);
  }
}
