package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;

/** Conversions between Java and the native arrays and strings of LLVM's C API. */
final class LlvmNative {
  private LlvmNative() {}

  /**
   * A native array of pointers. Never {@code new PointerPointer<>(p)} with one element: that
   * constructor reinterprets {@code p} itself as the array.
   */
  @SafeVarargs
  static <P extends Pointer> PointerPointer<P> ptrs(P... items) {
    return new PointerPointer<>(items);
  }

  /** The text of an LLVM error, which it consumes. */
  static String errorMessage(LLVMErrorRef e) {
    BytePointer p = LLVMGetErrorMessage(e);
    String s = p.getString();
    LLVMDisposeErrorMessage(p);
    return s;
  }

  /** The text of a string LLVM allocated for the caller, which it frees. */
  static String message(BytePointer p) {
    String s = p.getString();
    LLVMDisposeMessage(p);
    return s;
  }
}
