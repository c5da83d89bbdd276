package dev.sol.runtime;

import dev.sol.codegen.ve.CEmitter;
import dev.sol.codegen.ve.VeCodegenException;
import dev.sol.dialect.func.ArenaArgument;
import dev.sol.ir.Symbols;
import dev.sol.lowering.LoweringPasses;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The backend that checks the C of NEC's vector engine on this machine: the model is lowered
 * with the {@code sol-ve} pipeline's passes, emitted as C by {@link CEmitter} (what
 * {@code ncc} would compile), compiled by the host's C compiler ({@code $CC}, else gcc;
 * {@code -std=c99 -O2 -Wall -Werror}, the {@code _NEC} directives ignored) into a shared
 * library, and called through the FFM API like the JIT's code ({@link NativeEntry}). With
 * several threads the parallel loops are OpenMP loops ({@code -fopenmp}). The weight blob is
 * mapped into memory and handed to the code once.
 */
final class CEngine implements Engine {
  private final Arena memory = Arena.ofShared();
  private final Path dir;
  private final long arenaBytes;
  private final NativeEntry calls;

  CEngine(LoadedModel model, SolOptions options) throws SolException {
    List<TensorInfo> inputs = List.copyOf(model.inputs.values());
    List<TensorInfo> outputs = List.copyOf(model.outputs.values());
    JitEngine.lower(model.context, model.module, model.fileName, LoweringPasses.vePipeline(options.threads()), false);
    CEmitter.Output c;
    CEmitter.Options emit;
    try {
      emit = new CEmitter.Options("sol_", options.threads(), 1 << 16);
      c = CEmitter.emit(model.module, emit);
    } catch (VeCodegenException e) {
      memory.close();
      throw new SolException(model.fileName + ": " + e.getMessage());
    }
    arenaBytes = ArenaArgument.bytes(model.function);
    try {
      dir = Files.createTempDirectory("sol-ve-c");
      Path source = dir.resolve("model.c");
      Path library = dir.resolve("model.so");
      Files.writeString(source, c.source(), StandardCharsets.UTF_8);
      compile(source, library, options.threads(), model.fileName);
      // The OpenMP runtime must outlive the library: closing the model unloads it while OpenMP's idle workers still run in it.
      // (The library's GOMP_* calls resolve to the runtime loaded here, LLVM's libomp where it is installed: see OpenMpRuntime.)
      if (options.threads() > 1) dev.sol.codegen.llvm.OpenMpRuntime.load();
      SymbolLookup lookup = SymbolLookup.libraryLookup(library, memory);
      Linker linker = Linker.nativeLinker();
      MemorySegment weights = memory.allocate(Math.max(1, c.weights().length), 64);
      MemorySegment.copy(c.weights(), 0, weights, ValueLayout.JAVA_BYTE, 0, c.weights().length);
      MethodHandle setWeights = linker.downcallHandle(lookup.find("sol_set_weights").orElseThrow(),
          FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
      setWeights.invoke(weights);
      int n = inputs.size() + outputs.size() + (arenaBytes > 0 ? 1 : 0);
      MemoryLayout[] args = new MemoryLayout[n];
      Arrays.fill(args, ValueLayout.ADDRESS);
      String entry = CEmitter.functionName(emit, Symbols.nameOf(model.function));
      MethodHandle handle = linker.downcallHandle(lookup.find(entry).orElseThrow(() -> new SolException(model.fileName + ": the compiled C has no " + entry)),
          FunctionDescriptor.ofVoid(args)).asSpreader(Object[].class, n);
      calls = new NativeEntry(memory, inputs, outputs, arenaBytes, handle, 1);
    } catch (SolException e) {
      memory.close();
      throw e;
    } catch (Throwable e) {
      memory.close();
      throw new SolException(model.fileName + ": compiling the emitted C failed: " + e.getMessage());
    }
  }

  /** Runs the host's C compiler; its complaints become the error (they would be a bug of the emitter). */
  private static void compile(Path source, Path library, int threads, String fileName) throws IOException, InterruptedException, SolException {
    String cc = System.getenv().getOrDefault("CC", "gcc");
    List<String> command = new ArrayList<>(List.of(cc, "-std=c99", "-O2", "-Wall", "-Werror", "-Wno-unknown-pragmas", "-fPIC", "-shared"));
    if (threads > 1) command.add("-fopenmp");
    command.addAll(List.of("-o", library.toString(), source.toString(), "-lm"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] log = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new SolException(fileName + ": " + cc + " did not finish compiling the emitted C in 10 minutes");
    }
    if (p.exitValue() != 0) {
      String text = new String(log, StandardCharsets.UTF_8);
      String head = text.lines().limit(20).reduce("", (a, b) -> a + "\n  " + b);
      throw new SolException(fileName + ": " + cc + " rejected the emitted C (" + source + "):" + head);
    }
  }

  @Override public long arenaBytes() { return arenaBytes; }

  @Override public Run run(List<SolTensor> in) { return calls.run(in, () -> {}); }

  @Override public void close() {
    memory.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is no reason to fail.
    }
  }
}
