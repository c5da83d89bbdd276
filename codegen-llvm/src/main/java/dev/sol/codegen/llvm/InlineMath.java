package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.*;

/**
 * exp, tanh and erf on f32 written out as plain arithmetic (Cody-Waite range reduction and
 * minimax polynomials), so that a loop using them has no call and LLVM's loop vectorizer
 * can vectorize it, and on fixed-length vectors of f32 (vector code the lowering wrote) lane by
 * lane in the same arithmetic. The LLVM intrinsics would become scalar libm calls, one per
 * lane. Errors: exp about 2 ulp, tanh below 3e-7 and erf below 2e-7 absolute; NaN in gives NaN
 * out, and exp saturates to 0 and +inf like libm.
 */
final class InlineMath {
  private final LlvmEmitter e;
  private final LLVMBuilderRef b;
  /** The type computed in: f32 or a fixed-length vector of f32. */
  private final LLVMTypeRef f32;
  /** i32 of the same shape, for the exponent bits. */
  private final LLVMTypeRef i32;
  /** The lanes of a vector {@link #f32}; 0 for a scalar. */
  private final int lanes;

  /** Math on {@code type}: f32 or a fixed-length vector of f32 ({@link #handles}). */
  InlineMath(LlvmEmitter e, LLVMBuilderRef b, LLVMTypeRef type) {
    this.e = e;
    this.b = b;
    this.f32 = type;
    boolean vector = LLVMGetTypeKind(type) == LLVMVectorTypeKind;
    this.lanes = vector ? LLVMGetVectorSize(type) : 0;
    LLVMTypeRef int32 = LLVMInt32TypeInContext(e.context());
    this.i32 = vector ? LLVMVectorType(int32, lanes) : int32;
  }

  /** Whether {@code type} is one this class computes in. */
  static boolean handles(LLVMTypeRef type) {
    if (LLVMGetTypeKind(type) == LLVMFloatTypeKind) return true;
    return LLVMGetTypeKind(type) == LLVMVectorTypeKind && LLVMGetTypeKind(LLVMGetElementType(type)) == LLVMFloatTypeKind;
  }

  private LLVMValueRef c(double v) { return splat(LLVMConstReal(LLVMFloatTypeInContext(e.context()), v)); }

  private LLVMValueRef ci(long v) { return splat(LLVMConstInt(LLVMInt32TypeInContext(e.context()), v, 1)); }

  private LLVMValueRef splat(LLVMValueRef scalar) { return constSplat(scalar, lanes); }

  /** A constant vector of {@code lanes} copies of constant {@code scalar}; the scalar itself for 0 lanes. */
  static LLVMValueRef constSplat(LLVMValueRef scalar, int lanes) {
    if (lanes == 0) return scalar;
    LLVMValueRef[] all = new LLVMValueRef[lanes];
    java.util.Arrays.fill(all, scalar);
    return LLVMConstVector(new org.bytedeco.javacpp.PointerPointer<>(all), lanes);
  }

  private LLVMValueRef add(LLVMValueRef x, LLVMValueRef y) { return LLVMBuildFAdd(b, x, y, ""); }

  private LLVMValueRef sub(LLVMValueRef x, LLVMValueRef y) { return LLVMBuildFSub(b, x, y, ""); }

  private LLVMValueRef mul(LLVMValueRef x, LLVMValueRef y) { return LLVMBuildFMul(b, x, y, ""); }

  private LLVMValueRef fma(LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    return e.intrinsic("llvm.fma", f32, x, y, z);
  }

  private LLVMValueRef select(int predicate, LLVMValueRef x, LLVMValueRef bound, LLVMValueRef then, LLVMValueRef otherwise) {
    return LLVMBuildSelect(b, LLVMBuildFCmp(b, predicate, x, bound, ""), then, otherwise, "");
  }

  /** Horner evaluation of coefficients from the highest degree down. */
  private LLVMValueRef poly(LLVMValueRef x, double... coefficients) {
    LLVMValueRef acc = c(coefficients[0]);
    for (int i = 1; i < coefficients.length; i++) acc = fma(acc, x, c(coefficients[i]));
    return acc;
  }

  LLVMValueRef exp(LLVMValueRef x) {
    // Clamped so that the arithmetic below saturates by itself: at 88.8 the product overflows to
    // +inf (as exp does above 88.7228), at -110 it rounds to 0 (exp's last subnormal is at -103.97).
    LLVMValueRef xc = select(LLVMRealOGT, x, c(88.8), c(88.8), select(LLVMRealOLT, x, c(-110), c(-110), x));
    LLVMValueRef n = e.intrinsic("llvm.floor", f32, fma(xc, c(1.4426950408889634), c(0.5)));
    LLVMValueRef r = fma(n, c(-0.693359375), xc);
    r = fma(n, c(2.12194440e-4), r);
    LLVMValueRef p = poly(r, 1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1);
    p = add(fma(mul(p, r), r, r), c(1));
    // 2^n as two normal powers of two, 2^(n/2) and 2^(n - n/2): n runs from -159 to 128,
    // beyond a single float exponent; the products round to subnormals correctly.
    LLVMValueRef ni = LLVMBuildFPToSI(b, n, i32, "");
    LLVMValueRef half = LLVMBuildAShr(b, ni, ci(1), "");
    LLVMValueRef result = mul(mul(p, pow2(half)), pow2(LLVMBuildSub(b, ni, half, "")));
    return select(LLVMRealUNO, x, x, x, result);
  }

  private LLVMValueRef pow2(LLVMValueRef k) {
    LLVMValueRef bits = LLVMBuildShl(b, LLVMBuildAdd(b, k, ci(127), ""), ci(23), "");
    return LLVMBuildBitCast(b, bits, f32, "");
  }

  LLVMValueRef tanh(LLVMValueRef x) {
    // x p(x^2) / q(x^2) on x clamped to [-9, 9] (tanh(9) rounds to 1 in f32): a rational
    // approximation fitted for SOL (weighted least squares on the absolute error, 5.3e-8 in
    // exact arithmetic, 3e-7 evaluated in f32). A NaN passes the clamp and stays NaN; -0 stays -0.
    LLVMValueRef xc = select(LLVMRealOGT, x, c(9), c(9), select(LLVMRealOLT, x, c(-9), c(-9), x));
    LLVMValueRef z = mul(xc, xc);
    LLVMValueRef p = poly(z, 1.7838794514888865e-11, -1.2591311046257814e-08, 9.195084595478322e-06, 0.0029119927618942547,
        0.1291068139722868, 0.9999997364217936);
    LLVMValueRef q = poly(z, 0.00022694086537700908, 0.023726160716938206, 0.46243914390188523, 1.0);
    return LLVMBuildFDiv(b, mul(xc, p), q, "");
  }

  LLVMValueRef erf(LLVMValueRef x) {
    // Abramowitz and Stegun 7.1.26: 1 - (a1 t + ... + a5 t^5) exp(-x^2), t = 1 / (1 + p|x|).
    LLVMValueRef ax = e.intrinsic("llvm.fabs", f32, x);
    LLVMValueRef t = LLVMBuildFDiv(b, c(1), fma(ax, c(0.3275911), c(1)), "");
    LLVMValueRef p = mul(poly(t, 1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592), t);
    LLVMValueRef y = sub(c(1), mul(p, exp(LLVMBuildFNeg(b, mul(ax, ax), ""))));
    LLVMValueRef signed = e.intrinsic("llvm.copysign", f32, y, x);
    return select(LLVMRealUNO, x, x, x, signed);
  }
}
