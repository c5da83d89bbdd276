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

  static void add(CommandLine cli, PassRegistry registry, List<String[]> sink) {
    for (PassRegistry.Entry e : registry.passes()) {
      addFlag(cli, e.info().name(), e.info().summary() + (e.info().anchor().equals("any") ? "" : " (on " + e.info().anchor() + ")"), sink);
    }
    for (PassRegistry.NamedPipeline p : registry.pipelines()) addFlag(cli, p.name(), p.summary() + " (pipeline)", sink);
  }

  private static void addFlag(CommandLine cli, String name, String summary, List<String[]> sink) {
    cli.getCommandSpec().addOption(OptionSpec.builder("--" + name)
        .arity("0..1")
        .paramLabel("OPTIONS")
        .type(String.class)
        .fallbackValue("")
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
