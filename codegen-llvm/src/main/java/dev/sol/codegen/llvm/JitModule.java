package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.lang.foreign.FunctionDescriptor;
import org.bytedeco.javacpp.BytePointer;
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

  /** The machine code the JIT runs, an ELF object for the host (what a cache can keep); null when it was loaded. */
  private final byte[] object;
  /** What holds a loaded object's memory (a file mapping), closed with the JIT; else null. */
  private final java.lang.foreign.Arena owner;
  private final java.util.Map<String, Long> phases = new java.util.LinkedHashMap<>();

  /**
   * Builds a module with {@code build} in a context the JIT owns, optimizes it for the host,
   * compiles it to an object and adds that to the JIT.
   */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build) {
    this(build, java.util.Map.of());
  }

  /**
   * As {@link #JitModule(java.util.function.Function)}, with {@code symbols} (name to address,
   * e.g. Java upcall stubs) defined for the code to call before the process's own.
   */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build, java.util.Map<String, MemorySegment> symbols) {
    this(build, symbols, phase -> {});
  }

  /** As {@link #JitModule(java.util.function.Function, java.util.Map)}, telling {@code phases} each phase as it starts: translate, optimize, codegen, link. */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build, java.util.Map<String, MemorySegment> symbols,
      java.util.function.Consumer<String> phases) {
    this(compile(build, phases), symbols);
    phases.accept("link");
  }

  /** An object and the nanoseconds it took: building the LLVM module, optimizing it, generating code. */
  private record Compiled(byte[] object, long translate, long optimize, long codegen) {}

  private JitModule(Compiled compiled, java.util.Map<String, MemorySegment> symbols) {
    byte[] object = compiled.object();
    this.object = object;
    this.owner = null;
    phases.put("translate", compiled.translate());
    phases.put("optimize", compiled.optimize());
    phases.put("codegen", compiled.codegen());
    BytePointer bytes = new BytePointer(object.length);
    bytes.put(object);
    create(symbols, LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, object.length, new BytePointer("sol-model.o")));
    bytes.deallocate();
  }

  /**
   * Loads an object that an earlier JitModule made ({@link #object()}, in this or another
   * process on the same CPU) from native memory, without copying it: a mapped file that
   * {@code owner} holds, closed when this module is.
   */
  public JitModule(MemorySegment object, java.lang.foreign.Arena owner, java.util.Map<String, MemorySegment> symbols) {
    this.object = null;
    this.owner = owner;
    BytePointer bytes = new BytePointer(object.asByteBuffer());
    create(symbols, LLVMCreateMemoryBufferWithMemoryRange(bytes, object.byteSize(), new BytePointer("sol-model.o"), 0));
  }

  private void create(java.util.Map<String, MemorySegment> symbols, LLVMMemoryBufferRef buffer) {
    Targets.initialize();
    check(LLVMOrcCreateLLJIT(jit, LLVMOrcCreateLLJITBuilder()));
    LLVMOrcDefinitionGeneratorRef gen = new LLVMOrcDefinitionGeneratorRef();
    check(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(gen, LLVMOrcLLJITGetGlobalPrefix(jit), (LLVMOrcSymbolPredicate) null, null));
    LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(jit), gen);
    if (!symbols.isEmpty()) define(symbols);
    check(LLVMOrcLLJITAddObjectFile(jit, LLVMOrcLLJITGetMainJITDylib(jit), buffer));
  }

  /** The object of the module that {@code build} makes, optimized for the host. */
  private static Compiled compile(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build, java.util.function.Consumer<String> phases) {
    Targets.initialize();
    LLVMContextRef context = LLVMContextCreate();
    LLVMTargetMachineRef tm = Targets.machine(null, null, null);
    try {
      long t0 = System.nanoTime();
      phases.accept("translate");
      LLVMModuleRef module = build.apply(context);
      long t1 = System.nanoTime();
      phases.accept("optimize");
      Targets.optimize(module, tm);
      long t2 = System.nanoTime();
      phases.accept("codegen");
      byte[] object = Targets.emit(module, tm, true);
      long t3 = System.nanoTime();
      LLVMDisposeModule(module);
      return new Compiled(object, t1 - t0, t2 - t1, t3 - t2);
    } finally {
      LLVMDisposeTargetMachine(tm);
      LLVMContextDispose(context);
    }
  }

  /**
   * Nanoseconds of the phases that made the object, in order: translate (SOL's IR to an LLVM
   * module), optimize (default&lt;O3&gt;), codegen (machine code); empty for a loaded object.
   */
  public java.util.Map<String, Long> phases() { return phases; }

  /** The object code this JIT runs; null when it was loaded from native memory. */
  public byte[] object() { return object; }

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
    if (owner != null) owner.close();
  }
}
