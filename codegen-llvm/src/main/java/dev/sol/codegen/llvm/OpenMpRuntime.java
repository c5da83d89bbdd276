package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.LLVMLoadLibraryPermanently;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The OpenMP runtime in this process, for JIT-compiled code with parallel loops
 * ({@link OpenMpEmitter}, which calls libgomp's entry points, {@code GOMP_parallel} and
 * {@code omp_*}): LLVM's libomp where it is installed (it implements the same entry points), else
 * gcc's libgomp; the environment variable {@code SOL_OPENMP} names the one to load instead (a
 * shared object's name or path). Loaded with RTLD_GLOBAL (LLVM's LoadLibraryPermanently), so
 * that the JIT's search of the process finds the entry points. Both keep a team of threads per
 * thread that calls them, so Java threads running compiled code at once each get their own.
 *
 * <p>libomp first: on a two-core Zen 5 virtual machine (its cores on two CCDs) a parallel
 * region took 1.5 us with libomp against 3.2 us with libgomp, and a barrier 0.84 against 1.6 us;
 * the 224x224 SqueezeNet, some 30 regions in 2.5 ms, ran 2-4% faster on two threads, ResNet-50
 * within noise. A deployed library keeps linking libgomp, which comes with gcc.
 *
 * <p>Before it loads, unless the environment says otherwise, an idle worker is told to spin
 * only briefly before it sleeps: GOMP_SPINCOUNT={@value #SPIN_COUNT} for libgomp (some 0.2 to
 * 0.3 ms) and KMP_BLOCKTIME={@value #BLOCK_TIME} (ms) for libomp, unless OMP_WAIT_POLICY is set.
 * A worker that has finished a parallel region spins in case the next region comes (in a run,
 * it usually does), and then sleeps. libgomp's default spins 30 times as long and libomp's 200
 * ms (cores taken from the JVM's own threads after every run); OMP_WAIT_POLICY=passive sleeps
 * at once, but then every region waits for its workers to wake up, which on a virtual machine
 * made the 224x224 SqueezeNet slower on two threads than on one, where the short spin made it
 * 1.5 times faster. The runtimes read their environment only when they load.
 */
public final class OpenMpRuntime {
  private OpenMpRuntime() {}

  /** gcc's OpenMP runtime (Debian: libgomp1), which a deployed library links. */
  public static final String LIBGOMP = "libgomp.so.1";

  /** LLVM's OpenMP runtime (Debian: libomp5), taken first where it is installed. */
  public static final String LIBOMP = "libomp.so.5";

  private static final int RTLD_NOW = 2, RTLD_GLOBAL = 0x100, RTLD_NODELETE = 0x1000;

  /** Spins of an idle libgomp worker before it sleeps. */
  public static final String SPIN_COUNT = "10000";

  /** Milliseconds an idle libomp worker spins before it sleeps (the shortest above 0 that LLVM 14's libomp, Debian 12's, takes). */
  public static final String BLOCK_TIME = "1";

  /** The runtime loaded (its name as given to dlopen), or null before {@link #load}. */
  private static volatile String loaded;

  /** The OpenMP runtime loaded by {@link #load} (a shared object's name), or null when none is. */
  public static String loaded() { return loaded; }

  /**
   * Loads the OpenMP runtime once (see the class comment) and returns its name; a
   * CodegenException when none can be loaded.
   */
  public static synchronized String load() {
    if (loaded != null) return loaded;
    String chosen;
    try {
      chosen = getenv("SOL_OPENMP");
      if (chosen != null && chosen.isBlank()) chosen = null;
      if (getenv("OMP_WAIT_POLICY") == null) {
        if (getenv("GOMP_SPINCOUNT") == null) setenv("GOMP_SPINCOUNT", SPIN_COUNT);
        if (getenv("KMP_BLOCKTIME") == null) setenv("KMP_BLOCKTIME", BLOCK_TIME);
      }
    } catch (Throwable e) {
      throw new CodegenException("cannot set the OpenMP runtime's environment before loading it: " + e);
    }
    String library = loadFirst(chosen != null ? List.of(chosen) : List.of(LIBOMP, LIBGOMP));
    if (library != null) return library;
    throw new CodegenException(chosen != null
        ? "cannot load " + chosen + ", the OpenMP runtime that SOL_OPENMP names (for code with more than one thread): " + lastError
        : "cannot load " + LIBOMP + " or " + LIBGOMP + " (OpenMP, for code with more than one thread); install gcc's libgomp, or use one thread");
  }

  /** Why the last library {@link #open} tried did not load. */
  private static String lastError = "";

  /** The first of {@code libraries} that loads as an OpenMP runtime (see {@link #open}), now {@link #loaded}; null when none does. */
  static synchronized String loadFirst(List<String> libraries) {
    for (String library : libraries) {
      if (open(library) && LLVMLoadLibraryPermanently(library) == 0) {
        loaded = library;
        return library;
      }
    }
    return null;
  }

  /**
   * dlopen of {@code library}, kept loaded for good: whether it loaded and has libgomp's entry
   * points (GOMP_parallel, omp_get_thread_num), which the code calls. (A runtime that the process
   * already made global, as LD_PRELOAD does, comes first in the JIT's search whatever loads here.)
   */
  private static boolean open(String library) {
    // LLVM's list of permanent libraries dlcloses them at exit, in its static destructors: with
    // workers still spinning in libgomp (OMP_WAIT_POLICY=active) the process crashed on
    // unmapped code as it exited. RTLD_NODELETE keeps the runtime mapped whatever closes it.
    try (Arena arena = Arena.ofConfined()) {
      MethodHandle dlopen = libc("dlopen", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
      MethodHandle dlsym = libc("dlsym", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
      MethodHandle dlerror = libc("dlerror", FunctionDescriptor.of(ValueLayout.ADDRESS));
      MemorySegment handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(library), RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
      if (handle.equals(MemorySegment.NULL)) {
        MemorySegment error = (MemorySegment) dlerror.invokeExact();
        lastError = error.equals(MemorySegment.NULL) ? "not found" : error.reinterpret(Long.MAX_VALUE).getString(0);
        return false;
      }
      for (String entry : List.of("GOMP_parallel", "omp_get_thread_num")) {
        if (((MemorySegment) dlsym.invokeExact(handle, arena.allocateFrom(entry))).equals(MemorySegment.NULL)) {
          lastError = "it has no " + entry + " (not an OpenMP runtime with libgomp's entry points)";
          return false;
        }
      }
      return true;
    } catch (Throwable e) {
      throw new CodegenException("cannot load " + library + ": " + e);
    }
  }

  /** The value of an environment variable as C's getenv sees it (Java's System.getenv is a copy taken at startup), or null. */
  public static String getenv(String name) throws Throwable {
    MethodHandle getenv = libc("getenv", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment v = (MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
      return v.equals(MemorySegment.NULL) ? null : v.reinterpret(Long.MAX_VALUE).getString(0);
    }
  }

  private static void setenv(String name, String value) throws Throwable {
    MethodHandle setenv = libc("setenv", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
      if (rc != 0) throw new CodegenException("setenv(" + name + ") failed");
    }
  }

  private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
    Linker linker = Linker.nativeLinker();
    return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor);
  }
}
