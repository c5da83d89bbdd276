package dev.sol.tools;

import dev.sol.pass.PassRegistry;
import java.util.List;

/**
 * Adds one flag per registered pass and named pipeline ({@code --cse},
 * {@code --canonicalize=max-iterations=3}) to sol-opt's flags, recording them in command-line
 * order. Their options are taken only when attached, so that {@code --cse FILE} keeps FILE as
 * the input.
 */
final class PassFlags {
  private PassFlags() {}

  static void add(Flags flags, PassRegistry registry, List<String[]> sink) {
    for (PassRegistry.Entry e : registry.passes()) {
      addFlag(flags, e.info().name(), e.info().summary() + (e.info().anchor().equals("any") ? "" : " (on " + e.info().anchor() + ")"), sink);
    }
    for (PassRegistry.NamedPipeline p : registry.pipelines()) addFlag(flags, p.name(), p.summary() + " (pipeline)", sink);
  }

  private static void addFlag(Flags flags, String name, String summary, List<String[]> sink) {
    flags.optionalValue("OPTIONS", "Pass: " + summary, "", v -> sink.add(new String[] {name, v}), "--" + name);
  }
}
