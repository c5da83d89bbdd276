package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.scf.*;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.*;

/** scf loops and conditionals as LLVM basic blocks with phi nodes for the values they carry. */
final class ScfEmitter {
  private final LlvmEmitter e;

  ScfEmitter(LlvmEmitter e) { this.e = e; }

  /** Emits {@code op} if it is an scf op this emitter knows; false otherwise. */
  boolean emit(Operation op) {
    List<LLVMValueRef> results = switch (op) {
      case ForOp f -> forLoop(f.body(), e.v(f.lowerBound()), e.v(f.upperBound()), e.v(f.step()), e.v(f.initArgs()));
      case IfOp i -> ifThenElse(i);
      case ParallelOp p -> parallel(p);
      case ExecuteRegionOp r -> e.emitBlock(r.region(0).entryBlock());
      case WhileOp w -> whileLoop(w);
      default -> null;
    };
    if (results == null) return false;
    e.bindResults(op, results);
    return true;
  }

  private LLVMBuilderRef b() { return e.builder(); }

  /** for (iv = lb; iv < ub; iv += step) with loop-carried values; returns their final values. */
  private List<LLVMValueRef> forLoop(Block body, LLVMValueRef lb, LLVMValueRef ub, LLVMValueRef step, List<LLVMValueRef> inits) {
    LLVMBuilderRef b = b();
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = e.appendBlock("loop.header");
    LLVMBasicBlockRef bodyBlock = e.appendBlock("loop.body");
    LLVMBasicBlockRef exit = e.appendBlock("loop.exit");
    LLVMBuildBr(b, header);
    LLVMPositionBuilderAtEnd(b, header);
    LLVMValueRef iv = LLVMBuildPhi(b, LLVMTypeOf(lb), "iv");
    List<LLVMValueRef> phis = new ArrayList<>();
    for (LLVMValueRef init : inits) phis.add(LLVMBuildPhi(b, LLVMTypeOf(init), "iter"));
    LLVMValueRef cond = LLVMBuildICmp(b, LLVMIntSLT, iv, ub, "cond");
    LLVMBuildCondBr(b, cond, bodyBlock, exit);
    LLVMPositionBuilderAtEnd(b, bodyBlock);
    e.bind(body.argument(0), iv);
    for (int i = 0; i < phis.size(); i++) e.bind(body.argument(i + 1), phis.get(i));
    List<LLVMValueRef> yielded = e.emitBlock(body);
    LLVMValueRef next = LLVMBuildAdd(b, iv, step, "iv.next");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMValueRef back = LLVMBuildBr(b, header);
    if (isShortScalarLoop(body, lb, ub, step)) unrollFully(back);
    LLVMAddIncoming(iv, ptrs(lb, next), ptrs(pre, latch), 2);
    for (int i = 0; i < phis.size(); i++) {
      LLVMAddIncoming(phis.get(i), ptrs(inits.get(i), yielded.get(i)), ptrs(pre, latch), 2);
    }
    LLVMPositionBuilderAtEnd(b, exit);
    return phis;
  }

  /** Loops of scalar code up to this many ops, unrolled, are unrolled completely. */
  static final long FULL_UNROLL_OPS = 256;

  /**
   * A loop of scalar code with constant trip counts (its own and its inner loops') whose
   * completely unrolled body has at most {@link #FULL_UNROLL_OPS} ops: a window's taps, a short
   * reduction, a tiny matrix product. LLVM's unroller is off ({@link Targets#optimize}), so SOL
   * asks for these loops to be unrolled completely, which lets LLVM fold their indices and
   * constants.
   */
  private static boolean isShortScalarLoop(Block body, LLVMValueRef lb, LLVMValueRef ub, LLVMValueRef step) {
    if (LLVMIsAConstantInt(lb) == null || LLVMIsAConstantInt(ub) == null || LLVMIsAConstantInt(step) == null) return false;
    long trips = trips(LLVMConstIntGetSExtValue(lb), LLVMConstIntGetSExtValue(ub), LLVMConstIntGetSExtValue(step));
    if (trips < 2) return false;
    long size = unrolledSize(body);
    return size > 0 && trips * size <= FULL_UNROLL_OPS;
  }

  private static long trips(long lb, long ub, long step) { return step <= 0 || ub <= lb ? 0 : (ub - lb + step - 1) / step; }

  /** The ops of {@code body} with its inner loops unrolled, or -1 when it has vectors, other regions or loops without constant bounds. */
  private static long unrolledSize(Block body) {
    long size = 0;
    for (Operation op : body) {
      for (int i = 0; i < op.numResults(); i++) if (op.result(i).type() instanceof VectorType) return -1;
      if (op instanceof ForOp f) {
        Long lb = dev.sol.dialect.arith.ConstantOp.integerValue(f.lowerBound());
        Long ub = dev.sol.dialect.arith.ConstantOp.integerValue(f.upperBound());
        Long step = dev.sol.dialect.arith.ConstantOp.integerValue(f.step());
        long inner = unrolledSize(f.body());
        if (lb == null || ub == null || step == null || inner < 0) return -1;
        size += trips(lb, ub, step) * inner;
      } else if (op.numRegions() > 0) {
        return -1;
      } else {
        size++;
      }
      if (size > FULL_UNROLL_OPS) return -1;
    }
    return size;
  }

