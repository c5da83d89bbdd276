package dev.sol.tools;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.codegen.llvm.CodegenException;
import dev.sol.codegen.llvm.LlvmEmitter;
import dev.sol.codegen.llvm.Targets;
import dev.sol.codegen.ve.CEmitter;
import dev.sol.codegen.ve.VeCodegenException;
import dev.sol.dialect.Dialects;
import dev.sol.ir.FunctionType;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.ir.Verifier;
import dev.sol.textir.DiagnosticPrinter;
import dev.sol.textir.IRParser;
import dev.sol.textir.ParseException;
import dev.sol.textir.SourceBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sol-translate}: LLVM-ready IR (func, scf, arith, math, memref with static shapes) to
 * LLVM IR, assembly or an object file, like mlir-translate followed by llc. Models in the nn
 * dialect go through {@code sol-opt --pipeline=cpu} first.
 */
@Command(name = "sol-translate", mixinStandardHelpOptions = true, version = "sol-translate 0.1",
    description = "Translates loop-level IR to LLVM IR, assembly or object code.")
public final class SolTranslate implements Callable<Integer> {
  enum Output { llvm_ir, asm, obj, c_harness, ve_c }

  @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE", description = "Input file, or - for stdin.")
  String input;

  @Option(names = "--target", paramLabel = "llvm-ir|asm|obj|c-harness|ve-c", defaultValue = "llvm-ir",
      description = "What to emit: llvm-ir (before optimization unless -O3), asm or obj (optimized with default<O3>), "
          + "c-harness (a C main that runs --entry on raw binary files), or ve-c (C99 for NEC's ncc, from loops made by "
          + "sol-opt --pipeline=ve; with -o OUT.c, constants over 64 KiB go to OUT.weights).")
  String target;

  @Option(names = "--triple", paramLabel = "TRIPLE", description = "Target triple (default: the host), e.g. aarch64-unknown-linux-gnu.")
  String triple;

  @Option(names = "--cpu", paramLabel = "NAME", description = "Target CPU (default: the host CPU, or generic for other triples).")
  String cpu;

  @Option(names = "--features", paramLabel = "+F,-G", description = "Target features (default: the host's, or none for other triples).")
  String features;

  @Option(names = "-O3", description = "Optimize LLVM IR output with default<O3> (asm and obj are always optimized).")
  boolean optimize;

  @Option(names = "--symbol-prefix", paramLabel = "PREFIX", defaultValue = "",
      description = "Prefix the names of exported functions (e.g. model_ turns main into model_main, so a C program can link it).")
  String symbolPrefix;

  @Option(names = "--entry", paramLabel = "NAME", defaultValue = "main", description = "The function the C harness calls (default: main).")
  String entry;

  @Option(names = "--harness-inputs", paramLabel = "N", defaultValue = "-1",
      description = "How many leading arguments of the entry are inputs read from files (default: all but the last; the arena is no file).")
  int harnessInputs;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Run each outermost scf.parallel on N OpenMP threads through libgomp's GOMP_parallel (link with -lgomp); 1 (default) makes serial loops.")
  int threads;

