package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.*;

/**
 * Target machines for the host, x86-64 and AArch64. CPU names and features are checked
 * here first: LLVM only warns about unknown ones, and some bad options abort the process.
 */
public final class Targets {
  private Targets() {}

  public static final String AARCH64 = "aarch64-unknown-linux-gnu";

  private static final List<String> X86_CPUS = List.of("generic", "x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4", "haswell", "broadwell",
      "skylake", "skylake-avx512", "cascadelake", "icelake-client", "icelake-server", "sapphirerapids", "alderlake", "znver1", "znver2",
      "znver3", "znver4");
  private static final List<String> AARCH64_CPUS = List.of("generic", "cortex-a53", "cortex-a55", "cortex-a72", "cortex-a76",
      "cortex-a78", "neoverse-n1", "neoverse-n2", "neoverse-v1", "neoverse-v2", "apple-m1", "apple-m2", "a64fx");
  /** x86-64 CPUs in {@link #X86_CPUS} with AVX-512, and those with AVX (256-bit vectors) but not AVX-512. */
  private static final List<String> X86_AVX512_CPUS = List.of("x86-64-v4", "skylake-avx512", "cascadelake", "icelake-client",
      "icelake-server", "sapphirerapids", "znver4");
  private static final List<String> X86_AVX_CPUS = List.of("x86-64-v3", "haswell", "broadwell", "skylake", "alderlake", "znver1",
      "znver2", "znver3");
  /**
   * Tuning added to the host's x86 features. LLVM's cost model vectorizes the outer loop of a
   * small fully unrolled inner one with scatters (a batch norm over rows of 32 became stride-32
   * scatters and gathers), which are slow on AMD's cores and rarely fast on Intel's: without
   * them the generated networks ran 5% to 25% faster on Zen 5. Gathers stay allowed: some
   * loops have no better vector form yet (a clamped max-pool window ran 2.7 times slower
   * scalar), though forbidding them too made most of the networks faster still.
   */
  private static final String NO_SCATTERS = ",+prefer-no-scatter";
  private static final Pattern FEATURES = Pattern.compile("([+-][a-z0-9.\\-]+)(,[+-][a-z0-9.\\-]+)*");
  private static volatile boolean initialized;

  /**
   * Loads LLVM's native library and registers its targets on a background thread, so that the
   * compile or cache lookup that follows finds them ready: loading the library takes 80-150 ms,
   * a third of loading a ResNet-50 from the cache. Harmless when LLVM is never used.
   */
  public static void preload() {
    if (initialized) return;
    Thread t = new Thread(() -> {
      try {
        initialize();
      } catch (Throwable e) {
        // Not here: the compile that needs LLVM initializes it again and reports the failure.
      }
    }, "sol-llvm-preload");
    t.setDaemon(true);
    t.start();
  }

  static synchronized void initialize() {
    if (initialized) return;
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
    initialized = true;
  }

  /** The host's CPU name, as LLVM detects it. */
  public static String hostCpu() { return LlvmNative.message(LLVMGetHostCPUName()); }

  /** The host's CPU features, as LLVM detects them. */
  public static String hostFeatures() { return LlvmNative.message(LLVMGetHostCPUFeatures()); }

  public static String hostTriple() {
    initialize();
    return LlvmNative.message(LLVMGetDefaultTargetTriple());
  }

  /** A CPU's vector registers: their width in bits and their number. */
  public record VectorUnit(int bits, int registers) {
    /** Lanes of {@code elementBits}-bit elements in one register. */
    public int lanes(int elementBits) { return bits / elementBits; }
  }

  /** The host's vector registers, from LLVM's view of its CPU and features (see {@link #vectorUnit}). */
  public static VectorUnit hostVectorUnit() {
    initialize();
    return vectorUnit(hostTriple(), LlvmNative.message(LLVMGetHostCPUName()), LlvmNative.message(LLVMGetHostCPUFeatures()));
  }

  /**
   * The vector registers of a target: NEON's 32 x 128 bits on AArch64; on x86-64 AVX-512's
   * 32 x 512, AVX's 16 x 256 or SSE's 16 x 128, from the CPU's name and then the features,
   * which add or remove {@code avx512f} and {@code avx}/{@code avx2} (AVX10/256 parts have
   * AVX-512's instructions and 32 registers but only 256-bit vectors: {@code -evex512}).
   */
  public static VectorUnit vectorUnit(String triple, String cpu, String features) {
    if (triple.startsWith("aarch64")) return new VectorUnit(128, 32);
    boolean avx512 = X86_AVX512_CPUS.contains(cpu);
    boolean avx = avx512 || X86_AVX_CPUS.contains(cpu);
    boolean evex512 = true;
    for (String f : features.split(",")) {
      switch (f) {
        case "+avx512f" -> avx512 = avx = true;
        case "-avx512f" -> avx512 = false;
        case "+avx", "+avx2" -> avx = true;
        case "-avx" -> avx = avx512 = false;
        case "-evex512" -> evex512 = false;
        default -> { }
      }
    }
    if (avx512) return new VectorUnit(evex512 ? 512 : 256, 32);
    return new VectorUnit(avx ? 256 : 128, 16);
  }