  /** Loop metadata on the back edge {@code branch}: !llvm.loop !{self, !{"llvm.loop.unroll.full"}}. */
  private void unrollFully(LLVMValueRef branch) {
    LLVMContextRef ctx = e.context();
    LLVMMetadataRef self = LLVMTemporaryMDNode(ctx, new LLVMMetadataRef(), 0);
    String full = "llvm.loop.unroll.full";
    LLVMMetadataRef hint = LLVMMDNodeInContext2(ctx, ptrs(LLVMMDStringInContext2(ctx, full, full.length())), 1);
    LLVMMetadataRef id = LLVMMDNodeInContext2(ctx, ptrs(self, hint), 2);
    LLVMMetadataReplaceAllUsesWith(self, id);
    LLVMSetMetadata(branch, LLVMGetMDKindIDInContext(ctx, "llvm.loop", 9), LLVMMetadataAsValue(ctx, id));
  }

  private List<LLVMValueRef> ifThenElse(IfOp op) {
    LLVMBuilderRef b = b();
    LLVMBasicBlockRef thenB = e.appendBlock("if.then");
    LLVMBasicBlockRef elseB = e.appendBlock("if.else");
    LLVMBasicBlockRef merge = e.appendBlock("if.end");
    LLVMBuildCondBr(b, e.v(op.condition()), thenB, elseB);
    LLVMPositionBuilderAtEnd(b, thenB);
    List<LLVMValueRef> t = e.emitBlock(op.thenRegion().entryBlock());
    LLVMBasicBlockRef thenEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);
    LLVMPositionBuilderAtEnd(b, elseB);
    List<LLVMValueRef> f = op.elseRegion().isEmpty() ? List.of() : e.emitBlock(op.elseRegion().entryBlock());
    LLVMBasicBlockRef elseEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);
    LLVMPositionBuilderAtEnd(b, merge);
    List<LLVMValueRef> out = new ArrayList<>();
    for (int i = 0; i < op.numResults(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, e.type(op.result(i).type()), "if.result");
      LLVMAddIncoming(phi, ptrs(t.get(i), f.get(i)), ptrs(thenEnd, elseEnd), 2);
      out.add(phi);
    }
    return out;
  }

  private List<LLVMValueRef> whileLoop(WhileOp op) {
    LLVMBuilderRef b = b();
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef before = e.appendBlock("while.before");
    LLVMBasicBlockRef after = e.appendBlock("while.after");
    LLVMBasicBlockRef exit = e.appendBlock("while.exit");
    LLVMBuildBr(b, before);
    LLVMPositionBuilderAtEnd(b, before);
    Block beforeBody = op.before().entryBlock();
    List<Value> inits = op.inits();
    List<LLVMValueRef> phis = new ArrayList<>();
    for (int i = 0; i < inits.size(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, e.type(inits.get(i).type()), "while.arg");
      phis.add(phi);
      e.bind(beforeBody.argument(i), phi);
    }
    List<LLVMValueRef> cond = e.emitBlock(beforeBody);
    LLVMBasicBlockRef condEnd = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, cond.getFirst(), after, exit);
    LLVMPositionBuilderAtEnd(b, after);
    Block afterBody = op.after().entryBlock();
    for (int i = 0; i < afterBody.numArguments(); i++) e.bind(afterBody.argument(i), cond.get(i + 1));
    List<LLVMValueRef> next = e.emitBlock(afterBody);
    LLVMBasicBlockRef afterEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, before);
    for (int i = 0; i < phis.size(); i++) {
      LLVMAddIncoming(phis.get(i), ptrs(e.v(inits.get(i)), next.get(i)), ptrs(pre, afterEnd), 2);
    }
    LLVMPositionBuilderAtEnd(b, exit);
    List<LLVMValueRef> out = new ArrayList<>();
    for (int i = 0; i < op.numResults(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, e.type(op.result(i).type()), "while.result");
      LLVMAddIncoming(phi, ptrs(cond.get(i + 1)), ptrs(condEnd), 1);
      out.add(phi);
    }
    return out;
  }

  /**
   * scf.parallel without reductions: on OpenMP threads when there are several and no parallel
   * region encloses it, else a sequential loop nest (one thread gives the same code as scf.for).
   */
  private List<LLVMValueRef> parallel(ParallelOp op) {
    if (op.numResults() != 0) throw new CodegenException("scf.parallel with reductions is not supported by code generation yet");
    if (e.threads() > 1 && !e.openMp().inParallelRegion()) return e.openMp().parallel(op);
    nest(op.body(), op.lowerBounds(), op.upperBounds(), op.steps(), 0);
    return List.of();
  }

  /** The loop of dimension {@code d} around the loops of the inner dimensions, the body in the innermost. */
  private void nest(Block body, List<Value> lbs, List<Value> ubs, List<Value> steps, int d) {
    LLVMBuilderRef b = b();
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = e.appendBlock("par.header");
    LLVMBasicBlockRef bodyBlock = e.appendBlock("par.body");
    LLVMBasicBlockRef exit = e.appendBlock("par.exit");
    LLVMBuildBr(b, header);
    LLVMPositionBuilderAtEnd(b, header);
    LLVMValueRef iv = LLVMBuildPhi(b, e.i64(), "piv");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, iv, e.v(ubs.get(d)), "c"), bodyBlock, exit);
    LLVMPositionBuilderAtEnd(b, bodyBlock);
    e.bind(body.argument(d), iv);
    if (d == lbs.size() - 1) e.emitBlock(body);
    else nest(body, lbs, ubs, steps, d + 1);
    LLVMValueRef next = LLVMBuildAdd(b, iv, e.v(steps.get(d)), "piv.next");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, header);
    LLVMAddIncoming(iv, ptrs(e.v(lbs.get(d)), next), ptrs(pre, latch), 2);
    LLVMPositionBuilderAtEnd(b, exit);
  }
}
