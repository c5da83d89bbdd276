package dev.sol.tools.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The seeds the fuzzer mutates, in a fixed order: every chunk of every lit test's IR (split at
 * {@code // -----}) and the small ONNX models of the backend tests and the lit inputs. Also
 * runs one input with a time limit.
 */
final class Corpus {
  /** Seeds larger than this are left out: mutating them is slow and finds nothing new. */
  private static final long MAX_SEED_BYTES = 64 << 10;

  /** One seed or fuzz input: its bytes and whether they are an ONNX model (else textual IR). */
  record Entry(String name, byte[] bytes, boolean onnx) {}

  final List<Entry> entries = new ArrayList<>();

  Corpus(Path root) {
    try {
      for (Path p : files(root.resolve("lit-tests"), ".mlir")) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        String[] chunks = text.split("(?m)^// -----.*$");
        for (int i = 0; i < chunks.length; i++) {
          entries.add(new Entry(root.relativize(p) + "#" + i, chunks[i].getBytes(StandardCharsets.UTF_8), false));
        }
      }
      List<Path> models = new ArrayList<>(files(root.resolve("testdata/onnx-node"), ".onnx"));
      models.addAll(files(root.resolve("lit-tests/onnx/Inputs"), ".onnx"));
      for (Path p : models) entries.add(new Entry(root.relativize(p).toString(), Files.readAllBytes(p), true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      // Build outputs (lit's Output folders under target/) are no seeds: they come and go with builds.
      return s.filter(p -> p.toString().endsWith(suffix) && !dir.relativize(p).toString().contains("target/") && size(p) <= MAX_SEED_BYTES)
          .sorted().toList();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Fuzz input number {@code i} of a campaign: a seed picked and mutated 1 to 3 times, all from {@code seed} and {@code i}. */
  Entry mutant(long seed, long i) {
    Random r = new Random(seed * 1_000_003L + i);
    Entry e = entries.get(r.nextInt(entries.size()));
    byte[] b = e.bytes();
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      try {
        b = e.onnx() ? Mutations.onnx(b, r) : Mutations.text(new String(b, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8);
      } catch (RuntimeException notApplicable) {
        // A structural mutation that does not fit this input (an empty list): flip bytes instead.
        b = Mutations.bytes(b, r);
      }
    }
    return new Entry(e.name() + "~" + i, b, e.onnx());
  }

  /**
   * Runs {@code input} on {@code worker} for at most {@code seconds}: null when it ended as
   * bad input should, else what went wrong ("hang" when it ran out of time).
   */
  static String run(FuzzTargets targets, Entry input, ExecutorService worker, long seconds) {
    Future<?> f = worker.submit(() -> {
      if (input.onnx()) targets.onnx(input.bytes());
      else targets.text(input.bytes());
    });
    try {
      f.get(seconds, TimeUnit.SECONDS);
      return null;
    } catch (TimeoutException e) {
      f.cancel(true);
      return "hang: no answer within " + seconds + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      StringBuilder sb = new StringBuilder(c instanceof FuzzTargets.Finding ? c.getMessage() : "uncaught " + c);
      Throwable root = c.getCause() != null ? c.getCause() : c;
      StackTraceElement[] trace = root.getStackTrace();
      for (int k = 0; k < Math.min(6, trace.length); k++) sb.append("\n      at ").append(trace[k]);
      return sb.toString();
    }
  }

  static ExecutorService worker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
  }
}