  /**
   * The size in bytes of the host's data (or unified) cache of {@code level} as Linux reports
   * it in sysfs, or 0 when it does not (virtual machines often leave it out).
   */
  public static long hostCacheBytes(int level) {
    Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
    for (int i = 0; i < 8; i++) {
      Path index = dir.resolve("index" + i);
      try {
        if (Integer.parseInt(Files.readString(index.resolve("level")).trim()) != level) continue;
        if (Files.readString(index.resolve("type")).trim().equals("Instruction")) continue;
        String size = Files.readString(index.resolve("size")).trim();
        long unit = size.endsWith("K") ? 1 << 10 : size.endsWith("M") ? 1 << 20 : 1;
        return Long.parseLong(size.replaceAll("[KM]$", "")) * unit;
      } catch (IOException | NumberFormatException e) {
        // no such cache index, or an unexpected format: keep looking
      }
    }
    return 0;
  }

  /**
   * A target machine; {@code cpu} null means the host CPU (for the host triple) or generic,
   * {@code features} null means the host's features (host triple) or none.
   */
  public static LLVMTargetMachineRef machine(String triple, String cpu, String features) {
    initialize();
    boolean host = triple == null || triple.equals(hostTriple());
    String t = triple == null ? hostTriple() : triple;
    boolean aarch64 = t.startsWith("aarch64");
    if (!aarch64 && !t.startsWith("x86_64")) throw new CodegenException("unsupported target triple '" + t + "' (supported: x86_64-*, aarch64-*)");
    if (cpu != null && !(aarch64 ? AARCH64_CPUS : X86_CPUS).contains(cpu)) {
      throw new CodegenException("unknown CPU '" + cpu + "' for " + t + "; known: " + String.join(", ", aarch64 ? AARCH64_CPUS : X86_CPUS));
    }
    if (features != null && !features.isEmpty() && !FEATURES.matcher(features).matches()) {
      throw new CodegenException("invalid features '" + features + "': expected a comma-separated list like +avx2,-fma");
    }
    String c = cpu != null ? cpu : host ? LlvmNative.message(LLVMGetHostCPUName()) : "generic";
    String f = features != null ? features : host ? LlvmNative.message(LLVMGetHostCPUFeatures()) + (aarch64 ? "" : NO_SCATTERS) : "";
    LLVMTargetRef target = new LLVMTargetRef();
    BytePointer err = new BytePointer();
    if (LLVMGetTargetFromTriple(new BytePointer(t), target, err) != 0) throw new CodegenException("unknown target '" + t + "': " + LlvmNative.message(err));
    return LLVMCreateTargetMachine(target, t, c, f, LLVMCodeGenLevelAggressive, LLVMRelocPIC, LLVMCodeModelDefault);
  }

  /**
   * Runs LLVM's {@code default<O3>} pipeline on a module for a target machine, without LLVM's
   * loop unroller: SOL's kernels are register-tiled and unrolled where it pays by the lowering
   * itself, and the unroller duplicated whole micro-kernels (loops over panels with small
   * constant trip counts), which made ResNet-50's optimization 9 times and its machine code
   * generation 4 times slower for no measured gain (SqueezeNet, ShuffleNet, MobileNet-v2 and
   * ResNet-50 ran as fast without it). Loops a pragma asks to unroll still are.
   */
  public static void optimize(LLVMModuleRef module, LLVMTargetMachineRef tm) {
    checkScalableVectors(module, tm);
    setTarget(module, tm);
    LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
    LLVMPassBuilderOptionsSetLoopVectorization(options, 1);
    LLVMPassBuilderOptionsSetSLPVectorization(options, 1);
    LLVMPassBuilderOptionsSetLoopUnrolling(options, 0);
    LLVMErrorRef e = LLVMRunPasses(module, "default<O3>", tm, options);
    LLVMDisposePassBuilderOptions(options);
    if (e != null) throw new CodegenException("LLVM optimization failed: " + LlvmNative.errorMessage(e));
  }

  /** Sets a module's triple and data layout to a target machine's. */
  public static void setTarget(LLVMModuleRef module, LLVMTargetMachineRef tm) {
    LLVMSetTarget(module, LlvmNative.message(LLVMGetTargetMachineTriple(tm)));
    LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(tm);
    LLVMSetModuleDataLayout(module, layout);
    LLVMDisposeTargetData(layout);
  }

