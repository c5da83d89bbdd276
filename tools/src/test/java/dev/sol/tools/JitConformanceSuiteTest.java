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
    var report = ConformanceCase.runSuite(DATA, List.of(DATA.resolve("KNOWN_FAILURES.tsv"), DATA.resolve("KNOWN_FAILURES_JIT.tsv")),
        () -> new SolOptions().threads(threads).parallelWork(1));
    assertTrue(report.cases() > 370, "expected the whole suite, found " + report.cases() + " cases");
    assertTrue(report.problems().isEmpty(), report.summary());
  }
}
