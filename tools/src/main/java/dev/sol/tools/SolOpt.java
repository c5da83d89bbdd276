package dev.sol.tools;

import dev.sol.dialect.Dialects;
import dev.sol.ir.Diagnostic;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.ir.Verifier;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.OpPassManager;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineException;
import dev.sol.pass.PipelineParser;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.DiagnosticPrinter;
import dev.sol.textir.DiagnosticVerifier;
import dev.sol.textir.IRParser;
import dev.sol.textir.ParseException;
import dev.sol.textir.SourceBuffer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code sol-opt}: reads IR, verifies it, and prints it in MLIR's generic form, like mlir-opt. */
public final class SolOpt {
  String input = "-";
  Path output;
  boolean allowUnregistered;
  boolean splitInputFile;
  boolean verifyDiagnostics;
  boolean printDebugInfo;
  boolean checkEquivalence;
  boolean noVerify;
  String passPipeline;
  String pipelineName;
  final List<String> loadDialects = new ArrayList<>();
  final List<String> passLists = new ArrayList<>();
  final Set<String> printBefore = new HashSet<>();
  final Set<String> printAfter = new HashSet<>();
  boolean printBeforeAll;
  boolean printAfterAll;
  boolean printAfterChange;
  boolean printAfterFailure;
  Path printTreeDir;
  boolean timing;
  boolean passStatistics;
  boolean verifyEach = true;
  boolean disableThreading;
  boolean help;
  boolean version;
  /** Per-pass flags (--cse, --canonicalize=OPTIONS), in command-line order. */
  final List<String[]> passFlags = new ArrayList<>();

  private Flags flags(PassRegistry registry) {
    Flags f = new Flags()
        .value("FILE", "Output file (default, or -: stdout).", v -> output = v.equals("-") ? null : Path.of(v), "-o")
        .toggle("Allow operations of dialects that are not loaded.", () -> allowUnregistered = true,
            "--allow-unregistered-dialect")
        .toggle("Process each chunk between '// -----' lines as a separate input.", () -> splitInputFile = true, "--split-input-file")
        .toggle("Check diagnostics against expected-* comments in the input.", () -> verifyDiagnostics = true, "--verify-diagnostics")
        .toggle("Print locations.", () -> printDebugInfo = true, "--mlir-print-debuginfo")
        .toggle("Print the generic form (always on: SOL prints only the generic form).", () -> {}, "--mlir-print-op-generic")
        .value("DIALECT", "Load an optional dialect: nn (loaded by default unless --allow-unregistered-dialect is given).",
            loadDialects::add, "--load-dialect")
        .toggle("Interpret the IR on random inputs before and after each pipeline step and name the first step that changes the results.",
            () -> checkEquivalence = true, "--check-equivalence")
        .toggle("Do not verify the input after parsing.", () -> noVerify = true, "--no-verify")
        .value("PIPELINE", "The pipeline to run, e.g. 'builtin.module(func.func(canonicalize,cse))'.", v -> passPipeline = v,
            "--pass-pipeline")
        .value("NAME", "Run a named pipeline: cpu (the same as sol-cpu), ve (sol-ve: scalar loops for the C of NEC's vector engine) "
            + "or any registered pipeline name.", v -> pipelineName = v, "--pipeline")
        .value("PASSES", "Passes to run on the module, comma-separated (e.g. -p canonicalize,cse); passes on other ops are nested.",
            passLists::add, "-p", "--passes")
        .value("PASS[,PASS...]", "Print the IR before each run of these passes (to stderr).", v -> printBefore.addAll(List.of(v.split(","))),
            "--print-ir-before", "--mlir-print-ir-before")
        .value("PASS[,PASS...]", "Print the IR after each run of these passes (to stderr).", v -> printAfter.addAll(List.of(v.split(","))),
            "--print-ir-after", "--mlir-print-ir-after")
        .toggle("Print the IR before every pass.", () -> printBeforeAll = true, "--print-ir-before-all", "--mlir-print-ir-before-all")
        .toggle("Print the IR after every pass.", () -> printAfterAll = true, "--print-ir-after-all", "--mlir-print-ir-after-all")
        .toggle("Print the IR after a pass only when the pass changed it.", () -> printAfterChange = true, "--print-ir-after-change",
            "--mlir-print-ir-after-change")
        .toggle("Print the IR after a pass that failed.", () -> printAfterFailure = true, "--print-ir-after-failure",
            "--mlir-print-ir-after-failure")
        .value("DIR", "Write the IR after each pass to a numbered file in DIR, one folder per nested operation.",
            v -> printTreeDir = Path.of(v), "--print-ir-tree-dir", "--mlir-print-ir-tree-dir")
        .toggle("Print the wall time of each pass.", () -> timing = true, "--timing", "--mlir-timing")
        .toggle("Print the statistics of each pass.", () -> passStatistics = true, "--pass-statistics", "--mlir-pass-statistics")
        .optionalValue("BOOL", "Verify the IR after each pass (default: true).", "true", v -> verifyEach = parseBoolean("--verify-each", v),
            "--verify-each")
        .toggle("Run nested pipelines on one thread.", () -> disableThreading = true, "--mlir-disable-threading")
        .toggle("Show this help message and exit.", () -> help = true, "-h", "--help")
        .toggle("Print version information and exit.", () -> version = true, "-V", "--version");
    PassFlags.add(f, registry, passFlags);
    return f;
  }

