package dev.sol.lowering;

import dev.sol.dialect.arith.AddIOp;
import dev.sol.dialect.arith.AndIOp;
import dev.sol.dialect.arith.CmpIOp;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.arith.OrIOp;
import dev.sol.dialect.arith.SelectOp;
import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.DimOp;
import dev.sol.dialect.memref.GetGlobalOp;
import dev.sol.dialect.memref.GlobalOp;
import dev.sol.dialect.memref.LoadOp;
import dev.sol.dialect.memref.StoreOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A debug mode for generated code: every {@code memref.load/store}, {@code vector.load/store}
 * and 1-D {@code vector.transfer_read/write} runs only when its indices lie inside its memref;
 * otherwise it calls {@value #HANDLER} with its site (the access's location and op, kept in a
 * private constant global {@code __sol_bounds_K}) and the failing dimension, index and size,
 * and a load yields zero. So a lowering bug becomes a located error instead of a write past a
 * buffer. The JIT resolves the handler to a Java upcall that records the error (the run then
 * fails, {@code SolOptions.checkBounds}); the interpreter stops at the call. Transfers that may
 * run past the end ({@code in_bounds = [false]}) are masked there by definition: only their
 * start is checked along that dimension. Other vector accesses are left alone.
 */
@PassInfo(name = "memref-check-bounds", summary = "Guard every memref and vector access by a bounds check that reports the access's location",
    anchor = "builtin.module")
public final class CheckBoundsPass implements Pass<NoOptions> {
  /**
   * The function an access outside its memref calls: {@code (memref<Nxi8> site, index dim,
   * index at, index size) -> ()}, the site a NUL-terminated UTF-8 text (every site of a
   * module is padded to the same N, as code generation takes static shapes only).
   */
  public static final String HANDLER = "sol_bounds_error";

  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  /** The error an access reports: its site (location and op, NUL-free) with the failing dimension, index and size. */
  public static String message(String site, long dim, long index, long size) {
    return site + " at index " + index + " is out of bounds for dimension " + dim + " of size " + size;
  }

  /** One access to guard: its memref, indices, and how many elements it touches along the last dimension. */
  private record Access(Operation op, Value memref, List<Value> indices, long lanes, boolean maskedTail) {}

  @Override public boolean run(Operation module, NoOptions options, PassState state) {
    // A module that declares the handler has its checks already.
    if (Symbols.lookupIn(module, HANDLER) != null) return true;
    List<Access> accesses = new ArrayList<>();
    module.walk(op -> {
      Access a = access(op);
      if (a != null && a.lanes() > 0) accesses.add(a);
    });
    if (accesses.isEmpty()) return true;
    Map<String, byte[]> sites = new LinkedHashMap<>();
    for (Access a : accesses) sites.computeIfAbsent(site(a), s -> s.getBytes(StandardCharsets.UTF_8));
    int length = 1 + sites.values().stream().mapToInt(t -> t.length).max().orElse(0);
    MemRefType text = new MemRefType(new long[] {length}, IntegerType.I8);
    Builder b = new Builder(state.context());
    Block top = module.region(0).entryBlock();
    b.before(top.front());
    FuncOp.declare(b, Location.UNKNOWN, HANDLER, new FunctionType(List.of(text, IndexType.INSTANCE, IndexType.INSTANCE, IndexType.INSTANCE), List.of()));
    Map<String, GlobalOp> globals = new HashMap<>();
    for (Map.Entry<String, byte[]> site : sites.entrySet()) {
      byte[] padded = java.util.Arrays.copyOf(site.getValue(), length);
      globals.put(site.getKey(), GlobalOp.create(b, Location.UNKNOWN, uniqueName(module, "__sol_bounds_" + globals.size()), "private", text,
          DenseElementsAttr.fromRaw(new RankedTensorType(new long[] {length}, IntegerType.I8), padded), true, 0));
    }
    for (Access a : accesses) guard(b, a, globals.get(site(a)));
    state.statistic("num-checked", "Memory accesses guarded by bounds checks").add(accesses.size());
    return true;
  }

  private static Access access(Operation op) {
    return switch (op) {
      case LoadOp l -> new Access(op, l.memref(), l.indices(), 1, false);
      case StoreOp s -> new Access(op, s.memref(), s.indices(), 1, false);
      case dev.sol.dialect.vector.LoadOp l -> new Access(op, l.base(), l.indices(), lanes(l.result().type()), false);
      case dev.sol.dialect.vector.StoreOp s -> new Access(op, s.base(), s.indices(), lanes(s.valueToStore().type()), false);
      case TransferReadOp t when minorOneD(t.permutationMap(), t.result().type()) ->
          new Access(op, t.source(), t.indices(), lanes(t.result().type()), !t.inBounds()[0]);
      case TransferWriteOp t when minorOneD(t.permutationMap(), t.vector().type()) ->
          new Access(op, t.source(), t.indices(), lanes(t.vector().type()), !t.inBounds()[0]);
      default -> null;
    };
  }

