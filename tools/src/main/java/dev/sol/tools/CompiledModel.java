package dev.sol.tools;

import dev.sol.codegen.llvm.CodegenException;
import dev.sol.codegen.llvm.JitModule;
import dev.sol.codegen.llvm.LlvmEmitter;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.lowering.LoweringPasses;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.OpPassManager;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import java.io.PrintStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A function on tensors compiled to machine code: lowered with the {@code sol-cpu} pipeline,
 * translated to LLVM IR, optimized for the host and loaded into an LLJIT. Its buffers are
 * 64-byte-aligned native memory, allocated once and reused by every run.
 */
public final class CompiledModel implements AutoCloseable {
  private final List<RankedTensorType> inputTypes = new ArrayList<>();
  private final List<RankedTensorType> outputTypes = new ArrayList<>();
  private final Arena arena = Arena.ofShared();
  private final List<MemorySegment> buffers = new ArrayList<>();
  private final JitModule jit;
  private final MethodHandle entry;
  private final Object[] arguments;
  final long compileNanos;

  public static final class CompileException extends Exception {
    CompileException(String message) { super(message, null, false, false); }
  }

  /** Compiles {@code function} (a func.func in {@code module}); lowering modifies the module. */
  public CompiledModel(IRContext ctx, Operation module, Operation function) throws CompileException {
    long t0 = System.nanoTime();
    FunctionType ft = (FunctionType) ((TypeAttr) function.attribute("function_type")).type();
    for (Type t : ft.inputs()) inputTypes.add(tensorType(t));
    for (Type t : ft.results()) outputTypes.add(tensorType(t));
    String name = Symbols.nameOf(function);
    List<String> errors = new ArrayList<>();
    try (AutoCloseable scope = ctx.diagnostics().pushHandler(d -> errors.add(d.location() + ": " + d.message()))) {
      OpPassManager pm = PipelineParser.parse(PassRegistry.loadAll(), LoweringPasses.CPU_PIPELINE);
      PassRunner runner = new PassRunner(ctx, Instrumentation.defaults(), op -> "", new PrintStream(OutputStream.nullOutputStream()));
      if (!runner.run(pm, module)) throw new CompileException("lowering failed: " + String.join("; ", errors));
    } catch (CompileException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try {
      jit = new JitModule(llvm -> LlvmEmitter.translate(llvm, module, name));
    } catch (CodegenException e) {
      throw new CompileException(e.getMessage());
    }
    int n = inputTypes.size() + outputTypes.size();
    MemoryLayout[] args = new MemoryLayout[n];
    java.util.Arrays.fill(args, ValueLayout.ADDRESS);
    for (RankedTensorType t : inputTypes) buffers.add(allocate(t));
    for (RankedTensorType t : outputTypes) buffers.add(allocate(t));
    // The buffers never change, so the call is bound to them once: invoke() allocates nothing.
    entry = jit.function(name, FunctionDescriptor.ofVoid(args)).asSpreader(Object[].class, n);
    arguments = buffers.toArray();
    compileNanos = System.nanoTime() - t0;
  }

  private static RankedTensorType tensorType(Type t) throws CompileException {
    if (!(t instanceof RankedTensorType r)) throw new CompileException("the entry function must take and return ranked tensors, not " + t);
    if (!r.hasStaticShape()) throw new CompileException("the entry function has a dynamic shape " + r + "; give --shape NAME=D0,D1,...");
    return r;
  }

  private MemorySegment allocate(RankedTensorType t) {
    return arena.allocate(Math.max(1, t.numElements() * DenseElementsAttr.elementBytes(t.element())), 64);
  }

  List<RankedTensorType> inputTypes() { return inputTypes; }

  /** Copies the inputs into the native buffers. */
  public void setInputs(List<Tensor> inputs) {
    for (int i = 0; i < inputTypes.size(); i++) {
      Tensor t = inputs.get(i);
      if (!java.util.Arrays.equals(t.shape(), inputTypes.get(i).shape()) || !t.element().equals(inputTypes.get(i).element())) {
        throw new IllegalArgumentException("input #" + i + " is " + t.type() + " but the model expects " + inputTypes.get(i));
      }
      write(t, buffers.get(i));
    }
  }

  /** Runs the compiled code once on the current inputs. */
  public void invoke() {
    try {
      entry.invoke(arguments);
    } catch (Throwable e) {
      throw new IllegalStateException("calling compiled code failed", e);
    }
  }

  public List<Tensor> outputs() {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < outputTypes.size(); i++) out.add(read(outputTypes.get(i), buffers.get(inputTypes.size() + i)));
    return out;
  }

