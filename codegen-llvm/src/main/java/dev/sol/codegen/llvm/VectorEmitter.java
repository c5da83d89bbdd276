package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.vector.*;
import dev.sol.ir.*;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.*;

/**
 * 1-D vector operations; loads and stores are contiguous along the memref's last dimension,
 * and transfers that may run past its end become LLVM's masked loads and stores.
 */
final class VectorEmitter {
  private final LlvmEmitter e;

  VectorEmitter(LlvmEmitter e) { this.e = e; }

  /** Emits {@code op} if it is a vector op this emitter knows; false otherwise. */
  boolean emit(Operation op) {
    LLVMBuilderRef b = e.builder();
    switch (op) {
      case LoadOp l -> {
        VectorType vt = oneDimensional(l, (VectorType) l.result().type());
        LLVMValueRef load = LLVMBuildLoad2(b, e.type(vt), e.memref().address(l.base(), l.indices()), "");
        LLVMSetAlignment(load, DenseElementsAttr.elementBytes(vt.element()));
        e.tag(load, l.base());
        e.bind(l.result(), load);
      }
      case StoreOp s -> {
        VectorType vt = oneDimensional(s, (VectorType) s.valueToStore().type());
        LLVMValueRef store = LLVMBuildStore(b, e.v(s.valueToStore()), e.memref().address(s.base(), s.indices()));
        LLVMSetAlignment(store, DenseElementsAttr.elementBytes(vt.element()));
        e.tag(store, s.base());
      }
      case TransferReadOp t -> e.bind(t.result(), transferRead(t));
      case TransferWriteOp t -> transferWrite(t);
      case BroadcastOp o -> e.bind(o.result(), broadcast(o, o.source()));
      case SplatOp o -> e.bind(o.result(), broadcast(o, o.input()));
      case FMAOp o -> e.bind(o.result(), e.intrinsic("llvm.fma", e.type(o.result().type()), e.v(o.lhs()), e.v(o.rhs()), e.v(o.acc())));
      case ExtractElementOp o -> e.bind(o.result(), LLVMBuildExtractElement(b, e.v(o.vector()), index(o.position()), ""));
      case InsertElementOp o -> e.bind(o.result(), LLVMBuildInsertElement(b, e.v(o.dest()), e.v(o.source()), index(o.position()), ""));
      case ExtractOp o -> {
        oneDimensional(o, (VectorType) o.vector().type());
        e.bind(o.result(), LLVMBuildExtractElement(b, e.v(o.vector()), e.i64(single(o, o.position())), ""));
      }
      case InsertOp o -> {
        oneDimensional(o, (VectorType) o.dest().type());
        e.bind(o.result(), LLVMBuildInsertElement(b, e.v(o.dest()), e.v(o.source()), e.i64(single(o, o.position())), ""));
      }
      case ReductionOp r -> e.bind(r.result(), reduction(r));
      case ShuffleOp o -> e.bind(o.result(), shuffle(o));
      default -> { return false; }
    }
    return true;
  }

  /** vector.shuffle: LLVM's shufflevector with the mask as a constant vector of i32. */
  private LLVMValueRef shuffle(ShuffleOp o) {
    long[] mask = o.mask();
    PointerPointer<LLVMValueRef> lanes = new PointerPointer<>(mask.length);
    for (int i = 0; i < mask.length; i++) lanes.put(i, LLVMConstInt(LLVMInt32TypeInContext(e.context()), mask[i], 0));
    LLVMValueRef maskVector = LLVMConstVector(lanes, mask.length);
    return LLVMBuildShuffleVector(e.builder(), e.v(o.v1()), e.v(o.v2()), maskVector, "");
  }

  /** vector.transfer_read: a plain load when in bounds, else a masked load whose lanes past the end read the padding. */
  private LLVMValueRef transferRead(TransferReadOp t) {
    VectorType vt = checkTransfer(t, t.source(), t.permutationMap(), t.mask(), (VectorType) t.result().type());
    LLVMBuilderRef b = e.builder();
    LLVMValueRef address = e.memref().address(t.source(), t.indices());
    int align = DenseElementsAttr.elementBytes(vt.element());
    LLVMValueRef load;
    if (t.inBounds()[0]) {
      load = LLVMBuildLoad2(b, e.type(vt), address, "");
      LLVMSetAlignment(load, align);
    } else {
      load = e.intrinsic("llvm.masked.load", new LLVMTypeRef[] {e.type(vt), e.ptrType()}, address, i32(align),
          laneMask(t.source(), t.indices(), vt), splat(vt, e.v(t.padding())));
    }
    e.tag(load, t.source());
    return load;
  }

  /** vector.transfer_write: a plain store when in bounds, else a masked store that leaves the lanes past the end alone. */
  private void transferWrite(TransferWriteOp t) {
    VectorType vt = checkTransfer(t, t.source(), t.permutationMap(), t.mask(), (VectorType) t.vector().type());
    LLVMValueRef address = e.memref().address(t.source(), t.indices());
    int align = DenseElementsAttr.elementBytes(vt.element());
    LLVMValueRef store;
    if (t.inBounds()[0]) {
      store = LLVMBuildStore(e.builder(), e.v(t.vector()), address);
      LLVMSetAlignment(store, align);
    } else {
      store = e.intrinsic("llvm.masked.store", new LLVMTypeRef[] {e.type(vt), e.ptrType()}, e.v(t.vector()), address, i32(align),
          laneMask(t.source(), t.indices(), vt));
    }
    e.tag(store, t.source());
  }

