package dev.sol.runtime;

import dev.sol.ir.FunctionType;
import dev.sol.ir.Operation;
import dev.sol.ir.RankedTensorType;
import dev.sol.ir.Symbols;
import dev.sol.ir.Type;
import dev.sol.ir.TypeAttr;
import dev.sol.lowering.TargetDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model imported and lowered to loops on buffers exactly as the JIT lowers it, but for a
 * CPU that may not be this one: what an ahead-of-time compiler (sol-deploy) translates to an
 * object file. The entry function takes one buffer per input and then one per output, in
 * the order of {@link #inputs()} and {@link #outputs()}.
 */
public final class LoweredModel {
  private final Operation module;
  private final String entry;
  private final Map<String, TensorInfo> inputs;
  private final Map<String, TensorInfo> outputs;
  private final int threads;

  private LoweredModel(LoadedModel model, int threads) {
    this.threads = threads;
    this.module = model.module;
    this.entry = Symbols.nameOf(model.function);
    this.inputs = model.inputs;
    this.outputs = model.outputs;
  }

  /**
   * Reads, imports and lowers a model (.onnx, or .mlir in the nn dialect) with the shapes and
   * constants of {@code options}, its kernels sized for {@code target}. Errors name the file.
   */
  public static LoweredModel lower(Path file, SolOptions options, TargetDescription target) throws SolException {
    Objects.requireNonNull(target, "target");
    LoadedModel model = load(file, options);
    JitEngine.lower(model.context, model.module, model.fileName, target.withThreads(options.threads(), options.parallelWork()).withWinograd(options.winograd(), options.winogradF4()), false, false);
    return new LoweredModel(model, options.threads());
  }

  /**
   * Reads, imports and lowers a model for the C emitter of NEC's vector engine
   * ({@code sol-ve}'s passes, parallel loops planned for {@code options.threads()}).
   */
  public static LoweredModel lowerForVe(Path file, SolOptions options) throws SolException {
    LoadedModel model = load(file, options);
    JitEngine.lower(model.context, model.module, model.fileName, dev.sol.lowering.LoweringPasses.vePipeline(options.threads()), false);
    return new LoweredModel(model, options.threads());
  }

  private static LoadedModel load(Path file, SolOptions options) throws SolException {
    Objects.requireNonNull(options, "options");
    LoadedModel model = LoadedModel.load(SolModel.read(file), file.toString(), SolModel.isMlir(file), options);
    FunctionType ft = (FunctionType) ((TypeAttr) model.function.attribute("function_type")).type();
    List<Type> signature = new ArrayList<>(ft.inputs());
    signature.addAll(ft.results());
    for (Type t : signature) {
      if (!(t instanceof RankedTensorType)) {
        throw new SolException(model.fileName + ": compiling needs a function on tensors, and @" + Symbols.nameOf(model.function) + " has "
            + t + " in its signature");
      }
    }
    return model;
  }

  /** The kernels' view of this machine's CPU, as the JIT sizes them. */
  public static TargetDescription hostTarget() { return JitEngine.hostTarget(); }

  /** The threads its parallel loops were planned for: translate it with as many (1: serial code, no OpenMP). */
  public int threads() { return threads; }

  /** The lowered builtin.module. */
  public Operation module() { return module; }

  /** The symbol name of the entry function. */
  public String entry() { return entry; }

  /** The inputs in argument order, by the graph's names (inputs given as constants are not among them). */
  public Map<String, TensorInfo> inputs() { return inputs; }

  /** The outputs in the graph's order, by the graph's names. */
  public Map<String, TensorInfo> outputs() { return outputs; }
}
