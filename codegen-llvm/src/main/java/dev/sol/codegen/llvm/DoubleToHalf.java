package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.*;

/**
 * f64 to f16 without the runtime library: LLVM lowers a direct fptrunc to a call of
 * {@code __truncdfhf2}, which the JIT cannot resolve (a Cast or CastLike from DOUBLE to FLOAT16
 * failed to link). Going through f32 with round-to-nearest twice would round some values
 * wrongly (an f32 tie between two f16 values made by the first rounding); rounding to f32 by
 * round-to-odd instead (toward zero, the lowest bit set when inexact) keeps the f16 result
 * correctly rounded, since f32 has more than two bits beyond f16's. NaN stays NaN (its bits
 * only gain the low bit), values beyond f32's range become its largest finite value, which the
 * second step takes to infinity as a direct rounding would.
 */
final class DoubleToHalf {
  private DoubleToHalf() {}

  /** Whether an fptrunc from {@code from} to {@code to} is f64 to f16, scalars or vectors of them. */
  static boolean applies(LLVMTypeRef from, LLVMTypeRef to) {
    return LLVMGetTypeKind(element(from)) == LLVMDoubleTypeKind && LLVMGetTypeKind(element(to)) == LLVMHalfTypeKind;
  }

  /** {@code x} (f64 or a vector of it) rounded to f16 of {@code to}'s shape. */
  static LLVMValueRef emit(LlvmEmitter e, LLVMBuilderRef b, LLVMValueRef x, LLVMTypeRef to) {
    LLVMTypeRef from = LLVMTypeOf(x);
    int lanes = LLVMGetTypeKind(from) == LLVMVectorTypeKind ? LLVMGetVectorSize(from) : 0;
    LLVMTypeRef f32 = shaped(LLVMFloatTypeInContext(e.context()), lanes);
    LLVMTypeRef i32 = shaped(LLVMInt32TypeInContext(e.context()), lanes);
    LLVMValueRef nearest = LLVMBuildFPTrunc(b, x, f32, "");
    LLVMValueRef back = LLVMBuildFPExt(b, nearest, from, "");
    LLVMValueRef exact = LLVMBuildFCmp(b, LLVMRealOEQ, back, x, "");
    LLVMValueRef awayFromZero = LLVMBuildFCmp(b, LLVMRealOGT, e.intrinsic("llvm.fabs", from, back), e.intrinsic("llvm.fabs", from, x), "");
    LLVMValueRef bits = LLVMBuildBitCast(b, nearest, i32, "");
    LLVMValueRef one = InlineMath.constSplat(LLVMConstInt(LLVMInt32TypeInContext(e.context()), 1, 0), lanes);
    LLVMValueRef towardZero = LLVMBuildSelect(b, awayFromZero, LLVMBuildSub(b, bits, one, ""), bits, "");
    LLVMValueRef odd = LLVMBuildSelect(b, exact, bits, LLVMBuildOr(b, towardZero, one, ""), "");
    return LLVMBuildFPTrunc(b, LLVMBuildBitCast(b, odd, f32, ""), to, "");
  }

  private static LLVMTypeRef element(LLVMTypeRef t) { return LLVMGetTypeKind(t) == LLVMVectorTypeKind ? LLVMGetElementType(t) : t; }

  private static LLVMTypeRef shaped(LLVMTypeRef scalar, int lanes) { return lanes == 0 ? scalar : LLVMVectorType(scalar, lanes); }
}
