package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.memref.*;
import dev.sol.ir.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.*;

/**
 * memref operations on static shapes. A memref value is a pointer to its first element;
 * views (subview, casts, reshapes) are pointers too, since strides are static.
 */
final class MemRefEmitter {
  private final LlvmEmitter e;
  private final Map<String, LLVMValueRef> globals = new HashMap<>();

  MemRefEmitter(LlvmEmitter e) { this.e = e; }

  /**
   * A memref.global as a 64-byte-aligned byte array holding its initial value; internal unless
   * it is public, which the JIT's users can then find by name (profiling counters).
   */
  void global(GlobalOp op) {
    MemRefType type = op.type();
    int eb = DenseElementsAttr.elementBytes(type.element());
    long bytes = type.numElements() * eb;
    byte[] data = data(op, bytes, eb);
    LLVMContextRef ctx = e.context();
    if (e.external() != null && op.isConstant() && bytes >= ExternalConstants.MIN_BYTES) {
      // Declared only: the caller defines the symbol with the data (see ExternalConstants).
      String symbol = "sol.const." + op.symName();
      LLVMValueRef g = LLVMAddGlobal(e.module(), LLVMArrayType2(LLVMInt8TypeInContext(ctx), bytes), symbol);
      LLVMSetGlobalConstant(g, 1);
      LLVMSetLinkage(g, LLVMExternalLinkage);
      LLVMSetAlignment(g, 64);
      e.external().add(symbol, data);
      globals.put(op.symName(), g);
      return;
    }
    boolean shared = !op.isConstant() || op.visibility().equals("public");
    if (shared && e.partition().isSplit() && !e.partition().isFirst()) {
      // Defined by the first partition, the one copy every partition reads and writes.
      LLVMValueRef g = LLVMAddGlobal(e.module(), LLVMArrayType2(LLVMInt8TypeInContext(ctx), bytes), op.symName());
      LLVMSetLinkage(g, LLVMExternalLinkage);
      LLVMSetAlignment(g, 64);
      globals.put(op.symName(), g);
      return;
    }
    LLVMValueRef init = LLVMConstStringInContext(ctx, new BytePointer(data), data.length, 1);
    LLVMValueRef g = LLVMAddGlobal(e.module(), LLVMArrayType2(LLVMInt8TypeInContext(ctx), bytes), op.symName());
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, op.isConstant() ? 1 : 0);
    LLVMSetLinkage(g, op.visibility().equals("public") || (shared && e.partition().isSplit()) ? LLVMExternalLinkage : LLVMInternalLinkage);
    LLVMSetAlignment(g, 64);
    globals.put(op.symName(), g);
  }

  /** A global's initial bytes: its dense value's own array when it holds every element (not copied: nobody writes it), else expanded. */
  private static byte[] data(GlobalOp op, long bytes, int eb) {
    if (op.initialValue() instanceof DenseElementsAttr d && !d.isSplat() && d.rawData().length == bytes) return d.rawData();
    byte[] data = new byte[(int) bytes];
    if (op.initialValue() instanceof DenseElementsAttr d) {
      byte[] raw = d.rawData();
      if (d.isSplat()) for (int i = 0; i < data.length; i += eb) System.arraycopy(raw, 0, data, i, eb);
      else System.arraycopy(raw, 0, data, 0, data.length);
    }
    return data;
  }

  /** Emits {@code op} if it is a memref op this emitter knows; false otherwise. */
  boolean emit(Operation op) {
    LLVMBuilderRef b = e.builder();
    switch (op) {
      case LoadOp l -> {
        LLVMValueRef load = LLVMBuildLoad2(b, e.type(l.result().type()), address(l.memref(), l.indices()), "");
        e.tag(load, l.memref());
        e.bind(l.result(), load);
      }
      case StoreOp s -> e.tag(LLVMBuildStore(b, e.v(s.value()), address(s.memref(), s.indices())), s.memref());
      case PrefetchOp p -> e.intrinsic("llvm.prefetch", new LLVMTypeRef[] {LLVMPointerTypeInContext(e.context(), 0)}, address(p.memref(), p.indices()),
          e.i32(p.isWrite() ? 1 : 0), e.i32(p.localityHint()), e.i32(p.isDataCache() ? 1 : 0));
      case AllocOp a -> e.bind(a.result(), alloc((MemRefType) a.result().type()));
      case AllocaOp a -> e.bind(a.result(), alloca((MemRefType) a.result().type()));
      case DeallocOp d -> e.callRuntime("free", LLVMVoidTypeInContext(e.context()), e.v(d.memref()));
      case GetGlobalOp g -> {
        LLVMValueRef global = globals.get(g.nameRef().root());
        if (global == null) throw new CodegenException("unknown global " + g.nameRef());
        e.bind(g.result(), global);
      }
      case CastOp c -> e.bind(c.result(), e.v(c.source()));
      case ReshapeOp r -> e.bind(r.result(), e.v(r.source()));
      case CollapseShapeOp c -> e.bind(c.result(), e.v(c.src()));
      case ExpandShapeOp x -> e.bind(x.result(), e.v(x.src()));
      case SubViewOp s -> e.bind(s.result(), subview(s));
      case ViewOp v -> e.bind(v.result(), LLVMBuildGEP2(b, LLVMInt8TypeInContext(e.context()), e.v(v.source()), ptrs(e.v(v.byteShift())), 1, "view"));
      case CopyOp c -> {
        MemRefType m = (MemRefType) c.source().type();
        long bytes = m.numElements() * DenseElementsAttr.elementBytes(m.element());
        LLVMBuildMemCpy(b, e.v(c.target()), 1, e.v(c.source()), 1, e.i64(bytes));
      }
      case DimOp d -> {
        if (!(d.index().definingOp() != null && d.index().definingOp().attribute("value") instanceof IntegerAttr i)) {
          throw new CodegenException("memref.dim with a computed dimension index is not supported");
        }
        e.bind(d.result(), e.i64(((MemRefType) d.source().type()).shape()[(int) i.value()]));
      }
      default -> { return false; }
    }
    return true;
  }

  private static long bytes(MemRefType m) {
    return Math.max(1, m.numElements() * DenseElementsAttr.elementBytes(m.element()));
  }

  /** Heap buffers come from aligned_alloc, 64-byte aligned, the size rounded up to the alignment as C requires. */
  private LLVMValueRef alloc(MemRefType m) {
    return e.callRuntime("aligned_alloc", e.ptrType(), e.i64(64), e.i64((bytes(m) + 63) / 64 * 64));
  }

  /**
   * Stack memory in the entry block of the function being emitted (an OpenMP body's own, on a
   * worker), so that the loops around a scratch buffer reuse it instead of growing the stack
   * on every iteration: SOL's allocas are per-iteration scratch (a pooling row, a tile).
   */
  private LLVMValueRef alloca(MemRefType m) {
    LLVMValueRef a = e.entryAlloca(LLVMArrayType2(LLVMInt8TypeInContext(e.context()), bytes(m)), "buf");
    LLVMSetAlignment(a, 64);
    return a;
  }

  /** A pointer to the subview's first element: the source pointer plus the offsets times the source's strides. */
  private LLVMValueRef subview(SubViewOp s) {
    MemRefType src = (MemRefType) s.source().type();
    long[] offs = s.staticOffsets();
    long[] st = strides(src);
    List<Value> dynamic = s.offsets();
    LLVMBuilderRef b = e.builder();
    LLVMValueRef linear = e.i64(0);
    int k = 0;
    for (int d = 0; d < offs.length; d++) {
      LLVMValueRef o = offs[d] == ShapedType.DYNAMIC ? e.v(dynamic.get(k++)) : e.i64(offs[d]);
      linear = LLVMBuildNSWAdd(b, linear, LLVMBuildNSWMul(b, o, e.i64(st[d]), ""), "");
    }
    return LLVMBuildInBoundsGEP2(b, e.type(src.element()), e.v(s.source()), ptrs(linear), 1, "view");
  }

  /** Static strides of a memref type (identity or strided layout). */
  static long[] strides(MemRefType m) {
    long[] st = m.staticStrides();
    if (st == null) throw new CodegenException("only static strides (identity or strided layouts) are supported by code generation: " + m);
    return st;
  }

  /**
   * The address of element {@code indices} of a memref value (its pointer already points at the
   * offset). The index arithmetic is nsw and the GEP inbounds, as for any access to memory inside
   * the buffer (an access outside is undefined anyway, or caught first with --check-bounds):
   * without them LLVM's loop vectorizer cannot prove that an address steps by one element per
   * iteration, and a row loop of a max pool became gathers.
   */
  LLVMValueRef address(Value memref, List<Value> indices) {
    MemRefType m = (MemRefType) memref.type();
    long[] st = strides(m);
    LLVMBuilderRef b = e.builder();
    LLVMTypeRef element = e.type(m.element());
    // One GEP per dimension whose index varies, as Clang addresses a[i][j]: a sum of all terms
    // became (after InstCombine and LICM) an `or` of the row's base and the column that LLVM's
    // loop vectorizer could not see as consecutive, and a max pool's row loop became gathers.
    LLVMValueRef address = e.v(memref);
    long constant = 0;
    for (int d = 0; d < indices.size(); d++) {
      Long c = dev.sol.dialect.arith.ConstantOp.integerValue(indices.get(d));
      if (c != null) {
        constant += c * st[d];
        continue;
      }
      LLVMValueRef term = st[d] == 1 ? e.v(indices.get(d)) : LLVMBuildNSWMul(b, e.v(indices.get(d)), e.i64(st[d]), "");
      address = LLVMBuildInBoundsGEP2(b, element, address, ptrs(term), 1, "addr");
    }
    return constant == 0 ? address : LLVMBuildInBoundsGEP2(b, element, address, ptrs(e.i64(constant)), 1, "addr");
  }
}
