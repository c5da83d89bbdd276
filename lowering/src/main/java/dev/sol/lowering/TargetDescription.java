package dev.sol.lowering;

/**
 * What convert-nn-to-loops needs to know about the CPU to generate vector kernels for matrix
 * products: the vector width in f32 lanes (16 for AVX-512, 8 for AVX2, 4 for NEON), the number
 * of vector registers, and the sizes in bytes of the L2 and L3 caches, which the tiling is
 * sized from. The lowering cannot ask LLVM (it does not depend on codegen), so whoever knows
 * the target (the runtime, from the host CPU's features) passes these as options of the pass. Width 0 keeps the scalar loops, which LLVM's
 * auto-vectorizer handles for any target.
 */
public record TargetDescription(int vectorWidth, int vectorRegisters, long l2Bytes, long l3Bytes) {
  /** No vector kernels: the scalar loop nests. */
  public static final TargetDescription SCALAR = new TargetDescription(0, 0, 0, 0);

  /** Zero registers or cache sizes stand for typical values: 32 registers with 16 lanes (AVX-512) else 16, 1 MiB L2, 8 MiB L3. */
  public TargetDescription {
    if (vectorWidth < 0 || vectorRegisters < 0 || l2Bytes < 0 || l3Bytes < 0) {
      throw new IllegalArgumentException("a target description has no negative sizes");
    }
    if (vectorRegisters == 0) vectorRegisters = vectorWidth >= 16 ? 32 : 16;
    if (l2Bytes == 0) l2Bytes = 1 << 20;
    if (l3Bytes == 0) l3Bytes = 8 << 20;
  }

  /** True when matrix products get vector kernels (at least two lanes). */
  public boolean vectorizes() { return vectorWidth > 1; }

  /** These values as the options of convert-nn-to-loops, e.g. {@code vector-width=16 vector-registers=32 l2-cache=1048576 l3-cache=33554432}. */
  public String passOptions() {
    return "vector-width=" + vectorWidth + " vector-registers=" + vectorRegisters + " l2-cache=" + l2Bytes
        + " l3-cache=" + l3Bytes;
  }
}
