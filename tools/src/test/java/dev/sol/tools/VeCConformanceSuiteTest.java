package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.SolOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
    var report = ConformanceCase.runSuite(DATA, List.of(DATA.resolve("KNOWN_FAILURES.tsv"), DATA.resolve("KNOWN_FAILURES_JIT.tsv")),
        () -> new SolOptions().backend(SolOptions.Backend.VE_C).threads(threads));
    assertTrue(report.cases() > 370, "expected the whole suite, found " + report.cases() + " cases");
    assertTrue(report.problems().isEmpty(), report.summary());
  }
}
