package dev.sol.pass.transforms;

import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.ir.*;
import dev.sol.ir.traits.Symbol;
import dev.sol.pass.Option;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import dev.sol.pass.rewrite.GreedyRewriteDriver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inlines func.call operations whose callee has a single-block body and is not
 * (mutually) recursive, callees first; then erases private functions that are no longer
 * called and, like MLIR's inliner, canonicalizes the functions it ran on.
 */
@PassInfo(name = "inline", summary = "Inline function calls")
public final class InlinerPass implements Pass<InlinerPass.Options> {
  public record Options(
      @Option(help = "Pipeline to run on each function after inlining: canonicalize or none") String defaultPipeline,
      @Option(help = "Rounds of inlining into calls created by inlining") int maxIterations) {}

  @Override public Options defaultOptions() { return new Options("canonicalize", 4); }

  @Override public boolean run(Operation module, Options options, PassState state) {
    if (!options.defaultPipeline().equals("canonicalize") && !options.defaultPipeline().isEmpty()
        && !options.defaultPipeline().equals("none")) {
      return state.context().diagnostics().report(Diagnostic.error(module.location(),
          "inline: unsupported default-pipeline '" + options.defaultPipeline() + "' (use canonicalize or none)"));
    }
    int inlined = 0;
    for (int round = 0; round < options.maxIterations(); round++) {
      int n = inlineRound(module, state.context());
      inlined += n;
      if (n == 0) break;
    }
    int erased = eraseDeadPrivateFunctions(module);
    if (options.defaultPipeline().equals("canonicalize")) {
      var patterns = CanonicalizePass.patterns(state.context(), new CanonicalizePass().defaultOptions());
      for (Operation f : functions(module)) {
        GreedyRewriteDriver.apply(state.context(), f, patterns, GreedyRewriteDriver.Config.defaults());
      }
    }
    state.statistic("num-inlined-calls", "Calls inlined").add(inlined);
    state.statistic("num-erased-callables", "Dead private functions erased").add(erased);
    return true;
  }

  private static List<Operation> functions(Operation module) {
    List<Operation> fns = new ArrayList<>();
    for (Region r : module.regions()) for (Block b : r.blocks()) for (Operation o : b) if (o instanceof FuncOp) fns.add(o);
    return fns;
  }

  private static int inlineRound(Operation module, IRContext context) {
    List<CallOp> calls = new ArrayList<>();
    module.walk(o -> {
      if (o instanceof CallOp call) calls.add(call);
    });
    int n = 0;
    for (CallOp call : calls) {
      Operation callee = Symbols.lookup(call, call.callee());
      if (callee == null || callee.region(0).blocks().size() != 1) continue;
      Operation caller = call.parentOfType(Symbol.class) instanceof Operation c ? c : null;
      if (callee == caller || reaches(callee, caller, new HashSet<>())) continue;
      inline(call, callee);
      n++;
    }
    return n;
  }

  /** True when {@code from} calls {@code target}, directly or indirectly. */
  private static boolean reaches(Operation from, Operation target, Set<Operation> seen) {
    if (target == null || !seen.add(from)) return false;
    final boolean[] found = {false};
    from.walk(o -> {
      if (found[0] || !(o instanceof CallOp call)) return;
      Operation next = Symbols.lookup(call, call.callee());
      if (next == target || (next != null && reaches(next, target, seen))) found[0] = true;
    });
    return found[0];
  }

  private static void inline(Operation call, Operation callee) {
    Block body = callee.region(0).entryBlock();
    IRMapping mapping = new IRMapping();
    for (int i = 0; i < body.numArguments(); i++) mapping.map(body.argument(i), call.operand(i));
    Block dest = call.parentBlock();
    for (Operation op : body) {
      if (op == body.back()) break;
      Operation copy = op.clone(mapping);
      if (!(copy.location() instanceof UnknownLoc)) {
        copy.setLocation(new CallSiteLoc(copy.location(), call.location()));
      }
      dest.insertBefore(copy, call);
    }
    Operation ret = body.back();
    for (int i = 0; i < call.numResults(); i++) call.result(i).replaceAllUsesWith(mapping.lookup(ret.operand(i)));
    call.erase();
  }

  private static int eraseDeadPrivateFunctions(Operation module) {
    int erased = 0;
    boolean again = true;
    while (again) {
      again = false;
      Set<String> referenced = new HashSet<>();
      module.walk(o -> {
        for (NamedAttribute a : o.attributes().entries()) collect(a.value(), referenced);
      });
      for (Operation f : functions(module)) {
        boolean isPrivate = f.attribute("sym_visibility") instanceof StringAttr v && v.value().equals("private");
        if (isPrivate && !f.region(0).isEmpty() && !referenced.contains(Symbols.nameOf(f))) {
          f.erase();
          erased++;
          again = true;
        }
      }
    }
    return erased;
  }

  private static void collect(Attribute a, Set<String> out) {
    switch (a) {
      case SymbolRefAttr s -> out.add(s.root());
      case ArrayAttr arr -> arr.elements().forEach(e -> collect(e, out));
      case DictionaryAttr d -> d.entries().forEach(e -> collect(e.value(), out));
      default -> { }
    }
  }
}
