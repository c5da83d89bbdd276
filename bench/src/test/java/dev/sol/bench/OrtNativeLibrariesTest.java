package dev.sol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native libraries unpacked once into the cache, and the binding pointed at them. */
class OrtNativeLibrariesTest {
  private static final String PROPERTY = "onnxruntime.native.path";
  private String saved;

  @BeforeEach void clear() {
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux") && System.getProperty("os.arch").equals("amd64"));
    saved = System.clearProperty(PROPERTY);
  }

  @AfterEach void restore() {
    if (saved != null) System.setProperty(PROPERTY, saved);
    else System.clearProperty(PROPERTY);
  }

  @Test void unpacksTheLibrariesOnceAndPointsTheBindingAtThem(@TempDir Path root) throws Exception {
    OrtNativeLibraries.useCache(root);
    Path dir = root.resolve("onnxruntime-" + OrtEnvironment.class.getPackage().getImplementationVersion() + "-linux-x64");
    assertEquals(dir.toString(), System.getProperty(PROPERTY));
    Path library = dir.resolve("libonnxruntime.so");
    assertEquals(resourceSize("/ai/onnxruntime/native/linux-x64/libonnxruntime.so"), Files.size(library));
    assertEquals(resourceSize("/ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so"), Files.size(dir.resolve("libonnxruntime4j_jni.so")));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no partial copies are left");
    }
    // A second start finds them and copies nothing.
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(library, old);
    System.clearProperty(PROPERTY);
    OrtNativeLibraries.useCache(root);
    assertEquals(old, Files.getLastModifiedTime(library));
    assertEquals(dir.toString(), System.getProperty(PROPERTY));
  }

  @Test void aCacheThatCannotBeWrittenLeavesTheBindingAsItWas(@TempDir Path root) throws Exception {
    Path notADirectory = Files.writeString(root.resolve("file"), "x");
    OrtNativeLibraries.useCache(notADirectory);
    assertNull(System.getProperty(PROPERTY));
  }

  @Test void aPathTheUserSetIsKept(@TempDir Path root) {
    System.setProperty(PROPERTY, "/opt/ort/lib");
    OrtNativeLibraries.useCache(root);
    assertEquals("/opt/ort/lib", System.getProperty(PROPERTY));
    try (var files = Files.list(root)) {
      assertEquals(0, files.count());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long resourceSize(String name) throws Exception {
    try (InputStream in = OrtEnvironment.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }
}
