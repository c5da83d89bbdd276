package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.LLVMLoadLibraryPermanently;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libgomp in this process, for JIT-compiled code with parallel loops ({@link OpenMpEmitter}):
 * loaded with RTLD_GLOBAL (LLVM's LoadLibraryPermanently), so that the JIT's search of the
 * process finds {@code GOMP_parallel} and {@code omp_*}. libgomp keeps a team of threads per
 * thread that calls it, so Java threads running compiled code at once each get their own.
 *
 * <p>Before it loads, unless the environment says otherwise (OMP_WAIT_POLICY or
 * GOMP_SPINCOUNT), GOMP_SPINCOUNT is set to {@value #SPIN_COUNT}: a worker that has finished a
 * parallel region spins for that many iterations, some 0.2 to 0.3 ms, in case the next
 * region comes (in a run, it usually does), and then sleeps. libgomp's default spins 30
 * times as long (up to 10 ms of a core after every run, taken from the JVM's own threads);
 * OMP_WAIT_POLICY=passive sleeps at once, but then every region waits for its workers to
 * wake up, which on a virtual machine made the 224x224 SqueezeNet slower on two threads than
 * on one, where the short spin made it 1.5 times faster. libgomp reads its environment only
 * when it loads.
 */
public final class OpenMpRuntime {
  private OpenMpRuntime() {}

  /** The shared object the JIT loads; gcc installs it (Debian: libgomp1). */
  public static final String LIBRARY = "libgomp.so.1";

  private static final int RTLD_NOW = 2, RTLD_GLOBAL = 0x100, RTLD_NODELETE = 0x1000;

  /** Spins of an idle worker before it sleeps. */
  public static final String SPIN_COUNT = "10000";

  /** Loads libgomp (again is harmless: dlopen counts references); CodegenException when it cannot be found. */
  public static void load() {
    try {
      if (getenv("OMP_WAIT_POLICY") == null && getenv("GOMP_SPINCOUNT") == null) setenv("GOMP_SPINCOUNT", SPIN_COUNT);
    } catch (Throwable e) {
      throw new CodegenException("cannot set GOMP_SPINCOUNT before loading " + LIBRARY + ": " + e);
    }
    // LLVM's list of permanent libraries dlcloses them at exit, in its static destructors: with
    // workers still spinning in libgomp (OMP_WAIT_POLICY=active) the process crashed on
    // unmapped code as it exited. RTLD_NODELETE keeps libgomp mapped whatever closes it.
    MemorySegment handle;
    try (Arena arena = Arena.ofConfined()) {
      MethodHandle dlopen = libc("dlopen", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
      handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(LIBRARY), RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
    } catch (Throwable e) {
      throw new CodegenException("cannot load " + LIBRARY + ": " + e);
    }
    if (handle.equals(MemorySegment.NULL) || LLVMLoadLibraryPermanently(LIBRARY) != 0) {
      throw new CodegenException("cannot load " + LIBRARY + " (OpenMP, for code with more than one thread); install gcc's libgomp, or use one thread");
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
