package dev.sol.bench;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * ONNX Runtime's native libraries, unpacked once into SOL's cache directory, where its Java
 * binding loads them from ({@code onnxruntime.native.path}). Left to itself, the binding copies
 * its 21 MB library out of the jar into a new temporary directory at every start and marks both
 * for deletion at exit, the directory first, while it still holds the library: each sol-bench
 * run left an empty {@code onnxruntime-java...} directory in the temporary folder, and a killed
 * run the library as well. With the libraries found in place the binding extracts nothing, and
 * its empty temporary directory is deleted at exit.
 */
final class OrtNativeLibraries {
  private OrtNativeLibraries() {}

  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

  /**
   * Unpacks the libraries of this binding's version for this platform under {@code cacheRoot}
   * unless they are there, and points the binding at them. Call before any ONNX Runtime class is
   * initialized. Changes nothing where the user set {@code onnxruntime.native.path}, on a platform
   * the jar has no libraries for, or when the cache cannot be written (the binding then unpacks
   * them itself, as before).
   */
  static void useCache(Path cacheRoot) {
    if (System.getProperty("onnxruntime.native.path") != null) return;
    String platform = platform();
    String version = OrtEnvironment.class.getPackage().getImplementationVersion();
    if (platform == null || version == null) return;
    Path dir = cacheRoot.resolve("onnxruntime-" + version + "-" + platform);
    try {
      Files.createDirectories(dir);
      for (String library : LIBRARIES) unpack("/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library), dir);
    } catch (IOException | RuntimeException e) {
      return;
    }
    System.setProperty("onnxruntime.native.path", dir.toString());
  }

  /** Copies the resource into {@code dir} under its own name unless it is there; a partial copy never takes that name. */
  private static void unpack(String resource, Path dir) throws IOException {
    Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    if (Files.isRegularFile(target)) return;
    try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
      if (in == null) throw new IOException("no " + resource + " in the ONNX Runtime jar");
      Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** The jar's folder name for this platform (as the binding names it), or null for one it has no libraries for. */
  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) return null;
    return switch (arch) {
      case "amd64", "x86_64" -> "linux-x64";
      case "aarch64" -> "linux-aarch64";
      default -> null;
    };
  }
}
