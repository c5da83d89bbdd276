package dev.sol.lowering.nn2loops;

import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.memref.ViewOp;
import dev.sol.dialect.nn.ConcatOp;
import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge between tensor code and the loops' buffers while convert-nn-to-loops runs: a
 * tensor operand is read through one {@code bufferization.to_memref}, made before the first
 * op that reads it; a lowered result is handed back through one
 * {@code bufferization.to_tensor} right after its loops, and later patterns read the buffer
 * behind it directly.
 *
 * <p>The dialect conversion's type converter does not fit here: its materializations would
 * make a to_memref for every use and a to_tensor in front of every unconverted user, so the
 * patterns convert no types and ask this bridge instead. It lives as long as one run of the
 * pass.
 */
public final class Buffers {
  private final Operation module;
  private final TargetDescription target;
  private final Map<Value, Value> memrefOf = new IdentityHashMap<>();
  private final int[] tables = {0};
  private final Map<ConcatOp, Value> concats = new IdentityHashMap<>();
  private final Map<ConcatOp, boolean[]> placed = new IdentityHashMap<>();

  /** The bridge for loops on one thread. */
  public Buffers(Operation module) { this(module, TargetDescription.SCALAR); }

  /** The bridge for loops on {@code target}, whose threads the loops may use. */
  public Buffers(Operation module, TargetDescription target) {
    this.module = module;
    this.target = target;
  }

  /** The loop vocabulary at the builder's insertion point, with the target's threads. */
  Loops loops(Builder b, Location loc, boolean unsigned) {
    return new Loops(b, loc, unsigned, target.threads(), target.parallelWork(), target.threads() > 1 ? new OpSlots() : null);
  }

  /**
   * The bytes of each thread's region of a function's slot space ({@link OpSlots}): room for the
   * scratch of the layers that run from the caches (ResNet-50's on two threads take at most
   * 1.3 MB a thread), twice L2 at least.
   */
  private long region() { return Math.max(2L << 20, 2 * target.l2Bytes()); }

  /** A function's space for per-thread slots ({@link OpSlots}), and the bytes its slots reach. */
  private static final class SlotSpace {
    IRContext context;
    AllocOp alloc;
    long extent;
  }

  private final Map<Operation, SlotSpace> spaces = new IdentityHashMap<>();

  /** The slot space of the function that {@code l} builds in, allocated at the top of its body for threads + 1 regions. */
  private SlotSpace space(Loops l) {
    Operation f = l.builder().insertionBlock().parentOp();
    while (!(f instanceof FuncOp)) f = f.parentOp();
    SlotSpace space = spaces.computeIfAbsent(f, key -> new SlotSpace());
    // A pattern that failed had its allocation rolled back (it left its block): make another.
    if (space.alloc == null || space.alloc.parentBlock() == null) {
      space.context = l.builder().context();
      Builder top = new Builder(space.context);
      top.setListener(l.builder().listener());
      top.before(f.region(0).entryBlock().operations().getFirst());
      space.alloc = AllocOp.create(top, l.location(), new MemRefType(new long[] {(target.threads() + 1) * region()}, IntegerType.I8), List.of(), 64);
    }
    return space;
  }

  /** After the conversion: each slot space cut down to the bytes its slots reach (gone where no slot is left in it). */
  public void finish() {
    for (SlotSpace space : spaces.values()) {
      AllocOp old = space.alloc;
      if (old == null || old.parentBlock() == null) continue;
      if (old.result().users().isEmpty()) {
        old.erase();
        continue;
      }
      if (old.memrefType().shape()[0] <= space.extent) continue;
      Builder b = new Builder(space.context).before(old);
      AllocOp cut = AllocOp.create(b, old.location(), new MemRefType(new long[] {space.extent}, IntegerType.I8), List.of(), 64);
      old.result().replaceAllUsesWith(cut.result());
      old.erase();
      space.alloc = cut;
    }
  }

