package dev.sol.codegen.llvm;

/**
 * Where large constant globals go when they stay out of the LLVM module: the module only
 * declares them (external, constant, 64-byte aligned), and the caller receives each one's
 * symbol and bytes, to define the symbol at link time (the JIT's absolute symbols). LLVM never
 * sees the weights of a network: building, hashing and emitting 100 MB of IR constants took
 * a tenth of a ResNet-50's compile time, and the object file no longer carries them.
 */
@FunctionalInterface
public interface ExternalConstants {
  /** Constants of at least this many bytes stay out of the module. */
  long MIN_BYTES = 4096;

  /** Global {@code symbol} (its LLVM name) holds {@code data} (the IR's own array: read it, do not change it), to be defined 64-byte aligned. */
  void add(String symbol, byte[] data);
}