  /** Prefixes the name of every function the module defines for other modules (e.g. main to model_main). */
  public static void prefixSymbols(LLVMModuleRef module, String prefix) {
    for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
      if (LLVMIsDeclaration(f) == 0 && LLVMGetLinkage(f) == LLVMExternalLinkage) {
        String name = LLVMGetValueName(f).getString();
        LLVMSetValueName2(f, prefix + name, prefix.length() + name.length());
      }
    }
  }

  /**
   * Gives every function and global the module defines for other modules hidden visibility:
   * they still link with other objects of the same shared library or program, but a shared
   * library does not export them (a deployed model exports only its C API).
   */
  public static void hideSymbols(LLVMModuleRef module) {
    for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
      if (LLVMIsDeclaration(f) == 0 && LLVMGetLinkage(f) == LLVMExternalLinkage) LLVMSetVisibility(f, LLVMHiddenVisibility);
    }
    for (LLVMValueRef g = LLVMGetFirstGlobal(module); g != null && !g.isNull(); g = LLVMGetNextGlobal(g)) {
      if (LLVMIsDeclaration(g) == 0 && LLVMGetLinkage(g) == LLVMExternalLinkage) LLVMSetVisibility(g, LLVMHiddenVisibility);
    }
  }

  /** Assembly text or object code of a module. */
  public static byte[] emit(LLVMModuleRef module, LLVMTargetMachineRef tm, boolean object) {
    checkScalableVectors(module, tm);
    LLVMMemoryBufferRef buf = new LLVMMemoryBufferRef();
    BytePointer err = new BytePointer();
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, module, object ? LLVMObjectFile : LLVMAssemblyFile, err, buf) != 0) {
      throw new CodegenException("LLVM code emission failed: " + LlvmNative.message(err));
    }
    long size = LLVMGetBufferSize(buf);
    byte[] out = new byte[(int) size];
    LLVMGetBufferStart(buf).capacity(size).get(out);
    LLVMDisposeMemoryBuffer(buf);
    return out;
  }

  /** AArch64 CPUs in {@link #AARCH64_CPUS} that have SVE without being asked for it in the features. */
  private static final List<String> SVE_CPUS = List.of("neoverse-n2", "neoverse-v1", "neoverse-v2", "a64fx");

  /**
   * Rejects scalable vectors ({@code <vscale x 4 x float>}) for a target without SVE: LLVM's
   * optimizer and code generators for those end the process instead of reporting an error.
   */
  static void checkScalableVectors(LLVMModuleRef module, LLVMTargetMachineRef tm) {
    String triple = LlvmNative.message(LLVMGetTargetMachineTriple(tm));
    String cpu = LlvmNative.message(LLVMGetTargetMachineCPU(tm));
    String features = "," + LlvmNative.message(LLVMGetTargetMachineFeatureString(tm)) + ",";
    boolean sve = triple.startsWith("aarch64") && (SVE_CPUS.contains(cpu) || features.contains(",+sve"));
    if (sve) return;
    LLVMTypeRef scalable = firstScalableType(module);
    if (scalable != null) {
      throw new CodegenException("scalable vector type " + LlvmNative.message(LLVMPrintTypeToString(scalable))
          + " needs a target with SVE (aarch64 with --features=+sve or an SVE CPU), not " + triple + " (cpu " + cpu + ")");
    }
  }

  /** The first scalable vector type among the parameters, instruction results and operands of the module's functions, or null. */
  private static LLVMTypeRef firstScalableType(LLVMModuleRef module) {
    for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
      for (int i = 0; i < LLVMCountParams(f); i++) if (isScalable(LLVMTypeOf(LLVMGetParam(f, i)))) return LLVMTypeOf(LLVMGetParam(f, i));
      for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb != null && !bb.isNull(); bb = LLVMGetNextBasicBlock(bb)) {
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in != null && !in.isNull(); in = LLVMGetNextInstruction(in)) {
          if (isScalable(LLVMTypeOf(in))) return LLVMTypeOf(in);
          for (int k = 0; k < LLVMGetNumOperands(in); k++) {
            LLVMTypeRef t = LLVMTypeOf(LLVMGetOperand(in, k));
            if (isScalable(t)) return t;
          }
        }
      }
    }
    return null;
  }

  private static boolean isScalable(LLVMTypeRef t) { return LLVMGetTypeKind(t) == LLVMScalableVectorTypeKind; }

  public static String text(LLVMModuleRef module) { return LlvmNative.message(LLVMPrintModuleToString(module)); }
}