  /**
   * The per-thread slots of one op's loops ({@link Loops#slots}), on several threads: slot p of
   * every buffer in region p of the function's slot space, the op's buffers one after the other
   * from the region's start. Part p is thread p (a loop over the parts hands thread p its own
   * iteration first, unless a faster thread has taken it; {@link #threadIndex} names the
   * thread), so whatever the op, a thread writes its scratch into lines it wrote for the ops
   * before, which its own core's caches hold. Planned with the other temporaries instead, a
   * slot took arena bytes that the other core had written last (a tensor or another op's slot),
   * and each of its lines came from there first: the two cores of the two-core Zen 5 machine
   * are on different CCDs. Deployed A/B on two threads against that: DenseNet-121
   * 0.942-0.950, SqueezeNet 0.966-0.978, ResNet-50 0.975-0.990, MobileNet-v1 0.986, the other
   * networks measured within 1%; with the regions swapped from op to op (the same space, no
   * affinity), ResNet-50 1.020 against this. (On one thread there is nothing to keep apart, and
   * the slots stay with the other temporaries: ResNet-50 1.011 and SqueezeNet 1.004 with the
   * space.) A slot that does not fit in what is left of the region (less a gap before the next,
   * {@link Loops#SLOT_GAP_BYTES}) is a buffer of its own.
   */
  private final class OpSlots implements Loops.SlotPlacer {
    private long used;

    @Override public Loops.Placement place(Loops l, long parts, long slotBytes, long rowBytes) {
      if (parts != target.threads()) return null;
      long region = region();
      // Slot p starts p strides after the first, a stride the least whole rows from one region
      // to the next: each later slot is drifted (stride - region) more, which the slots after
      // it leave room for.
      long stride = Math.ceilDiv(region, rowBytes) * rowBytes;
      long need = (slotBytes + (parts - 1) * (stride - region) + 63) / 64 * 64;
      if (used + need > region - Loops.SLOT_GAP_BYTES || used + parts * stride > (parts + 1) * region) return null;
      long offset = used;
      used += need;
      SlotSpace space = space(l);
      space.extent = Math.max(space.extent, offset + parts * stride);
      return new Loops.Placement(space.alloc.result(), offset, stride);
    }
  }

  /** The buffer behind {@code tensor}, read by {@code user}'s loops. */
  Value read(Loops l, Value tensor, Operation user) {
    Value m = memrefOf.get(tensor);
    // A pattern that failed had its to_memref rolled back (it left its block): make another.
    if (m == null || m instanceof OpResult r && r.owner().parentBlock() == null) {
      m = l.toMemref(ConvertNnToLoopsPass.bufferType(tensor, user), tensor);
      memrefOf.put(tensor, m);
    }
    return m;
  }

  /** The buffer {@code memref}, which the loops wrote, as a tensor of {@code type}. */
  Value written(Loops l, Type type, Value memref) {
    Value t = l.toTensor(type, memref);
    memrefOf.put(t, memref);
    return t;
  }

  /**
   * The buffer that {@code op}'s loops write result {@code r} into: a new allocation, or a slab
   * of the buffer of the nn.concat that is its only user ({@link #slab}), or for that concat
   * the whole of its buffer.
   */
  Value output(Loops l, Operation op, OpResult r) { return output(l, op, r, false); }

  /**
   * {@link #output(Loops, Operation, OpResult)} for a lowering that writes any strided buffer
   * whose last two dimensions stay contiguous (the fused convolutions: they index the result as
   * [image, channel, pixel], the pixels a collapse of the rows and columns): when
   * {@code strided}, a slab of a concat that is not contiguous is placed too, if the concat's
   * axis is not the last (channels or rows at batch 4; a slab of columns is not contiguous
   * along its rows).
   */
  Value output(Loops l, Operation op, OpResult r, boolean strided) {
    MemRefType type = ConvertNnToLoopsPass.bufferType(r, op);
    if (op instanceof ConcatOp c && concats.containsKey(c)) return view(l, c, 0, type);
    Value slab = slab(l, r, type, strided);
    return slab != null ? slab : l.alloc(type);
  }

