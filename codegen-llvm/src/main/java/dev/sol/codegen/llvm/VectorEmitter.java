package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.vector.*;
import dev.sol.ir.*;
import org.bytedeco.llvm.LLVM.*;

/** 1-D vector operations; loads and stores are contiguous along the memref's last dimension. */
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
        e.bind(l.result(), load);
      }
      case StoreOp s -> {
        VectorType vt = oneDimensional(s, (VectorType) s.valueToStore().type());
        LLVMValueRef store = LLVMBuildStore(b, e.v(s.valueToStore()), e.memref().address(s.base(), s.indices()));
        LLVMSetAlignment(store, DenseElementsAttr.elementBytes(vt.element()));
      }
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
      default -> { return false; }
    }
    return true;
  }

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