  private static boolean parseBoolean(String flag, String v) {
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return Boolean.parseBoolean(v);
    throw new IllegalArgumentException("Invalid value for option '" + flag + "': '" + v + "' is not a boolean");
  }

  public static void main(String[] args) {
    InternalErrors.exit("sol-opt", () -> run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    SolOpt tool = new SolOpt();
    PassRegistry registry = PassRegistry.loadAll();
    Flags flags = tool.flags(registry);
    List<String> files;
    try {
      files = flags.parse(args);
      if (files.size() > 1) throw new Flags.UsageException("Unexpected argument '" + files.get(1) + "' (sol-opt reads one input file)");
    } catch (Flags.UsageException | IllegalArgumentException e) {
      err.println("sol-opt: " + e.getMessage());
      err.println("Try 'sol-opt --help' for more information.");
      return 1;
    }
    if (tool.help) {
      out.println("Usage: sol-opt [OPTIONS] [FILE]");
      out.println("Parses, verifies and prints SOL/MLIR IR in the generic form. FILE: the input, or - (the default) for stdin.");
      out.println("A long option may also be written with one dash (-pass-pipeline), as mlir-opt spells them.");
      flags.printHelp(out);
      return 0;
    }
    if (tool.version) {
      out.println("sol-opt 0.1");
      return 0;
    }
    if (!files.isEmpty()) tool.input = files.getFirst();
    try {
      return tool.call();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  int call() throws IOException {
    String name = input.equals("-") ? "<stdin>" : input;
    String problem = output == null ? null : FileArgs.outputProblem(output);
    if (problem != null) {
      System.err.println("sol-opt: error: cannot write -o " + output + ": " + problem);
      return 1;
    }
    if (printTreeDir != null) {
      try {
        Files.createDirectories(printTreeDir);
      } catch (IOException e) {
        System.err.println("sol-opt: error: cannot create --print-ir-tree-dir " + printTreeDir + ": " + FileArgs.reason(e));
        return 1;
      }
    }
    SourceBuffer whole;
    try {
      whole = SourceBuffer.decode(name, input.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input)));
    } catch (IOException e) {
      System.err.println("sol-opt: could not open input file '" + input + "': " + FileArgs.reason(e));
      return 1;
    } catch (ParseException e) {
      new DiagnosticPrinter(new SourceBuffer(name, ""), System.err).print(e.diagnostic());
      return 1;
    }
    List<SourceBuffer> chunks = splitInputFile ? InputSplitter.split(name, whole.text()) : List.of(whole);
    Writer out;
    try {
      out = new Utf8Writer(new java.io.BufferedOutputStream(output == null ? System.out : Files.newOutputStream(output), 1 << 16));
    } catch (IOException e) {
      System.err.println("sol-opt: error: cannot write -o " + output + ": " + FileArgs.reason(e));
      return 1;
    }
    boolean ok = true;
    try (out) {
      for (int i = 0; i < chunks.size(); i++) {
        if (i > 0) out.write("\n// -----\n");
        ok &= processChunk(chunks.get(i), out);
      }
    }
    return ok ? 0 : 1;
  }

  private boolean processChunk(SourceBuffer source, Writer out) throws IOException {
    // The nn dialect is loaded unless --allow-unregistered-dialect asks for mlir-opt's view,
    // where nn.* are unregistered ops that pass through untouched (--load-dialect nn overrides).
    boolean nn = loadDialects.contains("nn") || !allowUnregistered;
    IRContext context = (nn ? Dialects.newContextWithNn() : Dialects.newContext()).setAllowUnregisteredDialects(allowUnregistered);
    DiagnosticPrinter printer = new DiagnosticPrinter(source, System.err);
    DiagnosticVerifier verifier = verifyDiagnostics ? new DiagnosticVerifier(source) : null;
    boolean success;
    // An error reported on the side (an IR dump that could not be written) fails the run too.
    boolean[] errors = {false};
    try (AutoCloseable scope = context.diagnostics().pushHandler(d -> {
      errors[0] |= verifier == null && d.severity() == Diagnostic.Severity.ERROR;
      if (verifier != null) verifier.handle(d);
      else printer.print(d);
    })) {
      success = runPipeline(context, source, out) && !errors[0];
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (verifier == null) return success;
    List<Diagnostic> problems = verifier.finish();
    for (Diagnostic d : problems) printer.print(d);
    return problems.isEmpty();
  }

  private OpPassManager buildPipeline(PassRegistry registry) {
    if (pipelineName != null) {
      if (passPipeline != null || !passLists.isEmpty() || !passFlags.isEmpty()) {
        throw new PipelineException("--pipeline cannot be combined with --pass-pipeline, -p or per-pass flags");
      }
      String name = pipelineName.equals("cpu") ? "sol-cpu" : pipelineName.equals("ve") ? "sol-ve" : pipelineName;
      if (registry.lookupPipeline(name) == null) {
        throw new PipelineException("unknown pipeline '" + pipelineName + "'; known: cpu" + registry.pipelines().stream().map(p -> ", " + p.name()).reduce("", String::concat));
      }
      return PipelineParser.parse(registry, registry.lookupPipeline(name).pipeline());
    }
    if (passPipeline != null) {
      if (!passLists.isEmpty() || !passFlags.isEmpty()) {
        throw new PipelineException("--pass-pipeline cannot be combined with -p or per-pass flags");
      }
      return PipelineParser.parse(registry, passPipeline);
    }
    OpPassManager pm = new OpPassManager("builtin.module");
    for (String list : passLists) PipelineParser.parseInto(registry, list, pm, true);
    for (String[] flag : passFlags) {
      PipelineParser.parseInto(registry, flag[0] + (flag[1].isEmpty() ? "" : "{" + flag[1] + "}"), pm, true);
    }
    return pm;
  }

  /** Runs the pipeline one top-level step at a time, interpreting the module around each step. */
  private boolean runCheckingEquivalence(IRContext context, PassRunner runner, OpPassManager pm, Operation module) {
    dev.sol.runtime.EquivalenceChecker checker = new dev.sol.runtime.EquivalenceChecker(module, 1234);
    java.util.Map<String, java.util.List<dev.sol.dialect.nn.Tensor>> reference;
    try {
      reference = checker.evaluate(module);
    } catch (RuntimeException e) {
      return context.diagnostics().report(dev.sol.ir.Diagnostic.error(module.location(),
          "--check-equivalence cannot interpret the input: " + e.getMessage()));
    }
    for (dev.sol.pass.PipelineElement step : pm.elements()) {
      OpPassManager single = new OpPassManager(pm.anchor());
      String name;
      switch (step) {
        case dev.sol.pass.PassRun r -> {
          single.addPass(r.pass(), r.options());
          name = r.name();
        }
        case OpPassManager nested -> {
          OpPassManager copy = single.nest(nested.anchor());
          for (dev.sol.pass.PipelineElement e : nested.elements()) {
            if (e instanceof dev.sol.pass.PassRun r) copy.addPass(r.pass(), r.options());
          }
          name = nested.toString();
        }
      }
      if (!runner.run(single, module)) return false;
      String diff;
      try {
        diff = dev.sol.runtime.EquivalenceChecker.difference(reference, checker.evaluate(module));
      } catch (RuntimeException e) {
        diff = "the output cannot be interpreted: " + e.getMessage();
      }
      if (diff != null) {
        return context.diagnostics().report(dev.sol.ir.Diagnostic.error(module.location(),
            "pass '" + name + "' changed the results: " + diff));
      }
    }
    return true;
  }

  private Instrumentation instrumentation() {
    return new Instrumentation(printBefore, printAfter, printBeforeAll, printAfterAll, printAfterChange, printAfterFailure,
        printTreeDir, timing, passStatistics, verifyEach, !disableThreading);
  }

  private boolean runPipeline(IRContext context, SourceBuffer source, Writer out) throws IOException {
    PassRegistry registry = PassRegistry.loadAll();
    for (String d : loadDialects) {
      if (!d.equals("nn")) {
        System.err.println("sol-opt: error: unknown dialect '" + d + "' for --load-dialect (known: nn)");
        return false;
      }
    }
    OpPassManager pm;
    try {
      pm = buildPipeline(registry);
    } catch (PipelineException e) {
      System.err.println("sol-opt: error: " + e.getMessage());
      return false;
    }
    PassRunner runner = new PassRunner(context, instrumentation(), op -> AsmPrinter.toString(op, printDebugInfo).stripTrailing(),
        System.err);
    long t0 = System.nanoTime();
    Operation module;
    try {
      module = IRParser.parse(context, source);
    } catch (ParseException e) {
      context.diagnostics().report(e.diagnostic());
      return false;
    }
    if (!noVerify && !Verifier.verify(module, context)) return false;
    runner.recordTiming("Parser", System.nanoTime() - t0);
    boolean ok = pm.isEmpty() || (checkEquivalence ? runCheckingEquivalence(context, runner, pm, module) : runner.run(pm, module));
    if (ok) {
      long t1 = System.nanoTime();
      AsmPrinter.print(module, out, printDebugInfo);
      out.write("\n");
      out.flush();
      runner.recordTiming("Output", System.nanoTime() - t1);
    }
    runner.printTiming();
    runner.printStatistics(pm);
    return ok;
  }
}
