package dev.sol.tools;

import dev.sol.codegen.llvm.FmaPeak;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.runtime.MissingConstantException;
import dev.sol.runtime.Profile;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolModel;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import dev.sol.runtime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** sol-run's model mode, a user of the Java API: compiles a model, binds input files to its inputs, runs it and prints the outputs. */
final class ModelRunner {
  private ModelRunner() {}

  static final class RunException extends Exception {
    RunException(String message) { super(message, null, false, false); }
  }

  /** What to run and how; {@code threads} null for the default. */
  record Request(Path model, List<String> inputs, List<String> constants, Map<String, long[]> shapes, SolOptions.Backend backend,
      Integer threads, int repeat, boolean timing, Path outputDir, boolean profile, boolean checkBounds, Path cacheDir, boolean winograd,
      boolean winogradF4) {}

  static void run(Request q) throws RunException, IOException {
    if (q.outputDir() != null) {
      try {
        Files.createDirectories(q.outputDir());
      } catch (IOException e) {
        throw new RunException("cannot create --output-dir " + q.outputDir() + ": " + FileArgs.reason(e));
      }
    }
    Map<String, SolTensor> byName = new LinkedHashMap<>();
    List<SolTensor> byPosition = new ArrayList<>();
    for (String spec : q.inputs()) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? null : spec.substring(0, eq);
      if (name != null && byName.containsKey(name)) throw new RunException("--input " + name + " is given twice");
      SolTensor t = read(Path.of(eq < 0 ? spec : spec.substring(eq + 1)));
      if (name == null) byPosition.add(t);
      else byName.put(name, t);
    }
    SolOptions options = new SolOptions().backend(q.backend()).profile(q.profile()).checkBounds(q.checkBounds()).cacheDir(q.cacheDir())
        .winograd(q.winograd()).winogradF4(q.winogradF4());
    if (q.threads() != null) options.threads(q.threads());
    for (Map.Entry<String, long[]> s : q.shapes().entrySet()) options.shape(s.getKey(), s.getValue());
    for (String spec : q.constants()) {
      int eq = spec.indexOf('=');
      if (eq <= 0) throw new RunException("--constant expects NAME=FILE.pb, got '" + spec + "'");
      options.constant(spec.substring(0, eq), read(Path.of(spec.substring(eq + 1))));
    }
    shapesFromInputs(q, options, byName, byPosition);
    try (SolModel model = compile(q, options, byName.keySet(), byPosition.size())) {
      boolean jit = q.backend() == SolOptions.Backend.JIT;
      if (q.timing() && jit) {
        System.out.printf("compile: %.1f ms%s%n", model.compileTime().toNanos() / 1e6, model.fromCache() ? " (machine code from the cache)" : "");
        System.out.printf("arena: %d bytes for the temporaries of a run%n", model.arenaBytes());
        if (model.imageSlices() > 1) System.out.printf("image by image: %d calls of code compiled for one image per run%n", model.imageSlices());
        StringBuilder phases = new StringBuilder();
        model.compilePhases().forEach((phase, ms) -> phases.append(phases.isEmpty() ? "" : ", ").append(String.format("%s %.1f ms", phase, ms)));
        System.out.println("compile phases: " + phases);
        StringBuilder passes = new StringBuilder();
        model.lowerPasses().forEach((pass, ms) -> passes.append(passes.isEmpty() ? "" : ", ").append(String.format("%s %.1f ms", pass, ms)));
        if (!passes.isEmpty()) System.out.println("lower passes: " + passes);
      }
      Map<String, SolTensor> feeds = bind(model, byName, byPosition, q.constants());
      long[] latencies = new long[q.repeat()];
      long rssFirst = 0;
      Profile warmUp = null;
      for (int i = 0; i < q.repeat(); i++) {
        long t0 = System.nanoTime();
        SolModel.Result r = model.run(feeds);
        latencies[i] = System.nanoTime() - t0;
        if (i == 0) rssFirst = residentKiB();
        // The first run pays for first touches of fresh memory: left out of the profile when there are more.
        if (i == 0 && q.profile() && q.repeat() > 1) warmUp = model.profile();
        if (i < q.repeat() - 1) {
          r.close();
          continue;
        }
        try (r) {
          if (q.timing() && jit) {
            System.out.printf("resident memory: %d KiB after the first run, %d KiB after the last%n", rssFirst, residentKiB());
          }
          if (q.timing()) printLatencies(latencies);
          if (q.profile()) printProfile(warmUp == null ? model.profile() : model.profile().since(warmUp), warmUp != null);
          print(r, q.outputDir());
        }
      }
    }
  }

  /**
   * An ONNX input with symbolic dimensions and no --shape takes the shape of the tensor given
   * for it (bound as {@link #bind} binds: by name, else in order), so that a model exported
   * with a dynamic batch runs on the input at hand.
   */
  private static void shapesFromInputs(Request q, SolOptions options, Map<String, SolTensor> byName, List<SolTensor> byPosition) throws IOException {
    if (!q.model().toString().endsWith(".onnx") || (byName.isEmpty() && byPosition.isEmpty())) return;
    java.nio.ByteBuffer bytes = mapped(q.model());
    List<OnnxImporter.OpenInput> open;
    List<String> inputs;
    try {
      open = OnnxImporter.openInputs(bytes);
      inputs = OnnxImporter.inputNames(bytes);
    } catch (ImportException e) {
      return; // compiling reports it
    }
    Set<String> constants = new java.util.HashSet<>();
    for (String spec : q.constants()) constants.add(spec.substring(0, Math.max(0, spec.indexOf('='))));
    List<String> unnamed = inputs.stream().filter(n -> !byName.containsKey(n) && !constants.contains(n)).toList();
    for (OnnxImporter.OpenInput in : open) {
      if (q.shapes().containsKey(in.name())) continue;
      int position = unnamed.indexOf(in.name());
      SolTensor t = byName.containsKey(in.name()) ? byName.get(in.name()) : position >= 0 && position < byPosition.size() ? byPosition.get(position) : null;
      if (t != null && t.shape().length == in.dims().length) options.shape(in.name(), t.shape());
    }
  }

  /** A model file's bytes, mapped: read into an array, a 100 MB model took 100 MB of heap for its input names. */
  private static java.nio.ByteBuffer mapped(Path file) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      if (channel.size() < Integer.MAX_VALUE) return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }
    return java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
  }

  /**
   * The tensor in {@code file}, in native memory: compiled code reads that in place, where a
   * tensor on the Java heap is copied at every run, which --print-timing and --profile would
   * count (a 3.2 MB input: 0.76 against 0.63 ms for one layer on two threads).
   */
  private static SolTensor read(Path file) throws RunException {
    try {
      SolTensor decoded = SolTensor.fromTensorProto(Files.readAllBytes(file));
      SolTensor t = SolTensor.allocate(decoded.shape(), decoded.elementType());
      t.segment().copyFrom(decoded.segment());
      return t;
    } catch (SolException e) {
      throw new RunException(file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new RunException("cannot read " + file + ": " + FileArgs.reason(e));
    }
  }

  private static SolModel compile(Request q, SolOptions options, Set<String> named, int positional) throws RunException, IOException {
    try (ProgressLine progress = ProgressLine.onStderr(String.valueOf(q.model().getFileName()))) {
      options.onPhase(progress::phase);
      return SolModel.compile(q.model(), options);
    } catch (MissingConstantException e) {
      List<String> graphInputs;
      try {
        graphInputs = OnnxImporter.inputNames(mapped(q.model()));
      } catch (ImportException notOnnx) {
        graphInputs = List.of();
      }
      List<String> unnamed = graphInputs.stream().filter(n -> !named.contains(n)).toList();
      List<String> hints = new ArrayList<>();
      for (String input : e.inputs()) {
        boolean given = named.contains(input) || unnamed.indexOf(input) >= 0 && unnamed.indexOf(input) < positional;
        hints.add("--constant " + input + "=FILE.pb" + (given ? " instead of --input" : ""));
      }
      throw new RunException(e.problem() + "; give " + (hints.size() == 1 ? "it" : "them") + " with " + String.join(" and ", hints));
    } catch (SolException e) {
      throw new RunException(e.getMessage());
    }
  }

  /** Named inputs by name, the others in order to the inputs not named; every input given must find one. */
  private static Map<String, SolTensor> bind(SolModel model, Map<String, SolTensor> byName, List<SolTensor> byPosition, List<String> constants)
      throws RunException {
    Set<String> names = model.inputs().keySet();
    for (String name : byName.keySet()) {
      if (names.contains(name)) continue;
      if (constants.stream().anyMatch(c -> c.startsWith(name + "="))) {
        throw new RunException("--input " + name + ": '" + name + "' is given with --constant too; give it once");
      }
      throw new RunException("--input " + name + ": the model has no input '" + name + "'; its inputs are " + String.join(", ", names));
    }
    List<String> unnamed = names.stream().filter(n -> !byName.containsKey(n)).toList();
    if (byPosition.size() > unnamed.size()) {
      String given = byPosition.size() + (byPosition.size() == 1 ? " input" : " inputs") + " given without a name, but ";
      throw new RunException(given + (unnamed.isEmpty() ? "the model's inputs (" + String.join(", ", names) + ") are all given by name"
          : "the model has only " + unnamed.size() + " more: " + String.join(", ", unnamed)));
    }
    Map<String, SolTensor> feeds = new LinkedHashMap<>();
    int position = 0;
    int i = 0;
    for (String name : names) {
      SolTensor t = byName.containsKey(name) ? byName.get(name) : position < byPosition.size() ? byPosition.get(position++) : null;
      if (t == null) throw new RunException("no value for input #" + i + " '" + name + "'; give --input " + name + "=FILE.pb");
      feeds.put(name, t);
      i++;
    }
    return feeds;
  }

  private static void print(SolModel.Result r, Path outputDir) throws RunException {
    List<String> names = r.names();
    for (int i = 0; i < names.size(); i++) {
      SolTensor t = r.get(names.get(i));
      System.out.println("output #" + i + " " + names.get(i) + ": " + t.info() + " " + preview(t));
      if (outputDir != null) {
        Path file = outputDir.resolve("output_" + i + ".pb");
        try {
          Files.write(file, t.toTensorProto(names.get(i)));
        } catch (IOException e) {
          throw new RunException("cannot write " + file + ": " + FileArgs.reason(e));
        }
      }
    }
  }

  /** The process's resident set size from /proc (0 where there is none): a native leak shows as growth over many runs. */
  static long residentKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static void printProfile(Profile p, boolean afterWarmUp) {
    FmaPeak.Result peak = FmaPeak.measure();
    System.out.printf("profile: %d %s%s, %.3f ms per run in the compiled code; FMA peak %.1f GFLOP/s (one core, f32)%n", p.runs(),
        p.runs() == 1 ? "run" : "runs", afterWarmUp ? " after a warm-up run" : "", p.runs() == 0 ? 0 : p.nanos() / 1e6 / p.runs(),
        peak.gflops());
    System.out.print(ProfileTable.format(p, peak.gflops()));
  }

  private static void printLatencies(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("runs: %d, latency: median %.3f ms, min %.3f ms, max %.3f ms%n", sorted.length, sorted[sorted.length / 2] / 1e6,
        sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  /** The first few values of a tensor. */
  static String preview(SolTensor t) {
    StringBuilder sb = new StringBuilder("[");
    long n = t.elementCount();
    for (int i = 0; i < Math.min(8, n); i++) {
      if (i > 0) sb.append(", ");
      sb.append(t.elementType().isFloatingPoint() ? Double.toString(t.getDouble(i)) : Long.toString(t.getLong(i)));
    }
    if (n > 8) sb.append(", ...");
    return sb.append(']').toString();
  }
}
