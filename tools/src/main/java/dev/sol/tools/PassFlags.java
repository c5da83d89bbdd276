package dev.sol.tools;

import dev.sol.pass.PassRegistry;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one flag per registered pass and named pipeline ({@code --cse},
 * {@code --canonicalize=max-iterations=3}), recording them in command-line order, and
 * lists them in {@code --help}.
 */
final class PassFlags {
  private PassFlags() {}

  /**
   * Pass flags take options only when attached ({@code --canonicalize=max-iterations=3}),
   * so that {@code --cse FILE} keeps FILE as the input: a bare flag becomes {@code --cse=}.
   */
  static String[] attachEmptyOptions(String[] args, PassRegistry registry) {
    String[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (!out[i].startsWith("--") || out[i].contains("=")) continue;
      String name = out[i].substring(2);
      if (registry.lookup(name) != null || registry.lookupPipeline(name) != null) out[i] = out[i] + "=";
    }
    return out;
  }

  static void add(CommandLine cli, PassRegistry registry, List<String[]> sink) {
    for (PassRegistry.Entry e : registry.passes()) {
      addFlag(cli, e.info().name(), e.info().summary() + (e.info().anchor().equals("any") ? "" : " (on " + e.info().anchor() + ")"), sink);
    }
    for (PassRegistry.NamedPipeline p : registry.pipelines()) addFlag(cli, p.name(), p.summary() + " (pipeline)", sink);
  }

  private static void addFlag(CommandLine cli, String name, String summary, List<String[]> sink) {
    cli.getCommandSpec().addOption(OptionSpec.builder("--" + name)
        .arity("1")
        .paramLabel("OPTIONS")
        .type(String.class)
        .description("Pass: " + summary)
        .setter(new CommandLine.Model.ISetter() {
          @Override public <T> T set(T value) {
            if (value != null) sink.add(new String[] {name, value.toString()});
            return null;
          }
        })
        .build());
  }
}
