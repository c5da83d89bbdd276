package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Map<String, String> known = ConformanceCase.knownFailures(DATA.resolve("KNOWN_FAILURES.tsv"));
    List<Path> cases = ConformanceCase.suite(DATA);
    List<String> problems = new ArrayList<>();
    int passed = 0;
    for (Path dir : cases) {
      var r = ConformanceCase.run(dir, 1e-3, 1e-5);
      boolean listed = known.containsKey(r.name());
      if (r.failure() == null) {
        passed++;
        if (listed) problems.add(r.name() + " passes but is listed in KNOWN_FAILURES.tsv");
      } else if (!listed) {
        problems.add(r.name() + ": " + r.failure());
      }
    }
    assertTrue(cases.size() > 370, "expected the whole suite, found " + cases.size() + " cases");
    assertTrue(problems.isEmpty(), passed + " of " + cases.size() + " passed; unexpected: " + String.join("\n", problems));
  }
}
