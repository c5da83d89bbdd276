package dev.sol.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.YieldOp;
import dev.sol.dialect.nn.NnDialect;
import dev.sol.ir.OpSpec;
import dev.sol.lowering.nn2loops.Buffers;
import dev.sol.pass.conversion.ConversionPattern;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConvertNnToLoopsPatternsTest {
  /** nn.constant stays (bufferize turns it into a global); nn.yield goes with its nn.fused. */
  @Test void everyNnOpButConstantAndYieldHasExactlyOnePattern() {
    List<ConversionPattern> patterns = ConvertNnToLoopsPass.patterns(new Buffers(null), TargetDescription.SCALAR);
    Set<String> missing = new TreeSet<>();
    for (OpSpec spec : new NnDialect().operations()) {
      long n = patterns.stream().filter(p -> spec.name().equals(p.rootName())).count();
      if (n != (spec == ConstantOp.SPEC || spec == YieldOp.SPEC ? 0 : 1)) missing.add(spec.name() + " (" + n + " patterns)");
    }
    assertEquals(Set.of(), missing);
  }

  @Test void theCatchAllPatternComesLast() {
    List<ConversionPattern> patterns = ConvertNnToLoopsPass.patterns(new Buffers(null), TargetDescription.SCALAR);
    assertEquals(null, patterns.getLast().rootName());
    assertEquals(1, patterns.stream().filter(p -> p.rootName() == null).count());
  }
}
