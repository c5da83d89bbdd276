package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.bytedeco.llvm.LLVM.*;

/**
 * Compiled code in an ORC LLJIT instance for the host, with the process's symbols (libc,
 * libm) available. Lookups are synchronized: one LLJIT must not serve two threads at once.
 */
public final class JitModule implements AutoCloseable {
  private final LLVMOrcLLJITRef jit = new LLVMOrcLLJITRef();

  /**
   * Builds a module with {@code build} in a context the JIT owns, optimizes it for the host
   * and adds it to the JIT.
   */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build) {
    this(build, java.util.Map.of());
  }

  /**
   * As {@link #JitModule(java.util.function.Function)}, with {@code symbols} (name to address,
   * e.g. Java upcall stubs) defined for the code to call before the process's own.
   */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build, java.util.Map<String, MemorySegment> symbols) {
    Targets.initialize();
    LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
    LLVMModuleRef module;
    try {
      module = build.apply(LLVMOrcThreadSafeContextGetContext(tsc));
      LLVMTargetMachineRef tm = Targets.machine(null, null, null);
      try {
        Targets.optimize(module, tm);
      } finally {
        LLVMDisposeTargetMachine(tm);
      }
    } catch (RuntimeException e) {
      LLVMOrcDisposeThreadSafeContext(tsc);
      throw e;
    }
    check(LLVMOrcCreateLLJIT(jit, LLVMOrcCreateLLJITBuilder()));
    LLVMOrcDefinitionGeneratorRef gen = new LLVMOrcDefinitionGeneratorRef();
    check(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(gen, LLVMOrcLLJITGetGlobalPrefix(jit), (LLVMOrcSymbolPredicate) null, null));
    LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(jit), gen);
    if (!symbols.isEmpty()) define(symbols);
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, tsc);
    check(LLVMOrcLLJITAddLLVMIRModule(jit, LLVMOrcLLJITGetMainJITDylib(jit), tsm));
    LLVMOrcDisposeThreadSafeContext(tsc);
  }

  private void define(java.util.Map<String, MemorySegment> symbols) {
    LLVMOrcCSymbolMapPair pairs = new LLVMOrcCSymbolMapPair(symbols.size());
    int i = 0;
    for (java.util.Map.Entry<String, MemorySegment> e : symbols.entrySet()) {
      LLVMJITSymbolFlags flags = new LLVMJITSymbolFlags();
      flags.GenericFlags((byte) (LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable)).TargetFlags((byte) 0);
      LLVMJITEvaluatedSymbol sym = new LLVMJITEvaluatedSymbol();
      sym.Address(e.getValue().address()).Flags(flags);
      pairs.position(i++).Name(LLVMOrcLLJITMangleAndIntern(jit, e.getKey())).Sym(sym);
    }
    pairs.position(0);
    check(LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(jit), LLVMOrcAbsoluteSymbols(pairs, symbols.size())));
  }

  private static void check(LLVMErrorRef e) {
    if (e != null) throw new CodegenException("LLVM JIT: " + LlvmNative.errorMessage(e));
  }

  /** A handle for the compiled function {@code name} with the given signature. */
  public synchronized MethodHandle function(String name, FunctionDescriptor descriptor) {
    return Linker.nativeLinker().downcallHandle(address(name), descriptor);
  }

  /** The address of the public symbol {@code name}, a function or data (a public memref.global), valid until the module is closed. */
  public synchronized MemorySegment address(String name) {
    long[] address = new long[1];
    check(LLVMOrcLLJITLookup(jit, address, name));
    return MemorySegment.ofAddress(address[0]);
  }

  @Override public synchronized void close() {
    LLVMOrcDisposeLLJIT(jit);
  }
}
