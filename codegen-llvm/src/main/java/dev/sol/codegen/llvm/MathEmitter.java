package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.math.*;
import dev.sol.ir.*;
import org.bytedeco.llvm.LLVM.*;

/**
 * math operations as LLVM intrinsics. exp, tanh and erf on f32 and on fixed-length vectors of
 * f32 are written out inline ({@link InlineMath}) so that loops using them still vectorize and
 * vector code does not become a libm call per lane.
 */
final class MathEmitter {
  private final LlvmEmitter e;

  MathEmitter(LlvmEmitter e) { this.e = e; }

  /** Emits {@code op} if it is a math op this emitter knows; false otherwise. */
  boolean emit(Operation op) {
    LLVMValueRef r = switch (op) {
      case ExpOp o -> isF32(o) ? inline(o).exp(e.v(o.operand())) : call("llvm.exp", o, o.operand());
      case Exp2Op o -> call("llvm.exp2", o, o.operand());
      case LogOp o -> call("llvm.log", o, o.operand());
      case Log2Op o -> call("llvm.log2", o, o.operand());
      case Log10Op o -> call("llvm.log10", o, o.operand());
      case SqrtOp o -> call("llvm.sqrt", o, o.operand());
      case RsqrtOp o -> LLVMBuildFDiv(e.builder(), LLVMConstReal(e.type(o.result().type()), 1), call("llvm.sqrt", o, o.operand()), "");
      case AbsFOp o -> call("llvm.fabs", o, o.operand());
      case CeilOp o -> call("llvm.ceil", o, o.operand());
      case FloorOp o -> call("llvm.floor", o, o.operand());
      case RoundEvenOp o -> call("llvm.roundeven", o, o.operand());
      case SinOp o -> call("llvm.sin", o, o.operand());
      case CosOp o -> call("llvm.cos", o, o.operand());
      case TanhOp o -> isF32(o) ? inline(o).tanh(e.v(o.operand())) : call("llvm.tanh", o, o.operand());
      case PowFOp o -> call("llvm.pow", o, o.lhs(), o.rhs());
      case FmaOp o -> call("llvm.fma", o, o.a(), o.b(), o.c());
      case ErfOp o -> erf(o);
      default -> null;
    };
    if (r == null) return false;
    e.bind(op.result(0), r);
    return true;
  }

  /** Whether the op's result is f32 or a fixed-length vector of f32, which {@link InlineMath} computes. */
  private boolean isF32(Operation op) {
    return InlineMath.handles(e.type(op.result(0).type()));
  }

  /** The intrinsic {@code name} at the type of the op's result, applied to {@code args}. */
  private LLVMValueRef call(String name, Operation op, Value... args) {
    LLVMValueRef[] xs = new LLVMValueRef[args.length];
    for (int i = 0; i < args.length; i++) xs[i] = e.v(args[i]);
    return e.intrinsic(name, e.type(op.result(0).type()), xs);
  }

  private InlineMath inline(Operation op) { return new InlineMath(e, e.builder(), e.type(op.result(0).type())); }

  /** erf: inline on f32, libm's erf and erff otherwise (LLVM has no intrinsic). */
  private LLVMValueRef erf(ErfOp op) {
    if (isF32(op)) return inline(op).erf(e.v(op.operand()));
    boolean f64 = ((FloatType) op.result().type()).width() == 64;
    return e.callRuntime(f64 ? "erf" : "erff", e.type(op.result().type()), e.v(op.operand()));
  }
}
