package dev.sol.lowering;

/**
 * What convert-nn-to-loops needs to know about the CPU to generate vector kernels for matrix
 * products: the vector width in f32 lanes (16 for AVX-512, 8 for AVX2, 4 for NEON), the number
 * of vector registers, and the sizes in bytes of the L2 and L3 caches, which the tiling is
 * sized from. The lowering cannot ask LLVM (it does not depend on codegen), so whoever knows
 * the target (the runtime, from the host CPU's features) passes these as options of the pass. Width 0 keeps the scalar loops, which LLVM's
 * auto-vectorizer handles for any target.
 *
 * <p>A long-vector machine (NEC's vector engine) gives its vector length in elements instead
 * of a width: with no vector kernels of its own, its loops are made long for its compiler to
 * vectorize (convolutions sweep whole output planes, see {@code PlaneConv}); 0 elsewhere.
 *
 * <p>{@code winograd} lets 3 x 3 convolutions of stride 1 go by Winograd's F(2 x 2, 3 x 3)
 * ({@code WinogradConv}) where it pays: fewer multiplications, results that differ from the
 * direct sum in the last bits. False keeps every convolution direct. {@code winogradF4} lets
 * them take F(4 x 4, 3 x 3) where that pays more: 1.8x fewer multiplications again, errors some
 * 1e-5 of the output's scale (points 2 and -2 amplify rounding), so it is asked for, not the
 * default.
 *
 * <p>With more than one thread, outer loops over independent outputs become scf.parallel
 * when their work, in element operations, reaches {@code parallelWork}: starting a parallel
 * region costs some microseconds (handing the work to the team and waiting for all of it),
 * which a smaller loop would not earn back.
 */
public record TargetDescription(int vectorWidth, int vectorRegisters, long l2Bytes, long l3Bytes, int threads, long parallelWork,
    long vectorLength, boolean winograd, boolean winogradF4) {
  /** No vector kernels: the scalar loop nests. */
  public static final TargetDescription SCALAR = new TargetDescription(0, 0, 0, 0);

  /**
   * The work below which a loop stays serial when {@code parallelWork} is 0: some 6 us of
   * vectorized loads, stores and arithmetic on one core (about ten element operations a
   * nanosecond). A region costs a few microseconds with the team awake, tens when it must be
   * woken. Measured with two threads on a 2-core virtual machine: on the 224x224 SqueezeNet,
   * 2^15 (67 regions) ran 1.61 times as fast as one thread, 2^17 (42) 1.45 times, 2^18 (20)
   * 1.34 times; on the generated 32x32 networks, 2^15 made the few loops that reach it
   * parallel and ResNet and ShuffleNet twice as slow, 2^17 leaves them serial. Since then the
   * products split so that each thread reads what it wrote itself, and a serial layer between
   * two parallel ones reads half its input from the other core's cache (two CCDs apart on Zen
   * 5): SqueezeNet's 1 x 1 convolution 256 -> 48 at 13 x 13 (130,000 vector FMAs, just below 2^17
   * work) took longer on two threads than on one. 2^16 against 2^17 on two threads, deployed
   * A/B: the OCR CNN 0.977, ShuffleNet v2 0.983, SqueezeNet 0.988, MobileNet-v2 0.998, the text
   * recognizer 1.006; 2^15 was no better (SqueezeNet 0.989, OCR CNN 1.000 against 2^17), 2^14
   * slower on the OCR CNN (1.018 against 2^15).
   */
  public static final long DEFAULT_PARALLEL_WORK = 1 << 16;

  /**
   * Zero registers or cache sizes stand for typical values: 32 registers with 16 lanes (AVX-512) else 16, 1 MiB L2, 8 MiB L3;
   * zero parallel work for {@link #DEFAULT_PARALLEL_WORK}.
   */
  public TargetDescription {
    if (vectorWidth < 0 || vectorRegisters < 0 || l2Bytes < 0 || l3Bytes < 0 || parallelWork < 0 || vectorLength < 0) {
      throw new IllegalArgumentException("a target description has no negative sizes");
    }
    if (threads < 1) throw new IllegalArgumentException("a target has at least one thread, got " + threads);
    if (vectorRegisters == 0) vectorRegisters = vectorWidth >= 16 ? 32 : 16;
    if (l2Bytes == 0) l2Bytes = 1 << 20;
    if (l3Bytes == 0) l3Bytes = 8 << 20;
    if (parallelWork == 0) parallelWork = DEFAULT_PARALLEL_WORK;
  }

  /** One thread. */
  public TargetDescription(int vectorWidth, int vectorRegisters, long l2Bytes, long l3Bytes) {
    this(vectorWidth, vectorRegisters, l2Bytes, l3Bytes, 1, 0, 0, true, false);
  }

  /** This target with {@code threads} threads, loops of at least {@code parallelWork} element operations parallel (0: the default). */
  public TargetDescription withThreads(int threads, long parallelWork) {
    return new TargetDescription(vectorWidth, vectorRegisters, l2Bytes, l3Bytes, threads, parallelWork, vectorLength, winograd, winogradF4);
  }

  /** This target with Winograd convolutions allowed or not, and F(4 x 4, 3 x 3) among them or not. */
  public TargetDescription withWinograd(boolean winograd, boolean winogradF4) {
    return new TargetDescription(vectorWidth, vectorRegisters, l2Bytes, l3Bytes, threads, parallelWork, vectorLength, winograd, winogradF4);
  }

  /** True when matrix products get vector kernels (at least two lanes). */
  public boolean vectorizes() { return vectorWidth > 1; }

  /**
   * These values as the options of convert-nn-to-loops, e.g. {@code vector-width=16 vector-registers=32 l2-cache=1048576
   * l3-cache=33554432}, with {@code threads=2 parallel-work=65536} when there are several threads
   * and {@code winograd=false} when Winograd convolutions are off, {@code winograd-f4=true} when F(4 x 4) is on.
   */
  public String passOptions() {
    return "vector-width=" + vectorWidth + " vector-registers=" + vectorRegisters + " l2-cache=" + l2Bytes
        + " l3-cache=" + l3Bytes + (threads > 1 ? " threads=" + threads + " parallel-work=" + parallelWork : "")
        + (vectorLength > 0 ? " vector-length=" + vectorLength : "") + (winograd ? "" : " winograd=false") + (winogradF4 ? " winograd-f4=true" : "");
  }
}
