package dev.sol.tools;

import dev.sol.runtime.ModelCache;
import dev.sol.runtime.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sol-cache list|clear}: the compiled models that sol-run, sol-bench and the Java API keep. */
@Command(name = "sol-cache", mixinStandardHelpOptions = true, version = "sol-cache 0.1",
    description = "Lists or clears the cache of compiled models.")
public final class SolCache implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "list|clear", description = "list: one line per entry (key, size, when, inputs); clear: remove them all.")
  String action;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "The cache (default: $SOL_CACHE_DIR, else $XDG_CACHE_HOME/sol, else ~/.cache/sol).")
  Path cacheDir;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SolCache());
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-cache", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("sol-cache: " + ex.getMessage());
      return 1;
    });
    InternalErrors.exit("sol-cache", () -> cli.execute(args));
  }

  @Override public Integer call() {
    Path dir = cacheDir != null ? cacheDir : ModelCache.defaultDirectory();
    ModelCache cache = ModelCache.in(dir);
    try {
      switch (action) {
        case "list" -> {
          List<ModelCache.Listed> entries = cache.list();
          long total = 0;
          for (ModelCache.Listed e : entries) {
            total += e.bytes();
            StringBuilder inputs = new StringBuilder();
            for (Map.Entry<String, TensorInfo> in : e.inputs().entrySet()) {
              inputs.append(inputs.isEmpty() ? "" : ", ").append(in.getKey()).append(' ').append(in.getValue());
            }
            System.out.printf("%s  %s  %s  %s%n", e.key().substring(0, 16), megabytes(e.bytes()), e.written().toString().substring(0, 19),
                inputs.isEmpty() ? "(unreadable metadata)" : inputs);
          }
          System.out.println(entries.size() + (entries.size() == 1 ? " entry, " : " entries, ") + megabytes(total) + " in " + dir);
        }
        case "clear" -> {
          int n = cache.clear();
          System.out.println("removed " + n + (n == 1 ? " entry" : " entries") + " from " + dir);
        }
        default -> {
          System.err.println("sol-cache: error: unknown action '" + action + "' (expected list or clear)");
          return 1;
        }
      }
      return 0;
    } catch (IOException e) {
      System.err.println("sol-cache: error: cannot read the cache " + dir + ": " + FileArgs.reason(e));
      return 1;
    }
  }

  private static String megabytes(long bytes) { return String.format("%.1f MB", bytes / 1e6); }
}
