package dev.sol.lowering;

import dev.sol.dialect.arith.*;
import dev.sol.dialect.bufferization.ToMemrefOp;
import dev.sol.dialect.bufferization.ToTensorOp;
import dev.sol.dialect.builtin.UnrealizedConversionCastOp;
import dev.sol.dialect.math.*;
import dev.sol.dialect.memref.*;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Emits arith, math, scf, memref and bufferization operations at a moving insertion point:
 * the small vocabulary that the nn-to-loops patterns are written in. Loops restore the
 * insertion point after themselves, so straight-line code reads in program order.
 *
 * <p>Integer scalars and buffers are signless, as arith and LLVM want them; a tensor of
 * unsigned (or signed) integers crosses to its buffer through a cast to its signless twin.
 * Whether {@link #div}, {@link #max} and {@link #min} treat integers as unsigned is this
 * object's choice, made from the nn op's element type when it is created; index arithmetic
 * is always signed.
 */
public final class Loops {
  private final Builder b;
  private final Location loc;
  private final boolean unsigned;
  private final int threads;
  private final long parallelWork;

  /** Loops on one thread whose integer arithmetic is unsigned when {@code unsigned} (for ONNX's uint tensors), else signed. */
  public Loops(Builder b, Location loc, boolean unsigned) {
    this(b, loc, unsigned, 1, TargetDescription.DEFAULT_PARALLEL_WORK);
  }

  /**
   * Loops whose {@link #parallelForEach} nests use {@code threads} threads when they have at
   * least {@code parallelWork} element operations of work.
   */
  public Loops(Builder b, Location loc, boolean unsigned, int threads, long parallelWork) {
    this(b, loc, unsigned, threads, parallelWork, null);
  }

  /**
   * As above, with {@code slots} placing the per-thread slots of {@link #allocSlots} and
   * {@link #slots} (null: each buffer an allocation of its own).
   */
  public Loops(Builder b, Location loc, boolean unsigned, int threads, long parallelWork, SlotPlacer slots) {
    this(b, loc, unsigned, threads, parallelWork, slots, null);
  }

  private Loops(Builder b, Location loc, boolean unsigned, int threads, long parallelWork, SlotPlacer slots, PartSlots part) {
    this.b = b;
    this.loc = loc;
    this.unsigned = unsigned;
    this.threads = threads;
    this.parallelWork = parallelWork;
    this.slots = slots;
    this.part = part;
  }

  /**
   * Places buffers of per-thread slots ({@link #allocSlots}, {@link #slots}) in a space of the
   * function's own, slot p of every buffer in the same region, the one thread p uses.
   */
  public interface SlotPlacer {
    /**
     * Where {@code parts} slots of {@code slotBytes} each go, their stride a multiple of
     * {@code rowBytes}: in {@code space} from byte {@code offset} on; null where they do not fit.
     */
    Placement place(Loops l, long parts, long slotBytes, long rowBytes);
  }

  /** Slots placed by a {@link SlotPlacer}: the first at byte {@code offset} of {@code space}, each {@code strideBytes} after the one before. */
  public record Placement(Value space, long offset, long strideBytes) {}

  private final SlotPlacer slots;

  /**
   * Where {@link #alloc} takes its buffers in the loops of one part of a parallel loop
   * ({@link #inPart}): slots of buffers made before {@code loop} by {@code outer}, the part's
   * own at {@code index}; null: memref.alloc.
   */
  private record PartSlots(Loops outer, Operation loop, Value index, long parts) {}

  private final PartSlots part;

  /** These loops on one thread: for the body of a parallel loop, whose nests must not open parallel regions of their own. */
  public Loops serial() { return threads == 1 ? this : new Loops(b, loc, unsigned, 1, parallelWork, slots, part); }

  /**
   * Loops on one thread for part {@code index} of the parallel loop over {@code parts} parts
   * whose body is being built (the insertion block's parent), each of whose buffers
   * ({@link #alloc}) is the part's own: a slot of a buffer of {@code parts} slots ({@link #slots},
   * in the function's slot space where it fits) made before the parallel loop, viewed as the
   * buffer's type, so that the code that uses it reads and writes it as it would an allocation.
   * Code written for one thread, scratch buffers and all, runs as is in each part.
   */
  public Loops inPart(Value index, long parts) {
    Operation loop = b.insertionBlock().parentOp();
    if (!(loop instanceof ParallelOp)) throw new IllegalStateException("inPart outside the body of an scf.parallel");
    return new Loops(b, loc, unsigned, 1, parallelWork, slots, new PartSlots(this, loop, index, parts));
  }

  /** The threads parallel loops may use (1: none are made). */
  public int threads() { return threads; }

  /** True when a loop of {@code work} element operations is worth a parallel region: there are threads, and the work earns back starting them. */
  public boolean worthParallel(double work) { return threads > 1 && work >= parallelWork; }

  public Builder builder() { return b; }

  public Location location() { return loc; }

  // ---- constants

  public Value index(long v) { return ConstantOp.index(b, loc, v).result(); }

  /** {@code v} as a constant of type {@code t}; a vector type gets {@code v} in every lane. */
  public Value constant(double v, Type t) {
    if (t instanceof VectorType vt) {
      DenseElementsAttr splat = vt.element() instanceof FloatType ? DenseElementsAttr.ofDoubles(vt, new double[] {v})
          : DenseElementsAttr.ofLongs(vt, new long[] {(long) v});
      return ConstantOp.create(b, loc, splat).result();
    }
    return ConstantOp.of(b, loc, v, t).result();
  }

  /** An integer constant given exactly (every 64-bit pattern, also ui64 values above 2^63). */
  public Value integer(long v, Type t) { return ConstantOp.integer(b, loc, v, t).result(); }

  /** The signless integer type of a tensor's element type (ui8 and si8 are i8); other types are themselves. */
  public static Type signless(Type element) {
    return element instanceof IntegerType it && !it.isSignless() ? IntegerType.signless(it.width()) : element;
  }

  // ---- arithmetic on scalars of the same type (floats, integers or indices)

  public Value add(Value x, Value y) { return isFloat(x) ? AddFOp.create(b, loc, x, y).result() : AddIOp.create(b, loc, x, y).result(); }

  public Value sub(Value x, Value y) { return isFloat(x) ? SubFOp.create(b, loc, x, y).result() : SubIOp.create(b, loc, x, y).result(); }

  public Value mul(Value x, Value y) { return isFloat(x) ? MulFOp.create(b, loc, x, y).result() : MulIOp.create(b, loc, x, y).result(); }

  /**
   * The quotient; integers truncate toward zero, unsigned ones as unsigned, and give 0 when
   * divided by zero (as nn's kernels do, {@code Integers.divide}); the smallest signed value
   * divided by -1 wraps to itself. Neither reaches the hardware divide, which would trap.
   */
  public Value div(Value x, Value y) {
    if (isFloat(x)) return DivFOp.create(b, loc, x, y).result();
    // A constant divisor other than 0 and -1 needs no guard (a mean's count, a group size).
    if (y.definingOp() instanceof ConstantOp c && c.value() instanceof IntegerAttr k && k.value() != 0 && k.value() != -1) {
      return unsigned(x) ? divui(x, y) : DivSIOp.create(b, loc, x, y).result();
    }
    Value byZero = cmp(CmpIPredicate.EQ, y, integer(0, y.type()));
    Value unsafe = byZero;
    if (!unsigned(x)) {
      int width = ((IntegerType) x.type()).width();
      Value overflows = and(cmp(CmpIPredicate.EQ, x, integer(width == 64 ? Long.MIN_VALUE : -(1L << (width - 1)), x.type())),
          cmp(CmpIPredicate.EQ, y, integer(-1, y.type())));
      unsafe = OrIOp.create(b, loc, byZero, overflows).result();
    }
    Value divisor = select(unsafe, integer(1, y.type()), y);
    Value q = unsigned(x) ? divui(x, divisor) : DivSIOp.create(b, loc, x, divisor).result();
    return select(byZero, integer(0, x.type()), q);
  }

  public Value max(Value x, Value y) {
    if (isFloat(x)) return MaxFOp.create(b, loc, x, y).result();
    return unsigned(x) ? MaxUIOp.create(b, loc, x, y).result() : maxsi(x, y);
  }

  /**
   * max(x, y) for floats: NaN where either is NaN, as {@link #max}, written as {@code x > y ? x :
   * y} (which x86 emits as one maxps) with x + y where they are unordered. arith.maxf's rules for
   * NaN and for -0 < +0 cost four instructions more per vector on x86 (a max pool spent two
   * thirds of its time in them); the result differs from arith.maxf's only in the sign of a zero.
   */
  public Value maxWithNaN(Value x, Value y) {
    if (!isFloat(x)) return max(x, y);
    Value larger = select(cmp(CmpFPredicate.OGT, x, y), x, y);
    return select(cmp(CmpFPredicate.UNO, x, y), add(x, y), larger);
  }

  /**
   * max(x, bound) for floats, for a {@code bound} that is never NaN: NaN where x is NaN, as
   * {@link #max}, but as {@code x < bound ? bound : x} (cmpf and select), which x86 emits as a
   * single maxps: arith.maxf's rules for a NaN in either operand and for -0 < +0 cost two
   * instructions more per vector (a fifth of a depthwise convolution's, through a ReLU). The
   * result differs from arith.maxf's only in the sign of a zero.
   */
  public Value maxWithBound(Value x, Value bound) {
    if (!isFloat(x)) return max(x, bound);
    return select(cmp(CmpFPredicate.OLT, x, bound), bound, x);
  }

  /** min(x, bound) for floats, for a {@code bound} that is never NaN, as {@code x > bound ? bound : x}: see {@link #maxWithBound}. */
  public Value minWithBound(Value x, Value bound) {
    if (!isFloat(x)) return min(x, bound);
    return select(cmp(CmpFPredicate.OGT, x, bound), bound, x);
  }

  public Value min(Value x, Value y) {
    if (isFloat(x)) return MinFOp.create(b, loc, x, y).result();
    return unsigned(x) ? MinUIOp.create(b, loc, x, y).result() : minsi(x, y);
  }

  /** The negation: negf, or 0 - x for integers. */
  public Value neg(Value x) { return isFloat(x) ? NegFOp.create(b, loc, x).result() : sub(integer(0, x.type()), x); }

  /** Whether an operation on {@code v} takes the unsigned variant: integers (never indices) of unsigned loops. */
  private boolean unsigned(Value v) { return unsigned && v.type() instanceof IntegerType; }

  /** Whether {@code v} holds floats: a float scalar or a vector of floats. */
  public static boolean isFloat(Value v) {
    Type t = v.type() instanceof VectorType vt ? vt.element() : v.type();
    return t instanceof FloatType;
  }

  // ---- integer and index arithmetic with explicit signedness

  public Value divui(Value x, Value y) { return DivUIOp.create(b, loc, x, y).result(); }

  public Value remui(Value x, Value y) { return RemUIOp.create(b, loc, x, y).result(); }

  public Value remsi(Value x, Value y) { return RemSIOp.create(b, loc, x, y).result(); }

  public Value floorDivsi(Value x, Value y) { return FloorDivSIOp.create(b, loc, x, y).result(); }

  public Value maxsi(Value x, Value y) { return MaxSIOp.create(b, loc, x, y).result(); }

  public Value minsi(Value x, Value y) { return MinSIOp.create(b, loc, x, y).result(); }

  public Value indexCast(Value x) { return IndexCastOp.create(b, loc, x, IndexType.INSTANCE).result(); }

  public Value andi(Value x, Value y) { return AndIOp.create(b, loc, x, y).result(); }

  public Value shrui(Value x, Value y) { return ShRUIOp.create(b, loc, x, y).result(); }

  // ---- conversions between element types

  public Value extf(Value x, Type to) { return ExtFOp.create(b, loc, x, to).result(); }

  public Value truncf(Value x, Type to) { return TruncFOp.create(b, loc, x, to).result(); }

  public Value sitofp(Value x, Type to) { return SIToFPOp.create(b, loc, x, to).result(); }

  public Value uitofp(Value x, Type to) { return UIToFPOp.create(b, loc, x, to).result(); }

  public Value fptosi(Value x, Type to) { return FPToSIOp.create(b, loc, x, to).result(); }

  public Value fptoui(Value x, Type to) { return FPToUIOp.create(b, loc, x, to).result(); }

  public Value extsi(Value x, Type to) { return ExtSIOp.create(b, loc, x, to).result(); }

  public Value extui(Value x, Type to) { return ExtUIOp.create(b, loc, x, to).result(); }

  public Value trunci(Value x, Type to) { return TruncIOp.create(b, loc, x, to).result(); }

  // ---- math on floats

  public Value exp(Value x) { return ExpOp.create(b, loc, x).result(); }

  public Value log(Value x) { return LogOp.create(b, loc, x).result(); }

  public Value tanh(Value x) { return TanhOp.create(b, loc, x).result(); }

  public Value sqrt(Value x) { return SqrtOp.create(b, loc, x).result(); }

  public Value rsqrt(Value x) { return RsqrtOp.create(b, loc, x).result(); }

  public Value erf(Value x) { return ErfOp.create(b, loc, x).result(); }

  public Value abs(Value x) { return AbsFOp.create(b, loc, x).result(); }

  public Value ceil(Value x) { return CeilOp.create(b, loc, x).result(); }

  public Value floor(Value x) { return FloorOp.create(b, loc, x).result(); }

  public Value roundEven(Value x) { return RoundEvenOp.create(b, loc, x).result(); }

  public Value sin(Value x) { return SinOp.create(b, loc, x).result(); }

  public Value cos(Value x) { return CosOp.create(b, loc, x).result(); }

  public Value powf(Value x, Value y) { return PowFOp.create(b, loc, x, y).result(); }

  // ---- comparisons and selection

  public Value cmp(CmpFPredicate predicate, Value x, Value y) { return CmpFOp.create(b, loc, predicate, x, y).result(); }

  public Value cmp(CmpIPredicate predicate, Value x, Value y) { return CmpIOp.create(b, loc, predicate, x, y).result(); }

  /** {@code lo <= i < hi} for an index. */
  public Value inRange(Value i, long lo, long hi) {
    return and(cmp(CmpIPredicate.SGE, i, index(lo)), cmp(CmpIPredicate.SLT, i, index(hi)));
  }

  /** The conjunction of two i1 values; a null {@code x} stands for true. */
  public Value and(Value x, Value y) {
    return x == null ? y : AndIOp.create(b, loc, x, y).result();
  }

  /** The disjunction of two i1 values. */
  public Value or(Value x, Value y) { return OrIOp.create(b, loc, x, y).result(); }

  /** The exclusive or of two i1 values. */
  public Value xor(Value x, Value y) { return XOrIOp.create(b, loc, x, y).result(); }

  public Value select(Value c, Value x, Value y) { return SelectOp.create(b, loc, c, x, y).result(); }

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

  public Value load(Value memref, List<Value> indices) { return LoadOp.create(b, loc, memref, indices).result(); }

  public void store(Value value, Value memref, List<Value> indices) { StoreOp.create(b, loc, value, memref, indices); }

  /** A 64-byte-aligned buffer (in the loops of one part, {@link #inPart}, the part's slot of one). */
  public Value alloc(MemRefType type) {
    if (part == null) return AllocOp.create(b, loc, type, List.of(), 64).result();
    long bytes = Math.ceilDiv(type.numElements() * DenseElementsAttr.elementBytes(type.element()), 64) * 64;
    Builder.InsertionPoint here = b.insertionPoint();
    b.before(part.loop());
    Slots s = part.outer().slots(part.parts(), bytes, new long[0], IntegerType.I8);
    b.restore(here);
    return ViewOp.create(b, loc, s.buffer(), mul(part.index(), index(s.stride())), type).result();
  }

  public void dealloc(Value memref) { DeallocOp.create(b, loc, memref); }

  /**
   * Unused bytes after each slot of a buffer whose first dimension gives every thread (part)
   * a slot of its own ({@link #allocSlots}, {@link #slots}) where the slots are not placed in
   * the function's slot space, and before the end of each region of that space. A thread that reads its slot
   * with a large stride (the rows of shifted copies or of an im2col, a plane apart) trains the
   * core's stride prefetcher, which then fetches lines well past the slot's end: from the next
   * thread's slot, which that thread is writing. Each such line is taken from the other core
   * and back (the two cores of the two-core Zen 5 machine are on different CCDs, some 230 ns
   * apart). ResNet-50's 7 x 7 stem with its pool took 0.80 of its time on two threads with
   * 256 KB between the slots of its shifted copies (0.90 with 128 KB, 0.96 with 4 KB or 64 KB,
   * deployed A/B).
   */
  public static final long SLOT_GAP_BYTES = 256 << 10;

  /**
   * {@code parts} slots of {@code shape} along a new first dimension: [parts, stride, rest...],
   * shape's first dimension enlarged to the stride from one slot to the next ({@link #slots}:
   * placed in the function's slot space on several threads, else followed by unused bytes,
   * {@link #slotRows}). Index a slot's elements as those of [parts, shape...]: the extra rows
   * are never read or written.
   */
  public Value allocSlots(long parts, long[] shape, Type element) {
    return slotBuffer(parts, shape[0], java.util.Arrays.copyOfRange(shape, 1, shape.length), element, true).buffer();
  }

  /** A buffer of per-thread slots: slot p is rows [p stride, p stride + rows) of {@code buffer}. */
  public record Slots(Value buffer, long stride) {}

  /**
   * {@code parts} slots of {@code rows} rows of {@code rest} each: a buffer [parts * stride,
   * rest...]. Placed by this loops' {@link SlotPlacer} where it fits, else a buffer of its own
   * with {@link #slotRows} rows from one slot to the next.
   */
  public Slots slots(long parts, long rows, long[] rest, Type element) { return slotBuffer(parts, rows, rest, element, false); }

  /** {@link #slots}, the buffer shaped [parts, stride, rest...] when {@code split}. */
  private Slots slotBuffer(long parts, long rows, long[] rest, Type element, boolean split) {
    long rowBytes = DenseElementsAttr.elementBytes(element);
    for (long d : rest) rowBytes *= d;
    Placement p = slots == null ? null : slots.place(this, parts, rows * rowBytes, rowBytes);
    long stride = p != null ? p.strideBytes() / rowBytes : slotRows(parts, rows, rowBytes);
    int lead = split ? 2 : 1;
    long[] shape = new long[rest.length + lead];
    if (split) {
      shape[0] = parts;
      shape[1] = stride;
    } else {
      shape[0] = parts * stride;
    }
    System.arraycopy(rest, 0, shape, lead, rest.length);
    MemRefType type = new MemRefType(shape, element);
    Value buffer = p != null ? ViewOp.create(b, loc, p.space(), index(p.offset()), type).result() : alloc(type);
    return new Slots(buffer, stride);
  }

  /**
   * The rows from one slot to the next in a buffer of {@code parts} slots of {@code rows} rows
   * of {@code rowBytes} bytes each (a flat buffer: rows of one element): {@code rows}, and
   * where parts > 1 enough more, unused, to leave {@link #SLOT_GAP_BYTES} after each slot.
   */
  private static long slotRows(long parts, long rows, long rowBytes) {
    return parts > 1 ? rows + Math.ceilDiv(SLOT_GAP_BYTES, Math.max(1, rowBytes)) : rows;
  }

  /** A contiguous buffer viewed as one dimension (collapse_shape, or expand_shape of a scalar buffer). */
  public Value flatten(Value memref) {
    MemRefType t = (MemRefType) memref.type();
    if (t.rank() == 1) return memref;
    MemRefType flat = new MemRefType(new long[] {t.numElements()}, t.element());
    if (t.rank() == 0) return ExpandShapeOp.create(b, loc, flat, memref).result();
    int[] group = new int[t.rank()];
    for (int d = 0; d < group.length; d++) group[d] = d;
    return CollapseShapeOp.create(b, loc, flat, memref, group).result();
  }

  /**
   * The buffer of a tensor, for loops to read. A tensor of unsigned or signed integers is first
   * cast to its signless twin ({@code builtin.unrealized_conversion_cast}, which bufferize
   * removes), since to_memref keeps the element type.
   */
  public Value toMemref(MemRefType type, Value tensor) {
    RankedTensorType t = (RankedTensorType) tensor.type();
    Value signless = t.element().equals(type.element()) ? tensor
        : UnrealizedConversionCastOp.create(b, loc, List.of(new RankedTensorType(t.shape(), type.element())), List.of(tensor)).result(0);
    return ToMemrefOp.create(b, loc, signless, type).result();
  }

  /** A buffer the loops wrote, handed back to tensor code as a {@code type}, cast back from signless integers if need be. */
  public Value toTensor(Type type, Value memref) {
    Value t = ToTensorOp.create(b, loc, memref).result();
    if (!t.type().equals(type) && type instanceof RankedTensorType r && t.type().equals(new RankedTensorType(r.shape(), signless(r.element())))) {
      t = UnrealizedConversionCastOp.create(b, loc, List.of(type), List.of(t)).result(0);
    }
    if (!t.type().equals(type)) throw new IllegalArgumentException("buffer " + memref.type() + " does not hold a " + type);
    return t;
  }

  // ---- loops

  /** A loop nest over {@code [0, bounds[d])}; the body receives the induction variables. */
  public void forEach(long[] bounds, Consumer<List<Value>> body) {
    nest(bounds, 0, new ArrayList<>(), body);
  }

  /** A loop over [from, to) by {@code step} (none when empty); the body receives the induction variable. */
  public void forRange(Value from, Value to, long step, Consumer<Value> body) {
    ForOp.create(b, loc, from, to, index(step), List.of(), (in, v, args) -> {
      body.accept(v);
      return List.of();
    });
  }

  /**
   * A loop nest like {@link #forEach} whose iterations write disjoint outputs and read nothing
   * another one writes. When it is {@link #worthParallel} (its elements times
   * {@code workPerElement}, the element operations of one iteration: loads, stores and
   * arithmetic steps, a multiply-add counting once), its outer loops become one scf.parallel: the fewest that give
   * every thread four iterations or more, leaving the inner loops (the innermost one above all,
   * which LLVM vectorizes) as scf.for inside. Dimensions of size 1 take no part in it.
   */
  public void parallelForEach(long[] bounds, long workPerElement, Consumer<List<Value>> body) {
    parallelForEach(bounds, workPerElement, false, body);
  }

  /**
   * {@link #parallelForEach}, parallel also below {@link #worthParallel} when
   * {@code beforeParallel}: the nest is followed at once by a parallel region (the copies of an
   * image that a parallel product reads), so that run serially it would leave the team's other
   * threads waiting, awake, while a region of its own costs them a few microseconds. On two
   * threads the OCR CNN's serial copies kept one thread waiting for 15% of a run.
   */
  public void parallelForEach(long[] bounds, long workPerElement, boolean beforeParallel, Consumer<List<Value>> body) {
    int outer = parallelDims(bounds, workPerElement, beforeParallel);
    if (outer == 0) {
      forEach(bounds, body);
      return;
    }
    List<Value> lbs = new ArrayList<>();
    List<Value> ubs = new ArrayList<>();
    for (int d = 0; d < outer; d++) {
      if (bounds[d] == 1) continue;
      lbs.add(index(0));
      ubs.add(index(bounds[d]));
    }
    List<Value> steps = java.util.Collections.nCopies(lbs.size(), index(1));
    ParallelOp.create(b, loc, lbs, ubs, steps, List.of(), (in, args) -> {
      List<Value> ivs = new ArrayList<>();
      int k = 0;
      for (int d = 0; d < outer; d++) ivs.add(bounds[d] == 1 ? index(0) : args.get(k++));
      nest(bounds, outer, ivs, body);
      return List.of();
    });
  }

  /** The items [from, to) of one part of a parallel loop. */
  public record Run(Value from, Value to) {}

  /**
   * Part {@code p}'s run of {@code n} items dealt to {@code parts} parts in order:
   * [p n / parts, (p + 1) n / parts), sizes differing by at most one.
   */
  public Run runOf(Value p, long n, long parts) {
    return new Run(divui(mul(p, index(n)), index(parts)), divui(mul(add(p, index(1)), index(n)), index(parts)));
  }

  /** One scf.parallel over {@code [lb, ub)} by {@code step}, whatever its work: for callers that decided themselves. */
  public void parallelFor(Value lb, Value ub, Value step, Consumer<Value> body) {
    ParallelOp.create(b, loc, List.of(lb), List.of(ub), List.of(step), List.of(), (in, args) -> {
      body.accept(args.getFirst());
      return List.of();
    });
  }

  /** The outer dimensions of a nest that go parallel: 0 when it is not worth it or has at most one iteration. */
  private int parallelDims(long[] bounds, long workPerElement, boolean beforeParallel) {
    double elements = 1;
    for (long n : bounds) elements *= n;
    if (elements < 2 || threads == 1 || !(beforeParallel || worthParallel(elements * workPerElement))) return 0;
    long outer = 1;
    for (int d = 0; d < bounds.length; d++) {
      outer *= bounds[d];
      if (outer >= 4L * threads) return d + 1;
    }
    return bounds.length;
  }

  private void nest(long[] bounds, int d, List<Value> ivs, Consumer<List<Value>> body) {
    if (d == bounds.length) {
      body.accept(ivs);
      return;
    }
    ForOp.create(b, loc, index(0), index(bounds[d]), index(1), List.of(), (in, iv, args) -> {
      ivs.add(iv);
      nest(bounds, d + 1, ivs, body);
      ivs.removeLast();
      return List.of();
    });
  }

  /**
   * A loop over {@code [0, n)} carrying several values; {@code step} maps the induction
   * variable and the carried values to their next values. Returns the final values.
   */
  public List<Value> iterate(long n, List<Value> init, BiFunction<Value, List<Value>, List<Value>> step) {
    ForOp loop = ForOp.create(b, loc, index(0), index(n), index(1), init, (in, iv, args) -> step.apply(iv, new ArrayList<>(args)));
    return new ArrayList<>(loop.results());
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
    ForOp loop = ForOp.create(b, loc, index(0), index(bounds[d]), index(1), List.of(acc), (in, iv, args) -> {
      ivs.add(iv);
      Value next = reduceNest(bounds, d + 1, ivs, args.getFirst(), step);
      ivs.removeLast();
      return List.of(next);
    });
    return loop.result(0);
  }
}