  /**
   * Concat as writes into slabs of one buffer: when {@code r}'s only user is an nn.concat, the
   * producer writes its slab of the concat's buffer in place and the concat copies only its
   * other operands. A contiguous slab (every dimension before the axis is 1, as for channels at
   * batch 1) is a memref.view at the slab's byte offset, of identity layout, so that every
   * lowering writes it as it would its own buffer; any other slab (channels at batch 4) is a
   * memref.subview of the whole, of strided layout, and only for a lowering that takes one
   * ({@code strided}): copied by the concat, SqueezeNet's slabs at batch 4 took 7% of its
   * time. The concat's buffer is a byte buffer allocated where the first of its producers is
   * lowered (the conversion runs in program order, so it dominates the others and the concat);
   * bufferize and memory-plan see its lifetime through the views. Null when {@code r} cannot
   * be placed so.
   */
  private Value slab(Loops l, OpResult r, MemRefType type, boolean strided) {
    if (!r.hasOneUse()) return null;
    OpOperand use = r.uses().iterator().next();
    if (!(use.owner() instanceof ConcatOp c)) return null;
    Operation producer = r.owner();
    if (c.parentBlock() != producer.parentBlock() || c.numOperands() < 2 || !(c.result(0).type() instanceof RankedTensorType whole)
        || !whole.hasStaticShape()) {
      return null;
    }
    int axis = c.axis() < 0 ? c.axis() + whole.rank() : c.axis();
    boolean contiguous = true;
    for (int d = 0; d < axis; d++) contiguous &= whole.shape()[d] == 1;
    if (!contiguous && (!strided || axis > whole.rank() - 2)) return null;
    long inner = 1;
    for (int d = axis + 1; d < whole.rank(); d++) inner *= whole.shape()[d];
    int index = use.index();
    long before = 0;
    for (int i = 0; i < index; i++) {
      if (!(c.operand(i).type() instanceof RankedTensorType t) || !t.hasStaticShape()) return null;
      before += t.shape()[axis];
    }
    placed.computeIfAbsent(c, k -> new boolean[c.numOperands()])[index] = true;
    if (!contiguous) {
      long[] offsets = new long[whole.rank()];
      offsets[axis] = before;
      return SubViewOp.create(l.builder(), l.location(), view(l, c, 0, ConvertNnToLoopsPass.bufferType(c.result(0), c)), offsets, List.of(), type.shape())
          .result();
    }
    long elementBytes = DenseElementsAttr.elementBytes(type.element());
    return view(l, c, before * inner * elementBytes, type);
  }

  /** A view of {@code type} at {@code byteOffset} into the byte buffer of concat {@code c}, allocated on first use. */
  private Value view(Loops l, ConcatOp c, long byteOffset, MemRefType type) {
    Value buffer = concats.get(c);
    // A pattern that failed had its allocation rolled back (it left its block): make another.
    if (buffer == null || buffer instanceof OpResult res && res.owner().parentBlock() == null) {
      MemRefType whole = ConvertNnToLoopsPass.bufferType(c.result(0), c);
      long bytes = whole.numElements() * DenseElementsAttr.elementBytes(whole.element());
      buffer = l.alloc(new MemRefType(new long[] {bytes}, IntegerType.I8));
      concats.put(c, buffer);
    }
    return ViewOp.create(l.builder(), l.location(), buffer, l.index(byteOffset), type).result();
  }

  /** Which operands of {@code concat} its producers wrote in place (null: none). */
  boolean[] placed(ConcatOp concat) { return placed.get(concat); }

  /** A constant table for {@code user}'s loops: a private memref.global before its function, read with memref.get_global at the insertion point. */
  Value table(Loops l, DenseElementsAttr value, Operation user) {
    Operation function = user;
    while (function.parentOp() != module) function = function.parentOp();
    return ConvertNnToLoopsPass.global(l.builder().context(), l.builder(), function, value, user.location(), tables);
  }

  /** The OpenMP runtime's function that gives the calling thread's number in its team. */
  public static final String THREAD_NUM = "omp_get_thread_num";

  /**
   * The number of the thread that runs the enclosing parallel iteration, as an index: a call of
   * {@code omp_get_thread_num() -> i32}, declared private before {@code user}'s function once.
   * Code that keeps a scratch slot per thread indexes it with this, so that its parallel loop
   * can have more iterations than threads and a faster thread can take a slower one's last
   * ones (see the OpenMP emitter's ranges): an iteration runs whole on one thread, and the
   * threads of a team have distinct numbers below the team's size, at most the threads the code
   * was made for. Outside a parallel region, and in the interpreter, which runs parallel loops
   * serially, it is 0.
   */
  Value threadIndex(Loops l, Operation user) {
    FunctionType type = new FunctionType(List.of(), List.of(IntegerType.I32));
    Operation existing = Symbols.lookupIn(module, THREAD_NUM);
    if (existing == null) {
      Operation function = user;
      while (function.parentOp() != module) function = function.parentOp();
      Builder top = new Builder(l.builder().context());
      top.setListener(l.builder().listener());
      FuncOp.declare(top.before(function), user.location(), THREAD_NUM, type);
    } else if (!(existing instanceof FuncOp f && f.functionType().equals(type))) {
      throw new Unsupported("@" + THREAD_NUM + " is in the way of the loops on threads, which declare it as " + type);
    }
    return l.indexCast(CallOp.create(l.builder(), l.location(), THREAD_NUM, List.of(IntegerType.I32), List.of()).results().getFirst());
  }

  /** How many table names were handed out. */
  public int tables() { return tables[0]; }
}
