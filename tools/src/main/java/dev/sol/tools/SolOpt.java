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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sol-opt}: reads IR, verifies it, and prints it in MLIR's generic form, like mlir-opt. */
@Command(name = "sol-opt", mixinStandardHelpOptions = true, version = "sol-opt 0.1",
    description = "Parses, verifies and prints SOL/MLIR IR in the generic form.")
public final class SolOpt implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE", description = "Input file, or - for stdin.")
  String input;

  @Option(names = "-o", paramLabel = "FILE", description = "Output file (default: stdout).")
  Path output;

  @Option(names = {"--allow-unregistered-dialect", "-allow-unregistered-dialect"},
      description = "Allow operations of dialects that are not loaded.")
  boolean allowUnregistered;

  @Option(names = {"--split-input-file", "-split-input-file"},
      description = "Process each chunk between '// -----' lines as a separate input.")
  boolean splitInputFile;

  @Option(names = {"--verify-diagnostics", "-verify-diagnostics"},
      description = "Check diagnostics against expected-* comments in the input.")
  boolean verifyDiagnostics;

  @Option(names = {"--mlir-print-debuginfo", "-mlir-print-debuginfo"}, description = "Print locations.")
  boolean printDebugInfo;

  @Option(names = {"--mlir-print-op-generic", "-mlir-print-op-generic"},
      description = "Print the generic form (always on: SOL prints only the generic form).")
  boolean printGeneric;

  @Option(names = "--load-dialect", paramLabel = "DIALECT",
      description = "Load an optional dialect: nn (loaded by default unless --allow-unregistered-dialect is given).")
  List<String> loadDialects = new java.util.ArrayList<>();

  @Option(names = "--check-equivalence",
      description = "Interpret the IR on random inputs before and after each pipeline step and name the first step that changes the results.")
  boolean checkEquivalence;

  @Option(names = "--no-verify", description = "Do not verify the input after parsing.")
  boolean noVerify;

  @Option(names = {"--pass-pipeline", "-pass-pipeline"}, paramLabel = "PIPELINE",
      description = "The pipeline to run, e.g. 'builtin.module(func.func(canonicalize,cse))'.")
  String passPipeline;

  @Option(names = "--pipeline", paramLabel = "NAME",
      description = "Run a named pipeline: cpu (the same as sol-cpu), ve (sol-ve: scalar loops for the C of NEC's vector engine) or any registered pipeline name.")
  String pipelineName;

  @Option(names = {"-p", "--passes"}, paramLabel = "PASSES",
      description = "Passes to run on the module, comma-separated (e.g. -p canonicalize,cse); passes on other ops are nested.")
  List<String> passLists = new java.util.ArrayList<>();

  @Option(names = {"--print-ir-before", "-mlir-print-ir-before"}, split = ",", paramLabel = "PASS",
      description = "Print the IR before each run of these passes (to stderr).")
  java.util.Set<String> printBefore = new java.util.HashSet<>();

  @Option(names = {"--print-ir-after", "-mlir-print-ir-after"}, split = ",", paramLabel = "PASS",
      description = "Print the IR after each run of these passes (to stderr).")
  java.util.Set<String> printAfter = new java.util.HashSet<>();

  @Option(names = {"--print-ir-before-all", "-mlir-print-ir-before-all"}, description = "Print the IR before every pass.")
  boolean printBeforeAll;

  @Option(names = {"--print-ir-after-all", "-mlir-print-ir-after-all"}, description = "Print the IR after every pass.")
  boolean printAfterAll;

  @Option(names = {"--print-ir-after-change", "-mlir-print-ir-after-change"},
      description = "Print the IR after a pass only when the pass changed it.")
  boolean printAfterChange;

  @Option(names = {"--print-ir-after-failure", "-mlir-print-ir-after-failure"},
      description = "Print the IR after a pass that failed.")
  boolean printAfterFailure;

  @Option(names = {"--print-ir-tree-dir", "-mlir-print-ir-tree-dir"}, paramLabel = "DIR",
      description = "Write the IR after each pass to a numbered file in DIR, one folder per nested operation.")
  Path printTreeDir;

  @Option(names = {"--timing", "-mlir-timing", "--mlir-timing"}, description = "Print the wall time of each pass.")
  boolean timing;

  @Option(names = {"--pass-statistics", "-mlir-pass-statistics"}, description = "Print the statistics of each pass.")
  boolean passStatistics;

  @Option(names = {"--verify-each", "-verify-each"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
      paramLabel = "BOOL", description = "Verify the IR after each pass (default: true).")
  boolean verifyEach;

  @Option(names = {"--mlir-disable-threading", "-mlir-disable-threading"},
      description = "Run nested pipelines on one thread.")
  boolean disableThreading;

  /** Per-pass flags (--cse, --canonicalize=OPTIONS), in command-line order. */
  final List<String[]> passFlags = new java.util.ArrayList<>();

  public static void main(String[] args) {
    InternalErrors.exit("sol-opt", () -> run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    SolOpt tool = new SolOpt();
    CommandLine cli = new CommandLine(tool);
    cli.setOverwrittenOptionsAllowed(true);
    PassRegistry registry = PassRegistry.loadAll();
    PassFlags.add(cli, registry, tool.passFlags);
    args = PassFlags.attachEmptyOptions(args, registry);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-opt", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("sol-opt: " + ex.getMessage());
      err.println("Try 'sol-opt --help' for more information.");
      return 1;
    });
    return cli.execute(args);
  }

  @Override public Integer call() throws IOException {
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
