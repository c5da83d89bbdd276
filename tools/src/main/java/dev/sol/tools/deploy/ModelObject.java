package dev.sol.tools.deploy;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.codegen.llvm.CodegenException;
import dev.sol.codegen.llvm.LlvmEmitter;
import dev.sol.codegen.llvm.Targets;
import dev.sol.dialect.func.ArenaArgument;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.ir.DenseElementsAttr;
import dev.sol.ir.FunctionType;
import dev.sol.ir.MemRefType;
import dev.sol.ir.Operation;
import dev.sol.ir.Symbols;
import dev.sol.ir.Type;
import dev.sol.runtime.LoweredModel;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/**
 * A model compiled to an object file for a target, by the JIT's own route: lowered with the
 * sol-cpu pipeline, translated to LLVM IR, optimized with default&lt;O3&gt; and emitted as
 * position-independent code (SOL's target machines use LLVM's PIC relocation model), so the
 * object can go into a shared library. Its functions are renamed with a prefix and hidden, so
 * that a library exports only its C API.
 *
 * @param object the ELF object file
 * @param entrySymbol the entry function's name in it
 * @param arguments what each parameter of the entry function is, derived from its signature
 * @param temporaryBytes the sizes of all the buffers the code allocates, 64-byte aligned, added up: a bound on the memory
 *     that one run takes from malloc
 * @param threads the OpenMP threads of its parallel loops; with more than one it calls libgomp
 */
record ModelObject(byte[] object, String entrySymbol, List<CInterface.EntryArgument> arguments, List<CInterface.Port> inputs,
    List<CInterface.Port> outputs, long temporaryBytes, int threads) {

  static ModelObject compile(Path model, SolOptions options, DeployTarget target, String symbolPrefix) throws SolException {
    LoweredModel lowered = LoweredModel.lower(model, options, target.description());
    FuncOp entry = (FuncOp) Symbols.lookupIn(lowered.module(), lowered.entry());
    List<CInterface.Port> inputs = ports(lowered.inputs());
    List<CInterface.Port> outputs = ports(lowered.outputs());
    List<CInterface.EntryArgument> arguments = arguments(model, entry, inputs, outputs);
    LLVMTargetMachineRef tm = target.machine();
    LLVMContextRef llvm = LLVMContextCreate();
    try {
      LLVMModuleRef m = LlvmEmitter.translate(llvm, lowered.module(), model.toString(), lowered.threads());
      Targets.prefixSymbols(m, symbolPrefix);
      Targets.hideSymbols(m);
      Targets.optimize(m, tm);
      byte[] object = Targets.emit(m, tm, true);
      LLVMDisposeModule(m);
      return new ModelObject(object, symbolPrefix + lowered.entry(), arguments, inputs, outputs, temporaryBytes(lowered.module()), lowered.threads());
    } catch (CodegenException e) {
      throw new SolException(model + ": " + e.getMessage());
    } finally {
      LLVMContextDispose(llvm);
      LLVMDisposeTargetMachine(tm);
    }
  }

  static long temporaryBytes(Operation module) {
    long[] sum = {0};
    module.walk(op -> {
      if (op instanceof AllocOp a) {
        MemRefType m = a.memrefType();
        sum[0] += (m.numElements() * DenseElementsAttr.elementBytes(m.element()) + 63) / 64 * 64;
      }
    });
    return sum[0];
  }

  static List<CInterface.Port> ports(Map<String, TensorInfo> tensors) {
    List<CInterface.Port> ports = new ArrayList<>();
    tensors.forEach((name, info) -> ports.add(new CInterface.Port(name, info)));
    return ports;
  }

  /**
   * The entry's parameters as the lowering left them: a buffer per input, then a buffer per
   * output, each of its tensor's size, then the arena of the temporaries if it has one. A
   * parameter beyond those is one this version of the C glue does not know how to fill, an
   * error rather than a wrong call.
   */
  static List<CInterface.EntryArgument> arguments(Path model, FuncOp entry, List<CInterface.Port> inputs,
      List<CInterface.Port> outputs) throws SolException {
    FunctionType ft = entry.functionType();
    if (!ft.results().isEmpty()) throw new SolException(model + ": the compiled entry function returns values; it should write buffers");
    List<Type> params = ft.inputs();
    int known = inputs.size() + outputs.size();
    int arena = ArenaArgument.index(entry);
    if (params.size() != known + (arena >= 0 ? 1 : 0) || (arena >= 0 && arena != known)) {
      throw new SolException(model + ": the compiled entry function takes " + params.size() + " parameters, but the model has " + inputs.size()
          + " inputs and " + outputs.size() + " outputs" + (arena >= 0 ? " and an arena" : "") + "; sol-deploy cannot call it");
    }
    List<CInterface.EntryArgument> arguments = new ArrayList<>();
    for (int i = 0; i < known; i++) {
      boolean input = i < inputs.size();
      int index = input ? i : i - inputs.size();
      TensorInfo want = (input ? inputs : outputs).get(index).info();
      if (!(params.get(i) instanceof MemRefType m) || m.numElements() != want.elementCount()) {
        throw new SolException(model + ": parameter #" + i + " of the compiled entry function is " + params.get(i) + ", not the buffer of "
            + (input ? "input " : "output ") + index + " (" + want + ")");
      }
      arguments.add(input ? new CInterface.EntryArgument.Input(index) : new CInterface.EntryArgument.Output(index));
    }
    if (arena >= 0) arguments.add(new CInterface.EntryArgument.Arena(ArenaArgument.bytes(entry)));
    return arguments;
  }
}
