package dev.sol.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * A mutation-fuzzing campaign: textual IR from the lit tests and ONNX models from the test data,
 * mutated deterministically (input i of seed s is always the same), through parsing or import,
 * verification, lowering and the interpreter ({@link FuzzTargets}). Runs only when asked:
 * {@code -Dsol.fuzz.seconds=N} bounds its time (.ci/run gives 60; a nightly run may give
 * hours), {@code -Dsol.fuzz.seed=S} and {@code -Dsol.fuzz.from=I} pick the inputs. Inputs that
 * crash or hang are written to {@code target/fuzz-findings/}; once fixed, they belong in
 * {@code src/test/resources/fuzz-regressions/}, which {@link FuzzRegressionTest} replays always.
 */
class FuzzTest {
  /** An input still running after this is a hang (generous: CI machines are slow and shared). */
  private static final long PER_INPUT_SECONDS = 60;

  @Test void mutatedInputsEndInUserFacingErrors() throws IOException {
    String seconds = System.getProperty("sol.fuzz.seconds");
    assumeTrue(seconds != null && !seconds.isEmpty(), "fuzzing runs only with -Dsol.fuzz.seconds=N");
    long budget = Long.parseLong(seconds) * 1_000_000_000L;
    long seed = Long.getLong("sol.fuzz.seed", 1);
    long from = Long.getLong("sol.fuzz.from", 0);
    Corpus corpus = new Corpus(Path.of("..").toAbsolutePath().normalize());
    FuzzTargets targets = new FuzzTargets();
    Path findings = Path.of("target", "fuzz-findings");
    List<String> found = new ArrayList<>();
    ExecutorService worker = Corpus.worker();
    long start = System.nanoTime();
    long i = from;
    for (; System.nanoTime() - start < budget && found.size() < 20; i++) {
      Corpus.Entry input = corpus.mutant(seed, i);
      String problem = Corpus.run(targets, input, worker, PER_INPUT_SECONDS);
      if (problem == null) continue;
      Files.createDirectories(findings);
      Path file = findings.resolve("seed" + seed + "-" + i + (input.onnx() ? ".onnx" : ".mlir"));
      Files.write(file, input.bytes());
      found.add(file + " (from " + input.name() + "): " + problem);
      // A hung worker keeps its thread: go on with a fresh one, and stop soon.
      if (problem.startsWith("hang")) worker = Corpus.worker();
    }
    worker.shutdownNow();
    System.out.println("fuzz: seed " + seed + ", inputs " + from + " to " + (i - 1) + ", " + corpus.entries.size() + " seeds, "
        + found.size() + " findings");
    assertTrue(found.isEmpty(), found.size() + " fuzz inputs crashed or hung:\n" + String.join("\n", found));
  }
}
