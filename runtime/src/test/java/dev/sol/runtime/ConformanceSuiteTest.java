package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every ONNX backend case in testdata/ (ONNX's own cases, and whole networks whose
 * expected outputs come from ONNX Runtime) through import and the reference interpreter.
 * Each case must pass unless KNOWN_FAILURES.tsv lists it with a reason, and a listed case
 * must still fail.
 */
class ConformanceSuiteTest {
  private static final Path DATA = Path.of("..", "testdata");

  @Test void everyCasePassesExceptTheListedOnes() throws IOException {
    var report = ConformanceCase.runSuite(DATA, List.of(DATA.resolve("KNOWN_FAILURES.tsv")), SolOptions::new);
    assertTrue(report.cases() > 370, "expected the whole suite, found " + report.cases() + " cases");
    assertTrue(report.problems().isEmpty(), report.summary());
  }
}
