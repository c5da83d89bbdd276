package dev.sol.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every input that fuzzing once found crashing or hanging, replayed: each must now end as bad input should. */
class FuzzRegressionTest {
  private static final Path DIR = Path.of("src", "test", "resources", "fuzz-regressions");
  private static final ExecutorService WORKER = Corpus.worker();

  @TestFactory Stream<DynamicTest> foundInputsStayFixed() throws IOException {
    FuzzTargets targets = new FuzzTargets();
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".mlir") || p.toString().endsWith(".onnx")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Corpus.Entry input = new Corpus.Entry(p.toString(), Files.readAllBytes(p), p.toString().endsWith(".onnx"));
      assertNull(Corpus.run(targets, input, WORKER, 60), p.toString());
    }));
  }

  @AfterAll static void stop() { WORKER.shutdownNow(); }
}
