package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final String X86 = "x86_64-unknown-linux-gnu";

  @Test void vectorUnitsFromCpuNamesAndFeatures() {
    assertEquals(new Targets.VectorUnit(128, 32), Targets.vectorUnit(Targets.AARCH64, "cortex-a72", ""));
    assertEquals(new Targets.VectorUnit(128, 16), Targets.vectorUnit(X86, "generic", ""));
    assertEquals(new Targets.VectorUnit(256, 16), Targets.vectorUnit(X86, "x86-64-v3", ""));
    assertEquals(new Targets.VectorUnit(512, 32), Targets.vectorUnit(X86, "skylake-avx512", ""));
    assertEquals(new Targets.VectorUnit(256, 16), Targets.vectorUnit(X86, "generic", "+avx2,+fma"));
    assertEquals(new Targets.VectorUnit(512, 32), Targets.vectorUnit(X86, "x86-64-v2", "+avx512f"));
    assertEquals(new Targets.VectorUnit(256, 16), Targets.vectorUnit(X86, "x86-64-v4", "-avx512f"));
    assertEquals(new Targets.VectorUnit(128, 16), Targets.vectorUnit(X86, "haswell", "-avx"));
    assertEquals(new Targets.VectorUnit(256, 32), Targets.vectorUnit(X86, "sapphirerapids", "-evex512"));
  }

  @Test void hiddenSymbolsKeepTheirLinkage() {
    Targets.initialize();
    LLVMContextRef ctx = LLVMContextCreate();
    try {
      LLVMModuleRef m = LLVMModuleCreateWithNameInContext("m", ctx);
      LLVMTypeRef voidFn = LLVMFunctionType(LLVMVoidTypeInContext(ctx), (PointerPointer<?>) null, 0, 0);
      LLVMValueRef defined = LLVMAddFunction(m, "main", voidFn);
      LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
      LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, defined, "entry"));
      LLVMBuildRetVoid(b);
      LLVMDisposeBuilder(b);
      LLVMValueRef declared = LLVMAddFunction(m, "abort", voidFn);
      Targets.hideSymbols(m);
      assertEquals(LLVMHiddenVisibility, LLVMGetVisibility(defined));
      assertEquals(LLVMExternalLinkage, LLVMGetLinkage(defined));
      assertEquals(LLVMDefaultVisibility, LLVMGetVisibility(declared), "what the module calls in the C library stays as it is");
      LLVMDisposeModule(m);
    } finally {
      LLVMContextDispose(ctx);
    }
  }
}
