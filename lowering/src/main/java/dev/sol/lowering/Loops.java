package dev.sol.lowering;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Emits arith, math, scf, memref and bufferization operations at a moving insertion point:
 * the small vocabulary that the nn-to-loops patterns are written in. Loops restore the
 * insertion point after themselves, so straight-line code reads in program order.
 */
public final class Loops {
  private final Builder b;
  private final Location loc;

  public Loops(Builder b, Location loc) {
    this.b = b;
    this.loc = loc;
  }

  public Builder builder() { return b; }

  public Location location() { return loc; }

  public Operation create(String name, List<Type> results, List<Value> operands, Attribute... namedAttrs) {
    OperationState s = new OperationState(name, loc).operands(operands).results(results);
    for (int i = 0; i < namedAttrs.length; i += 2) s.attribute(((StringAttr) namedAttrs[i]).value(), namedAttrs[i + 1]);
    return b.create(s);
  }

  public Value op(String name, Type result, Value... operands) {
    return create(name, List.of(result), List.of(operands)).result(0);
  }

  // ---- constants

  public Value index(long v) {
    return create("arith.constant", List.of(IndexType.INSTANCE), List.of(), new StringAttr("value"), IntegerAttr.index(v)).result(0);
  }

  public Value constant(double v, Type t) {
    Attribute a = t instanceof FloatType f ? new FloatAttr(f, v) : new IntegerAttr(t, (long) v);
    return create("arith.constant", List.of(t), List.of(), new StringAttr("value"), a).result(0);
  }

  // ---- arithmetic on scalars of the same type (floats, integers or indices)

  public Value add(Value x, Value y) { return op(isFloat(x) ? "arith.addf" : "arith.addi", x.type(), x, y); }

  public Value sub(Value x, Value y) { return op(isFloat(x) ? "arith.subf" : "arith.subi", x.type(), x, y); }

  public Value mul(Value x, Value y) { return op(isFloat(x) ? "arith.mulf" : "arith.muli", x.type(), x, y); }

  public Value div(Value x, Value y) { return op(isFloat(x) ? "arith.divf" : unsigned(x) ? "arith.divui" : "arith.divsi", x.type(), x, y); }

  public Value max(Value x, Value y) { return op(isFloat(x) ? "arith.maxf" : unsigned(x) ? "arith.maxui" : "arith.maxsi", x.type(), x, y); }

  public Value min(Value x, Value y) { return op(isFloat(x) ? "arith.minf" : unsigned(x) ? "arith.minui" : "arith.minsi", x.type(), x, y); }

  public Value neg(Value x) { return op("arith.negf", x.type(), x); }

  /** ONNX's unsigned tensors keep their ui types; arith picks the unsigned variants for them. */
  public static boolean unsigned(Value v) {
    return v.type() instanceof IntegerType it && it.signedness() == IntegerType.Signedness.UNSIGNED;
  }

  public static boolean isFloat(Value v) { return v.type() instanceof FloatType; }

  // ---- integer and index arithmetic with explicit signedness

  public Value divui(Value x, Value y) { return op("arith.divui", x.type(), x, y); }

  public Value remui(Value x, Value y) { return op("arith.remui", x.type(), x, y); }

  public Value remsi(Value x, Value y) { return op("arith.remsi", x.type(), x, y); }

  public Value floorDivsi(Value x, Value y) { return op("arith.floordivsi", x.type(), x, y); }

  public Value maxsi(Value x, Value y) { return op("arith.maxsi", x.type(), x, y); }

  public Value minsi(Value x, Value y) { return op("arith.minsi", x.type(), x, y); }

  public Value indexCast(Value x) { return op("arith.index_cast", IndexType.INSTANCE, x); }

  // ---- conversions between element types

  public Value extf(Value x, Type to) { return op("arith.extf", to, x); }

  public Value truncf(Value x, Type to) { return op("arith.truncf", to, x); }

  public Value sitofp(Value x, Type to) { return op("arith.sitofp", to, x); }

  public Value uitofp(Value x, Type to) { return op("arith.uitofp", to, x); }

  public Value fptosi(Value x, Type to) { return op("arith.fptosi", to, x); }

  public Value fptoui(Value x, Type to) { return op("arith.fptoui", to, x); }

  public Value extsi(Value x, Type to) { return op("arith.extsi", to, x); }

  public Value extui(Value x, Type to) { return op("arith.extui", to, x); }

  public Value trunci(Value x, Type to) { return op("arith.trunci", to, x); }

  // ---- math on floats

  public Value math(String name, Value x) { return op("math." + name, x.type(), x); }

  public Value exp(Value x) { return math("exp", x); }

