package dev.sol.pass.transforms;

import dev.sol.ir.*;
import dev.sol.pass.Option;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import dev.sol.pass.rewrite.GreedyRewriteDriver;
import java.util.ArrayList;
import java.util.List;

/** Folds operations and applies every dialect's canonicalization patterns until a fixpoint. */
@PassInfo(name = "canonicalize", summary = "Canonicalize operations: fold constants, apply canonicalization patterns, erase dead operations")
public final class CanonicalizePass implements Pass<CanonicalizePass.Options> {
  public record Options(
      @Option(help = "Sweeps over the IR before giving up") int maxIterations,
      @Option(help = "Fail when the rewrites do not reach a fixpoint within max-iterations") boolean testConvergence,
      @Option(help = "Patterns (by class name) not to apply") List<String> disablePatterns,
      @Option(help = "Only apply these patterns (by class name), when given") List<String> enablePatterns) {}

  @Override public Options defaultOptions() { return new Options(10, false, List.of(), List.of()); }

  /** The canonicalization patterns of all loaded dialects, filtered by the options. */
  static List<RewritePattern> patterns(IRContext context, Options options) {
    List<RewritePattern> all = new ArrayList<>();
    for (Dialect d : context.dialects()) {
      for (RewritePattern p : d.canonicalizationPatterns()) {
        if (options.disablePatterns().contains(p.debugName())) continue;
        if (!options.enablePatterns().isEmpty() && !options.enablePatterns().contains(p.debugName())) continue;
        all.add(p);
      }
    }
    return all;
  }

  @Override public boolean run(Operation op, Options options, PassState state) {
    var result = GreedyRewriteDriver.apply(state.context(), op, patterns(state.context(), options),
        new GreedyRewriteDriver.Config(options.maxIterations(), true, false));
    state.statistic("num-iterations", "Sweeps over the IR").add(result.iterations());
    if (!result.converged()) {
      Diagnostic d = new Diagnostic(options.testConvergence() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
          op.location(), "canonicalizer did not converge within " + options.maxIterations() + " iterations");
      state.context().diagnostics().report(d);
      return !options.testConvergence();
    }
    return true;
  }
}