  /** The transfers code generation handles: 1-D, on a memref, along its last dimension, without a mask operand. */
  private static VectorType checkTransfer(Operation op, Value source, AffineMap map, Value mask, VectorType vt) {
    oneDimensional(op, vt);
    if (vt.isScalable()) throw new CodegenException("'" + op.name() + "' on a scalable vector is not supported by code generation");
    if (!(source.type() instanceof MemRefType m)) throw new CodegenException("'" + op.name() + "' on a tensor: bufferize first");
    boolean minorIdentity = map.numSymbols() == 0 && map.results().size() == 1
        && map.results().getFirst() instanceof AffineExpr.Dim d && d.position() == m.rank() - 1;
    if (!minorIdentity) throw new CodegenException("'" + op.name() + "' with permutation map " + map + " is not supported by code generation");
    if (mask != null) throw new CodegenException("'" + op.name() + "' with a mask operand is not supported by code generation");
    return vt;
  }

  /** Lane i is on when the last index plus i is still inside the memref's last dimension. */
  private LLVMValueRef laneMask(Value memref, java.util.List<Value> indices, VectorType vt) {
    MemRefType m = (MemRefType) memref.type();
    int lanes = (int) vt.numElements();
    LLVMValueRef[] steps = new LLVMValueRef[lanes];
    for (int i = 0; i < lanes; i++) steps[i] = e.i64(i);
    VectorType indexVector = new VectorType(new long[] {lanes}, IndexType.INSTANCE);
    LLVMBuilderRef b = e.builder();
    LLVMValueRef at = LLVMBuildAdd(b, splat(indexVector, e.v(indices.getLast())), LLVMConstVector(LlvmNative.ptrs(steps), lanes), "");
    return LLVMBuildICmp(b, LLVMIntSLT, at, splat(indexVector, e.i64(m.shape()[m.rank() - 1])), "lanes");
  }

  private LLVMValueRef i32(int v) { return LLVMConstInt(LLVMInt32TypeInContext(e.context()), v, 0); }

  private static VectorType oneDimensional(Operation op, VectorType vt) {
    if (vt.rank() != 1) throw new CodegenException("'" + op.name() + "' on " + vt + ": only 1-D vectors are supported by code generation");
    return vt;
  }

  /** A dynamic position, or 0 for a 0-D vector's only element. */
  private LLVMValueRef index(Value position) {
    return position != null ? e.v(position) : e.i64(0);
  }

  private static long single(Operation op, long[] position) {
    if (position.length != 1) throw new CodegenException("'" + op.name() + "' needs exactly one position on a 1-D vector");
    return position[0];
  }

  /** vector.broadcast and vector.splat: a scalar to every lane, or a vector to itself. */
  private LLVMValueRef broadcast(Operation op, Value source) {
    VectorType vt = oneDimensional(op, (VectorType) op.result(0).type());
    if (source.type() instanceof VectorType) {
      if (!source.type().equals(vt)) throw new CodegenException("'" + op.name() + "' from a vector is supported only between equal types");
      return e.v(source);
    }
    return splat(vt, e.v(source));
  }

  /** {@code scalar} in every lane: an insert into lane 0 and a shuffle with an all-zero mask. */
  LLVMValueRef splat(VectorType vt, LLVMValueRef scalar) {
    LLVMBuilderRef b = e.builder();
    LLVMValueRef one = LLVMBuildInsertElement(b, LLVMGetUndef(e.type(vt)), scalar, e.i64(0), "");
    LLVMTypeRef maskType = e.vectorType(vt, LLVMInt32TypeInContext(e.context()));
    return LLVMBuildShuffleVector(b, one, LLVMGetUndef(e.type(vt)), LLVMConstNull(maskType), "splat");
  }

  /** vector.reduction with MLIR's combining kinds; floats reduce in order (no reassociation). */
  private LLVMValueRef reduction(ReductionOp op) {
    VectorType vt = oneDimensional(op, (VectorType) op.vector().type());
    LLVMTypeRef vty = e.type(vt);
    LLVMTypeRef et = e.type(vt.element());
    LLVMValueRef x = e.v(op.vector());
    LLVMValueRef acc = op.acc() != null ? e.v(op.acc()) : null;
    boolean isFloat = vt.element() instanceof FloatType;
    LLVMBuilderRef b = e.builder();
    return switch (op.kind()) {
      case ADD -> isFloat
          ? e.intrinsic("llvm.vector.reduce.fadd", vty, acc != null ? acc : LLVMConstReal(et, -0.0), x)
          : LLVMBuildAdd(b, e.intrinsic("llvm.vector.reduce.add", vty, x), acc == null ? LLVMConstInt(et, 0, 0) : acc, "");
      case MUL -> isFloat
          ? e.intrinsic("llvm.vector.reduce.fmul", vty, acc != null ? acc : LLVMConstReal(et, 1), x)
          : LLVMBuildMul(b, e.intrinsic("llvm.vector.reduce.mul", vty, x), acc == null ? LLVMConstInt(et, 1, 0) : acc, "");
      case MAXF -> {
        LLVMValueRef r = e.intrinsic("llvm.vector.reduce.fmaximum", vty, x);
        yield acc == null ? r : e.intrinsic("llvm.maximum", et, r, acc);
      }
      case MINF -> {
        LLVMValueRef r = e.intrinsic("llvm.vector.reduce.fminimum", vty, x);
        yield acc == null ? r : e.intrinsic("llvm.minimum", et, r, acc);
      }
      default -> throw new CodegenException("vector.reduction kind '" + op.kind().spelling() + "' is not supported by code generation");
    };
  }
}
