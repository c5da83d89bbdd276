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

  /** The machine code the JIT runs, ELF objects for the host (what a cache can keep); null when it was loaded. */
  private final java.util.List<byte[]> objects;
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
    this(build, () -> symbols, phases);
  }

  /**
   * As {@link #JitModule(java.util.function.Function, java.util.Map, java.util.function.Consumer)},
   * the symbols asked for once the object is made (building the module may decide them).
   */
  public JitModule(java.util.function.Function<LLVMContextRef, LLVMModuleRef> build,
      java.util.function.Supplier<java.util.Map<String, MemorySegment>> symbols, java.util.function.Consumer<String> phases) {
    this(compile(build, phases), symbols, phases);
  }

  /**
   * As {@link #JitModule(java.util.function.Function, java.util.function.Supplier, java.util.function.Consumer)},
   * the module built in {@code partitions} parts ({@code build} makes part i in a context of its
   * own; see {@link ModulePartition}), each optimized and compiled on a thread of its own, and
   * the objects linked together.
   */
  public JitModule(int partitions, java.util.function.BiFunction<LLVMContextRef, Integer, LLVMModuleRef> build,
      java.util.function.Supplier<java.util.Map<String, MemorySegment>> symbols, java.util.function.Consumer<String> phases) {
    this(compileAll(partitions, build, phases), symbols, phases);
  }

  private JitModule(Compiled compiled, java.util.function.Supplier<java.util.Map<String, MemorySegment>> symbols,
      java.util.function.Consumer<String> phases) {
    this(compiled, announce(phases, "link", symbols));
  }

  private static <T> T announce(java.util.function.Consumer<String> phases, String phase, java.util.function.Supplier<T> value) {
    phases.accept(phase);
    return value.get();
  }

  /**
   * Objects and the nanoseconds it took to make them: building the LLVM modules, optimizing
   * them, generating code (of parts compiled side by side, those of the part that took longest).
   */
  private record Compiled(java.util.List<byte[]> objects, long translate, long optimize, long codegen) {
    long total() { return translate + optimize + codegen; }
  }

  private JitModule(Compiled compiled, java.util.Map<String, MemorySegment> symbols) {
    this.objects = compiled.objects();
    this.owner = null;
    phases.put("translate", compiled.translate());
    phases.put("optimize", compiled.optimize());
    phases.put("codegen", compiled.codegen());
    java.util.List<LLVMMemoryBufferRef> buffers = new java.util.ArrayList<>();
    for (byte[] object : objects) {
      BytePointer bytes = new BytePointer(object.length);
      bytes.put(object);
      buffers.add(LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, object.length, new BytePointer("sol-model-" + buffers.size() + ".o")));
      bytes.deallocate();
    }
    create(symbols, buffers);
  }

  /**
   * Loads the objects that an earlier JitModule made ({@link #objects()}, in this or another
   * process on the same CPU) from native memory, without copying them: a mapped file that
   * {@code owner} holds, closed when this module is.
   */
  public JitModule(java.util.List<MemorySegment> objects, java.lang.foreign.Arena owner, java.util.Map<String, MemorySegment> symbols) {
    this.objects = null;
    this.owner = owner;
    java.util.List<LLVMMemoryBufferRef> buffers = new java.util.ArrayList<>();
    for (MemorySegment object : objects) {
      BytePointer bytes = new BytePointer(object.asByteBuffer());
      buffers.add(LLVMCreateMemoryBufferWithMemoryRange(bytes, object.byteSize(), new BytePointer("sol-model-" + buffers.size() + ".o"), 0));
    }
    create(symbols, buffers);
  }

  private void create(java.util.Map<String, MemorySegment> symbols, java.util.List<LLVMMemoryBufferRef> buffers) {
    Targets.initialize();
    check(LLVMOrcCreateLLJIT(jit, LLVMOrcCreateLLJITBuilder()));
    LLVMOrcDefinitionGeneratorRef gen = new LLVMOrcDefinitionGeneratorRef();
    check(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(gen, LLVMOrcLLJITGetGlobalPrefix(jit), (LLVMOrcSymbolPredicate) null, null));
    LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(jit), gen);
    if (!symbols.isEmpty()) define(symbols);
    for (LLVMMemoryBufferRef buffer : buffers) check(LLVMOrcLLJITAddObjectFile(jit, LLVMOrcLLJITGetMainJITDylib(jit), buffer));
  }

  /**
   * The objects of a module built in {@code partitions} parts: part 0 on this thread (telling
   * {@code phases}), the others each on a thread of its own.
   */
  private static Compiled compileAll(int partitions, java.util.function.BiFunction<LLVMContextRef, Integer, LLVMModuleRef> build,
      java.util.function.Consumer<String> phases) {
    if (partitions < 1) throw new CodegenException("partitions must be at least 1, got " + partitions);
    Targets.initialize();
    java.util.List<java.util.concurrent.CompletableFuture<Compiled>> others = new java.util.ArrayList<>();
    java.util.concurrent.ExecutorService pool = partitions == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(partitions - 1, r -> {
      Thread t = new Thread(r, "sol-llvm");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 1; i < partitions; i++) {
        int part = i;
        others.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> compile(ctx -> build.apply(ctx, part), phase -> {}), pool));
      }
      Compiled first = compile(ctx -> build.apply(ctx, 0), phases);
      java.util.List<byte[]> objects = new java.util.ArrayList<>(first.objects());
      Compiled slowest = first;
      for (java.util.concurrent.CompletableFuture<Compiled> f : others) {
        Compiled c;
        try {
          c = f.join();
        } catch (java.util.concurrent.CompletionException e) {
          // What a part threw, as if compiled here: an OutOfMemoryError or StackOverflowError stays
          // one, which the tools report as such (not wrapped as an internal error).
          if (e.getCause() instanceof RuntimeException r) throw r;
          if (e.getCause() instanceof Error err) throw err;
          throw e;
        }
        objects.addAll(c.objects());
        if (c.total() > slowest.total()) slowest = c;
      }
      return new Compiled(objects, slowest.translate(), slowest.optimize(), slowest.codegen());
    } finally {
      if (pool != null) pool.shutdownNow();
    }
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
      return new Compiled(java.util.List.of(object), t1 - t0, t2 - t1, t3 - t2);
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

  /** The object code this JIT runs, one object per part; null when it was loaded from native memory. */
  public java.util.List<byte[]> objects() { return objects; }

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
