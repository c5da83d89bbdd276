package dev.sol.runtime;

import dev.sol.dialect.func.ArenaArgument;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Interprets every function of a module on fixed random inputs, so that the results before
 * and after a pass can be compared ({@code sol-opt --check-equivalence}).
 */
public final class EquivalenceChecker {
  private final Map<String, List<Tensor>> inputs = new LinkedHashMap<>();
  private final Map<String, List<Type>> resultTypes = new LinkedHashMap<>();

  /** Prepares random inputs (seeded) for every function with a body and tensor arguments. */
  public EquivalenceChecker(Operation module, long seed) {
    Random random = new Random(seed);
    if (module.numRegions() == 0 || module.region(0).isEmpty()) return;
    for (Operation f : module.region(0).entryBlock()) {
      if (!f.name().equals("func.func") || f.region(0).isEmpty()) continue;
      List<Tensor> args = new ArrayList<>();
      for (BlockArgument a : f.region(0).entryBlock().arguments()) {
        if (!(a.type() instanceof RankedTensorType t) || !t.hasStaticShape()) {
          args = null;
          break;
        }
        Tensor x = Tensor.zeros(t.element(), t.shape());
        for (int i = 0; i < x.size(); i++) {
          if (x.isFloat()) x.set(i, random.nextDouble() * 2 - 1);
          else x.setLong(i, random.nextInt(x.isBool() ? 2 : 8));
        }
        args.add(x);
      }
      if (args == null) continue;
      inputs.put(Symbols.nameOf(f), args);
      resultTypes.put(Symbols.nameOf(f), ((FunctionType) ((TypeAttr) f.attribute("function_type")).type()).results());
    }
  }

  private EquivalenceChecker() {}

  /**
   * The same inputs with every float scaled by 1 + 2^-20 (some eight f32 rounding steps), the
   * others unchanged: the results' sensitivity to rounding, for telling a lowering that changed
   * the results from results that any reordering of float arithmetic moves (a division by a
   * difference near zero).
   */
  public EquivalenceChecker nudged() {
    EquivalenceChecker n = new EquivalenceChecker();
    n.resultTypes.putAll(resultTypes);
    for (Map.Entry<String, List<Tensor>> e : inputs.entrySet()) {
      List<Tensor> args = new ArrayList<>();
      for (Tensor t : e.getValue()) {
        Tensor x = Tensor.zeros(t.element(), t.shape());
        for (int i = 0; i < x.size(); i++) {
          if (x.isFloat()) x.set(i, t.get(i) * (1 + 0x1p-20));
          else x.setLong(i, t.getLong(i));
        }
        args.add(x);
      }
      n.inputs.put(e.getKey(), args);
    }
    return n;
  }

  /** The results of every prepared function, by name. */
  public Map<String, List<Tensor>> evaluate(Operation module) {
    Map<String, List<Tensor>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Tensor>> e : inputs.entrySet()) {
      Operation f = Interpreter.function(module, e.getKey());
      if (f == null) continue;
      Block body = f.region(0).entryBlock();
      int extra = body.numArguments() - e.getValue().size();
      if (extra > 0 && ((FunctionType) ((TypeAttr) f.attribute("function_type")).type()).results().isEmpty()) {
        // After bufferization, results are out-arguments after the inputs: pass zeroed
        // buffers and read them back. Buffers hold unsigned integers as signless ones: the
        // values cross bit for bit. An arena (memory-plan) is scratch, no result.
        List<Tensor> args = new ArrayList<>();
        for (int i = 0; i < e.getValue().size(); i++) args.add(retyped(e.getValue().get(i), body.argument(i).type()));
        List<Tensor> results = new ArrayList<>();
        for (int i = e.getValue().size(); i < body.numArguments(); i++) {
          if (!(body.argument(i).type() instanceof MemRefType m)) throw new Interpreter.InterpreterException("argument #" + i + " is not a buffer");
          args.add(Tensor.zeros(m.element(), m.shape()));
        }
        Interpreter.run(f, args);
        List<Type> types = resultTypes.get(e.getKey());
        int arena = ArenaArgument.index(f);
        for (int i = e.getValue().size(); i < args.size(); i++) {
          if (i == arena) continue;
          int k = i - e.getValue().size();
          results.add(k < types.size() ? retyped(args.get(i), types.get(k)) : args.get(i));
        }
        out.put(e.getKey(), results);
      } else {
        List<Tensor> args = new ArrayList<>();
        for (int i = 0; i < e.getValue().size() && i < body.numArguments(); i++) args.add(retyped(e.getValue().get(i), body.argument(i).type()));
        out.put(e.getKey(), Interpreter.run(f, args.size() == e.getValue().size() ? args : e.getValue()));
      }
    }
    return out;
  }

  /** {@code t} with the element type of {@code type}, when that differs only in the signedness of integers. */
  private static Tensor retyped(Tensor t, Type type) {
    Type element = type instanceof ShapedType s ? s.element() : type;
    return !t.element().equals(element) && t.element() instanceof IntegerType a && element instanceof IntegerType b && a.width() == b.width()
        ? t.reinterpreted(element) : t;
  }

  /** Null when {@code after} matches {@code before} within tolerance, else what differs. */
  public static String difference(Map<String, List<Tensor>> before, Map<String, List<Tensor>> after) {
    for (Map.Entry<String, List<Tensor>> e : before.entrySet()) {
      List<Tensor> b = e.getValue();
      List<Tensor> a = after.get(e.getKey());
      if (a == null) return "@" + e.getKey() + " disappeared";
      if (a.size() != b.size()) return "@" + e.getKey() + " returns " + a.size() + " values instead of " + b.size();
      for (int i = 0; i < b.size(); i++) {
        // Lowered half-precision code rounds every step to its few bits; the reference rounds once.
        boolean half = b.get(i).element() instanceof FloatType f && (f.equals(FloatType.F16) || f.equals(FloatType.BF16));
        String d = half ? ConformanceCase.compare(a.get(i), b.get(i), 2e-2, 1e-3) : ConformanceCase.compare(a.get(i), b.get(i), 1e-4, 1e-5);
        if (d != null) return "@" + e.getKey() + " result #" + i + ": " + d.replace("expected", "was");
      }
    }
    return null;
  }
}