  @Option(names = "-o", paramLabel = "OUT", description = "Output file (default: stdout).")
  Path output;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SolTranslate());
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-translate", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("sol-translate: " + ex.getMessage());
      return 1;
    });
    InternalErrors.exit("sol-translate", () -> cli.execute(args));
  }

  @Override public Integer call() throws IOException {
    Output kind = switch (target) {
      case "llvm-ir" -> Output.llvm_ir;
      case "asm" -> Output.asm;
      case "obj" -> Output.obj;
      case "c-harness" -> Output.c_harness;
      case "ve-c" -> Output.ve_c;
      default -> null;
    };
    if (kind == null) {
      System.err.println("sol-translate: error: unknown --target '" + target + "' (expected llvm-ir, asm, obj, c-harness or ve-c)");
      return 1;
    }
    if (threads < 1) {
      System.err.println("sol-translate: error: --threads must be at least 1");
      return 1;
    }
    if (kind == Output.obj && output == null) {
      System.err.println("sol-translate: error: --target=obj needs -o FILE");
      return 1;
    }
    String problem = output == null ? null : FileArgs.outputProblem(output);
    if (problem != null) {
      System.err.println("sol-translate: error: cannot write -o " + output + ": " + problem);
      return 1;
    }
    String name = input.equals("-") ? "<stdin>" : input;
    SourceBuffer source;
    try {
      source = SourceBuffer.decode(name, input.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input)));
    } catch (IOException e) {
      System.err.println("sol-translate: could not open input file '" + input + "': " + FileArgs.reason(e));
      return 1;
    } catch (ParseException e) {
      new DiagnosticPrinter(new SourceBuffer(name, ""), System.err).print(e.diagnostic());
      return 1;
    }
    IRContext ctx = Dialects.newContextWithNn();
    DiagnosticPrinter printer = new DiagnosticPrinter(source, System.err);
    ctx.diagnostics().pushHandler(printer::print);
    Operation module;
    try {
      module = IRParser.parse(ctx, source);
    } catch (ParseException e) {
      ctx.diagnostics().report(e.diagnostic());
      return 1;
    }
    if (!Verifier.verify(module, ctx)) return 1;
    Operation[] unlowered = {null};
    module.walk(op -> {
      if (unlowered[0] == null && (op.dialectNamespace().equals("nn") || op.dialectNamespace().equals("bufferization")
          || op.name().equals("func.func") && op.attribute("function_type").toString().contains("tensor<"))) {
        unlowered[0] = op;
      }
    });
    if (unlowered[0] != null) {
      ctx.diagnostics().report(dev.sol.ir.Diagnostic.error(unlowered[0].location(),
          "'" + unlowered[0].name() + "' is not lowered to loops on buffers; run sol-opt --pipeline=" + (kind == Output.ve_c ? "ve" : "cpu")
              + " first"));
      return 1;
    }
    byte[] bytes;
    byte[] weights = new byte[0];
    try {
      if (kind == Output.ve_c) {
        CEmitter.Output c = CEmitter.emit(module, new CEmitter.Options(symbolPrefix, threads, output == null ? Long.MAX_VALUE : 1 << 16));
        bytes = c.source().getBytes(StandardCharsets.UTF_8);
        weights = c.weights();
      } else {
        bytes = kind == Output.c_harness ? harness(module).getBytes(StandardCharsets.UTF_8) : translate(module, kind, name);
      }
    } catch (CodegenException | VeCodegenException e) {
      System.err.println(name + ": error: " + e.getMessage());
      return 1;
    }
    if (weights.length > 0) {
      Path blob = weightsFile(output);
      try {
        Files.write(blob, weights);
      } catch (IOException e) {
        System.err.println("sol-translate: error: cannot write " + blob + ": " + FileArgs.reason(e));
        return 1;
      }
    }
    try (OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
      out.write(bytes);
    } catch (IOException e) {
      System.err.println("sol-translate: error: cannot write " + (output == null ? "the output" : "-o " + output) + ": " + FileArgs.reason(e));
      return 1;
    }
    return 0;
  }

  /** Where the weight blob of {@code -o OUT.c} goes: OUT.weights. */
  static Path weightsFile(Path output) {
    String file = output.getFileName().toString();
    String stem = file.endsWith(".c") ? file.substring(0, file.length() - 2) : file;
    return output.resolveSibling(stem + ".weights");
  }

  private String harness(Operation module) {
    Operation f = dev.sol.ir.Symbols.lookupIn(module, entry);
    if (f == null || !f.name().equals("func.func")) throw new CodegenException("no function @" + entry + " to call from the harness");
    FunctionType ft = (FunctionType) ((dev.sol.ir.TypeAttr) f.attribute("function_type")).type();
    int files = ft.inputs().size() - (dev.sol.dialect.func.ArenaArgument.index(f) >= 0 ? 1 : 0);
    return dev.sol.codegen.llvm.CHarness.generate(f, symbolPrefix + entry, harnessInputs < 0 ? files - 1 : harnessInputs);
  }

  private byte[] translate(Operation module, Output kind, String name) {
    LLVMTargetMachineRef tm = Targets.machine(triple, cpu, features);
    LLVMContextRef llvm = LLVMContextCreate();
    try {
      LLVMModuleRef m = LlvmEmitter.translate(llvm, module, name, threads);
      if (!symbolPrefix.isEmpty()) Targets.prefixSymbols(m, symbolPrefix);
      if (kind != Output.llvm_ir || optimize) Targets.optimize(m, tm);
      else Targets.setTarget(m, tm);
      byte[] out = kind == Output.llvm_ir ? Targets.text(m).getBytes(StandardCharsets.UTF_8) : Targets.emit(m, tm, kind == Output.obj);
      LLVMDisposeModule(m);
      return out;
    } finally {
      LLVMContextDispose(llvm);
      LLVMDisposeTargetMachine(tm);
    }
  }
}