  public List<Tensor> run(List<Tensor> inputs) {
    setInputs(inputs);
    invoke();
    return outputs();
  }

  private static void write(Tensor t, MemorySegment seg) {
    Type e = t.element();
    int n = t.size();
    switch (e) {
      case FloatType f when f.width() == 32 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) t.get(i)); }
      case FloatType f when f.width() == 64 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, t.get(i)); }
      case IntegerType it when it.width() == 64 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_LONG, i, t.getLong(i)); }
      case IntegerType it when it.width() == 32 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_INT, i, (int) t.getLong(i)); }
      case IntegerType it when it.width() == 16 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) t.getLong(i)); }
      case FloatType f when f.kind() == FloatType.Kind.F16 -> { for (int i = 0; i < n; i++) seg.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) t.get(i))); }
      case IntegerType it when it.width() <= 8 -> { for (int i = 0; i < n; i++) seg.set(ValueLayout.JAVA_BYTE, i, (byte) t.getLong(i)); }
      default -> throw new IllegalArgumentException("element type " + e + " is not supported at the compiled model's boundary");
    }
  }

  private static Tensor read(RankedTensorType type, MemorySegment seg) {
    Tensor t = Tensor.zeros(type.element(), type.shape());
    int n = t.size();
    switch (type.element()) {
      case FloatType f when f.width() == 32 -> { for (int i = 0; i < n; i++) t.set(i, seg.getAtIndex(ValueLayout.JAVA_FLOAT, i)); }
      case FloatType f when f.width() == 64 -> { for (int i = 0; i < n; i++) t.set(i, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, i)); }
      case IntegerType it when it.width() == 64 -> { for (int i = 0; i < n; i++) t.setLong(i, seg.getAtIndex(ValueLayout.JAVA_LONG, i)); }
      case IntegerType it when it.width() == 32 -> { for (int i = 0; i < n; i++) t.setLong(i, seg.getAtIndex(ValueLayout.JAVA_INT, i)); }
      case IntegerType it when it.width() == 16 -> {
        boolean unsigned = it.signedness() == IntegerType.Signedness.UNSIGNED;
        for (int i = 0; i < n; i++) {
          short v = seg.getAtIndex(ValueLayout.JAVA_SHORT, i);
          t.setLong(i, unsigned ? v & 0xffff : v);
        }
      }
      case FloatType f when f.kind() == FloatType.Kind.F16 -> { for (int i = 0; i < n; i++) t.set(i, Float.float16ToFloat(seg.getAtIndex(ValueLayout.JAVA_SHORT, i))); }
      case IntegerType it when it.width() == 1 -> { for (int i = 0; i < n; i++) t.setLong(i, seg.get(ValueLayout.JAVA_BYTE, i) & 1); }
      case IntegerType it when it.width() == 8 -> { for (int i = 0; i < n; i++) t.setLong(i, seg.get(ValueLayout.JAVA_BYTE, i)); }
      default -> throw new IllegalArgumentException("element type " + type.element() + " is not supported at the compiled model's boundary");
    }
    return t;
  }

  @Override public void close() {
    jit.close();
    arena.close();
  }
}
