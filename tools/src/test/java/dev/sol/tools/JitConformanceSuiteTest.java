package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.SolOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ONNX conformance suite again, compiled: each case is lowered with sol-cpu, translated
 * to LLVM IR, JIT-compiled and run. Cases the interpreter cannot run (KNOWN_FAILURES.tsv) and
 * the JIT's own gaps (KNOWN_FAILURES_JIT.tsv) must fail; every other case must pass. It runs
 * on one thread, and on two with every loop that can be parallel made so (these cases are
 * too small to reach the usual parallel work), so that each runs its OpenMP code.
 */
class JitConformanceSuiteTest {
  private static final Path DATA = Path.of("..", "testdata");

  @ParameterizedTest @ValueSource(ints = {1, 2})
  void everyCaseCompilesAndPassesExceptTheListedOnes(int threads) throws IOException {
    Map<String, String> known = ConformanceCase.knownFailures(DATA.resolve("KNOWN_FAILURES.tsv"));
    known.putAll(ConformanceCase.knownFailures(DATA.resolve("KNOWN_FAILURES_JIT.tsv")));
    List<Path> cases = ConformanceCase.suite(DATA);
    List<String> problems = new ArrayList<>();
    int passed = 0;
    for (Path dir : cases) {
      var r = ConformanceCase.run(dir, 1e-3, 1e-5, Map.of(), () -> new SolOptions().threads(threads).parallelWork(1));
      boolean listed = known.containsKey(r.name());
      if (r.failure() == null) {
        passed++;
        if (listed) problems.add(r.name() + " passes but is listed as a known failure");
      } else if (!listed) {
        problems.add(r.name() + ": " + r.failure());
      }
    }
    assertTrue(cases.size() > 370, "expected the whole suite, found " + cases.size() + " cases");
    assertTrue(problems.isEmpty(), passed + " of " + cases.size() + " passed; unexpected: " + String.join("\n", problems));
  }
}