  private static long lanes(Type vector) {
    return vector instanceof VectorType v && v.rank() == 1 && v.hasStaticShape() ? v.shape()[0] : -1;
  }

  private static boolean minorOneD(AffineMap map, Type vector) {
    return lanes(vector) > 0 && map.results().size() == 1 && map.results().getFirst() instanceof AffineExpr.Dim d
        && d.position() == map.numDims() - 1;
  }

  private static String site(Access a) {
    Location loc = a.op().location();
    FileLineColLoc pos = loc.filePosition();
    String where = pos != null ? pos.file() + ":" + pos.line() + ":" + pos.column() : loc instanceof UnknownLoc ? "unknown location" : loc.toString();
    String what = "'" + a.op().name() + "'" + (a.lanes() == 1 ? "" : " of " + a.lanes() + " elements");
    return (where + ": " + what).replace('\0', ' ');
  }

  private static String uniqueName(Operation module, String base) {
    String name = base;
    for (int k = 1; Symbols.lookupIn(module, name) != null; k++) name = base + "_" + k;
    return name;
  }

  /**
   * Replaces the access by {@code scf.if (in bounds) {access} else {report}}; a load's else
   * branch yields zero.
   */
  private static void guard(Builder b, Access a, GlobalOp message) {
    Operation op = a.op();
    Location loc = op.location();
    b.before(op);
    MemRefType type = (MemRefType) a.memref().type();
    int rank = a.indices().size();
    List<Value> sizes = new ArrayList<>();
    Value ok = null;
    Value zero = ConstantOp.index(b, loc, 0).result();
    for (int d = 0; d < rank; d++) {
      long n = type.shape()[d];
      Value size = n == ShapedType.DYNAMIC ? DimOp.create(b, loc, a.memref(), d).result() : ConstantOp.index(b, loc, n).result();
      sizes.add(size);
      Value i = a.indices().get(d);
      Value inside = CmpIOp.create(b, loc, CmpIPredicate.SGE, i, zero).result();
      if (!(d == rank - 1 && a.maskedTail())) {
        long span = d == rank - 1 ? a.lanes() : 1;
        Value end = span == 1 ? i : AddIOp.create(b, loc, i, ConstantOp.index(b, loc, span).result()).result();
        Value below = CmpIOp.create(b, loc, span == 1 ? CmpIPredicate.SLT : CmpIPredicate.SLE, end, size).result();
        inside = AndIOp.create(b, loc, inside, below).result();
      }
      ok = ok == null ? inside : AndIOp.create(b, loc, ok, inside).result();
    }
    if (ok == null) return;
    List<Type> results = op.numResults() == 1 ? List.of(op.result(0).type()) : List.of();
    // The then branch yields the access's own result once the access has moved into it.
    List<Value> own = results.isEmpty() ? List.of() : List.of(op.result(0));
    IfOp guarded = IfOp.create(b, loc, ok, results, (in, args) -> own, (in, args) -> {
      report(in, loc, a, sizes, message);
      return results.isEmpty() ? List.of() : List.of(zeroOf(in, loc, results.getFirst()));
    });
    if (!results.isEmpty()) op.result(0).replaceAllUsesWith(guarded.result(0));
    Operation thenYield = guarded.thenBlock().back();
    op.moveBefore(thenYield);
    if (!results.isEmpty()) thenYield.setOperand(0, op.result(0));
  }

  /** Calls the handler with the first dimension whose index is outside, its index and its size. */
  private static void report(Builder b, Location loc, Access a, List<Value> sizes, GlobalOp message) {
    Value dim = ConstantOp.index(b, loc, 0).result();
    Value at = a.indices().getFirst();
    Value size = sizes.getFirst();
    Value zero = ConstantOp.index(b, loc, 0).result();
    for (int d = sizes.size() - 1; d >= 0; d--) {
      Value i = a.indices().get(d);
      Value bad = CmpIOp.create(b, loc, CmpIPredicate.SLT, i, zero).result();
      if (!(d == sizes.size() - 1 && a.maskedTail())) {
        long span = d == sizes.size() - 1 ? a.lanes() : 1;
        Value end = span == 1 ? i : AddIOp.create(b, loc, i, ConstantOp.index(b, loc, span).result()).result();
        Value high = CmpIOp.create(b, loc, span == 1 ? CmpIPredicate.SGE : CmpIPredicate.SGT, end, sizes.get(d)).result();
        bad = OrIOp.create(b, loc, bad, high).result();
      }
      dim = SelectOp.create(b, loc, bad, ConstantOp.index(b, loc, d).result(), dim).result();
      at = SelectOp.create(b, loc, bad, i, at).result();
      size = SelectOp.create(b, loc, bad, sizes.get(d), size).result();
    }
    CallOp.create(b, loc, HANDLER, List.of(), List.of(GetGlobalOp.create(b, loc, message).result(), dim, at, size));
  }

  private static Value zeroOf(Builder b, Location loc, Type type) {
    if (type instanceof VectorType v) return BroadcastOp.create(b, loc, v, zeroOf(b, loc, v.element())).result();
    return ConstantOp.of(b, loc, 0, type).result();
  }
}
