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
 * The ONNX conformance suite and the generated whole networks through the C of NEC's vector
 * engine: each case lowered with the sol-ve pipeline's passes, emitted as C, compiled by gcc
 * with {@code -Wall -Werror} and run. The pass rate must be the JIT's: only the interpreter's
 * known failures (KNOWN_FAILURES.tsv) and the JIT's (KNOWN_FAILURES_JIT.tsv) may fail. On two
 * threads the C is compiled with {@code -fopenmp}, so its OpenMP loops run too.
 */
class VeCConformanceSuiteTest {
  private static final Path DATA = Path.of("..", "testdata");

  @ParameterizedTest @ValueSource(ints = {1, 2})
  void everyCasePassesAsTheJitDoes(int threads) throws IOException {
    Map<String, String> known = ConformanceCase.knownFailures(DATA.resolve("KNOWN_FAILURES.tsv"));
    known.putAll(ConformanceCase.knownFailures(DATA.resolve("KNOWN_FAILURES_JIT.tsv")));
    List<Path> cases = ConformanceCase.suite(DATA);
    List<String> problems = new ArrayList<>();
    int passed = 0;
    for (Path dir : cases) {
      var r = ConformanceCase.run(dir, 1e-3, 1e-5, Map.of(), () -> new SolOptions().backend(SolOptions.Backend.VE_C).threads(threads));
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
