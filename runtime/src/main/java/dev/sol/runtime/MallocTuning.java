package dev.sol.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Keeps glibc from handing the compiled code's temporaries back to the system after every run.
 * The generated code allocates its temporaries with malloc and frees them at the end of a run;
 * with glibc's defaults, blocks above 128 KiB are fresh mmaps and the main heap is trimmed, so
 * the next run faults every page in again, which made whole networks up to 4x slower than their
 * kernels (measured on SqueezeNet at 224 x 224). Raising the mmap and trim thresholds keeps the
 * memory in the process. A stop-gap until temporaries live in an arena that each run keeps;
 * a C library does the same in its init function. Other C libraries than glibc are left alone.
 */
final class MallocTuning {
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_MMAP_THRESHOLD = -3;
  private static boolean done;

  private MallocTuning() {}

  static synchronized void keepFreedMemory() {
    if (done) return;
    done = true;
    Linker linker = Linker.nativeLinker();
    linker.defaultLookup().find("mallopt").ifPresent(address -> {
      MethodHandle mallopt = linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
      try {
        // mallopt returns 0 when it refuses a value; the defaults then stay, which is only slower.
        if ((int) mallopt.invokeExact(M_MMAP_THRESHOLD, 32 << 20) != 0) {
          int ignored = (int) mallopt.invokeExact(M_TRIM_THRESHOLD, 1 << 30);
        }
      } catch (Throwable e) {
        throw new IllegalStateException("mallopt failed", e);
      }
    });
  }
}