  public Value log(Value x) { return math("log", x); }

  public Value tanh(Value x) { return math("tanh", x); }

  public Value sqrt(Value x) { return math("sqrt", x); }

  public Value rsqrt(Value x) { return math("rsqrt", x); }

  public Value erf(Value x) { return math("erf", x); }

  public Value abs(Value x) { return math("absf", x); }

  public Value ceil(Value x) { return math("ceil", x); }

  public Value floor(Value x) { return math("floor", x); }

  public Value powf(Value x, Value y) { return op("math.powf", x.type(), x, y); }

  // ---- comparisons and selection

  public Value cmp(CmpFPredicate predicate, Value x, Value y) { return compare("arith.cmpf", predicate.value(), x, y); }

  public Value cmp(CmpIPredicate predicate, Value x, Value y) { return compare("arith.cmpi", predicate.value(), x, y); }

  private Value compare(String name, long predicate, Value x, Value y) {
    return create(name, List.of(IntegerType.I1), List.of(x, y), new StringAttr("predicate"), IntegerAttr.i64(predicate)).result(0);
  }

  /** {@code lo <= i < hi} for an index. */
  public Value inRange(Value i, long lo, long hi) {
    return and(cmp(CmpIPredicate.SGE, i, index(lo)), cmp(CmpIPredicate.SLT, i, index(hi)));
  }

  /** The conjunction of two i1 values; a null {@code x} stands for true. */
  public Value and(Value x, Value y) {
    return x == null ? y : op("arith.andi", IntegerType.I1, x, y);
  }

  public Value select(Value c, Value x, Value y) { return op("arith.select", x.type(), c, x, y); }

  /** The index {@code i} clamped into {@code [0, n)}: a safe address for a load whose value a select may discard. */
  public Value clamp(Value i, long n) {
    return minsi(maxsi(i, index(0)), index(n - 1));
  }

  /** {@code i mod n} in {@code [0, n)} for an index that may be negative. */
  public Value floorMod(Value i, long n) {
    Value r = remsi(i, index(n));
    return select(cmp(CmpIPredicate.SLT, r, index(0)), add(r, index(n)), r);
  }

  // ---- memory

  public Value load(Value memref, List<Value> indices) {
    List<Value> ops = new ArrayList<>();
    ops.add(memref);
    ops.addAll(indices);
    return create("memref.load", List.of(((MemRefType) memref.type()).element()), ops).result(0);
  }

  public void store(Value value, Value memref, List<Value> indices) {
    List<Value> ops = new ArrayList<>();
    ops.add(value);
    ops.add(memref);
    ops.addAll(indices);
    create("memref.store", List.of(), ops);
  }

  /** A 64-byte-aligned buffer. */
  public Value alloc(MemRefType type) {
    return create("memref.alloc", List.of(type), List.of(), new StringAttr("alignment"), IntegerAttr.i64(64),
        new StringAttr("operand_segment_sizes"), DenseArrayAttr.i32(0, 0)).result(0);
  }

  public void dealloc(Value memref) { create("memref.dealloc", List.of(), List.of(memref)); }

  /** A contiguous buffer viewed as one dimension (collapse_shape, or expand_shape of a scalar buffer). */
  public Value flatten(Value memref) {
    MemRefType t = (MemRefType) memref.type();
    if (t.rank() == 1) return memref;
    MemRefType flat = new MemRefType(new long[] {t.numElements()}, t.element());
    List<Attribute> group = new ArrayList<>();
    for (int d = 0; d < t.rank(); d++) group.add(IntegerAttr.i64(d));
    ArrayAttr reassociation = new ArrayAttr(t.rank() == 0 ? List.of() : List.of(new ArrayAttr(group)));
    String name = t.rank() == 0 ? "memref.expand_shape" : "memref.collapse_shape";
    return create(name, List.of(flat), List.of(memref), new StringAttr("reassociation"), reassociation).result(0);
  }

  /** The buffer of a tensor, for loops to read. */
  public Value toMemref(MemRefType type, Value tensor) {
    return create("bufferization.to_memref", List.of(type), List.of(tensor)).result(0);
  }

  /** A buffer the loops wrote, handed back to tensor code. */
  public Value toTensor(Type type, Value memref) {
    return create("bufferization.to_tensor", List.of(type), List.of(memref)).result(0);
  }

  // ---- loops

  /** A loop nest over {@code [0, bounds[d])}; the body receives the induction variables. */
  public void forEach(long[] bounds, Consumer<List<Value>> body) {
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
  public Value reduce(long[] bounds, Value init, BiFunction<List<Value>, Value, Value> step) {
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
