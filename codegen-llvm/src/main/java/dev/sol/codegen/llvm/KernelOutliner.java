package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.dialect.scf.WhileOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.llvm.LLVM.*;

/**
 * Each loop nest at the top level of a function becomes a function of its own,
 * {@code NAME.kernelN(captured...)}, marked {@code noinline}, and the parent calls it.
 *
 * <p>Why: a lowered network is one function of tens of thousands of instructions, and some of
 * LLVM's function passes cost more than linear time in the size of the function they work on
 * (IndVarSimplify, through ScalarEvolution, took a third of ResNet-50's optimization time on
 * one function and a seventh of it on per-nest functions). Small functions keep each pass's
 * work local, and they are what compiling on several threads splits ({@link ModulePartition}).
 * A call per loop nest costs nothing next to the nest.
 *
 * <p>The parameters are the values the nest uses from outside, except the results of
 * arith.constant ({@link KernelSharing#captures}); nests that are the same code share one
 * function ({@link KernelSharing}). Pointers whose buffers no other captured value reaches
 * ({@link BufferRoots}) are {@code noalias}, so the nest keeps the aliasing facts the entry
 * function's arguments gave it, and its accesses keep their alias scopes ({@link AliasScopes}).
 */
final class KernelOutliner {
  private final LlvmEmitter e;
  private final KernelSharing sharing;
  private final Map<Operation, String> names = new IdentityHashMap<>();

  /** Outlines the kernels of one function; each calls the function of its representative ({@link KernelSharing}). */
  KernelOutliner(LlvmEmitter e, KernelSharing sharing) {
    this.e = e;
    this.sharing = sharing;
  }

  /** True for an op at a function's top level that becomes a kernel: a loop nest (or a conditional one) with no results. */
  static boolean outlines(Operation op) {
    return op.numResults() == 0 && (op instanceof ForOp || op instanceof ParallelOp || op instanceof WhileOp || op instanceof IfOp);
  }

  /** Emits {@code op} as a new function and a call to it at the builder's position. */
  void outline(Operation op) {
    LLVMBuilderRef b = e.builder();
    LLVMContextRef ctx = e.context();
    LLVMValueRef parent = e.function();
    LLVMBasicBlockRef resume = LLVMGetInsertBlock(b);
    List<Value> captured = sharing.captures(op);
    LLVMTypeRef[] types = new LLVMTypeRef[captured.size()];
    LLVMValueRef[] args = new LLVMValueRef[captured.size()];
    for (int i = 0; i < types.length; i++) {
      args[i] = e.v(captured.get(i));
      types[i] = LLVMTypeOf(args[i]);
    }
    String name = LLVMGetValueName(parent).getString() + ".kernel" + names.size();
    names.put(op, name);
    LLVMTypeRef type = LLVMFunctionType(LLVMVoidTypeInContext(ctx), ptrs(types), types.length, 0);
    Operation representative = sharing.representative(op);
    if (representative != op) {
      // The same code as an earlier kernel: a call to its function (declared where another partition defines it).
      String shared = names.get(representative);
      LLVMValueRef fn = LLVMGetNamedFunction(e.module(), shared);
      if (fn == null) fn = LLVMAddFunction(e.module(), shared, type);
      LLVMBuildCall2(b, type, fn, ptrs(args), args.length, "");
      return;
    }
    LLVMValueRef fn = LLVMAddFunction(e.module(), name, type);
    LLVMSetLinkage(fn, e.partition().isSplit() ? LLVMExternalLinkage : LLVMInternalLinkage);
    if (!e.partition().owns(op)) {
      // Another partition defines it: a declaration and the call.
      LLVMBuildCall2(b, type, fn, ptrs(args), args.length, "");
      return;
    }
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("noinline", 8), 0));
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("nounwind", 8), 0));
    Set<Value> distinct = BufferRoots.distinct(op, captured);
    for (int i = 0; i < captured.size(); i++) if (distinct.contains(captured.get(i))) e.noalias(fn, i);
    Map<Value, LLVMValueRef> saved = new IdentityHashMap<>();
    for (int i = 0; i < captured.size(); i++) {
      saved.put(captured.get(i), args[i]);
      e.rebind(captured.get(i), LLVMGetParam(fn, i));
    }
    e.setFunction(fn);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    e.emit(op);
    LLVMBuildRetVoid(b);
    saved.forEach(e::rebind);
    e.setFunction(parent);
    LLVMPositionBuilderAtEnd(b, resume);
    LLVMBuildCall2(b, type, fn, ptrs(args), args.length, "");
  }

  /** The values defined outside {@code op} that it uses, in order of first use, except LLVM constants (an OpenMP body's). */
  static List<Value> captures(LlvmEmitter e, Operation op) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> out = new ArrayList<>();
    op.walkPreOrder(inner -> {
      for (Value v : inner.operands()) {
        if (isInside(v, op) || !seen.add(v)) continue;
        if (LLVMIsConstant(e.v(v)) == 0) out.add(v);
      }
    });
    return out;
  }

  /** True when {@code v} is defined inside {@code op} (by an op or as a block argument of one of its regions). */
  static boolean isInside(Value v, Operation op) {
    Operation owner = v.parentBlock() == null ? null : v.parentBlock().parentOp();
    return owner != null && op.isAncestorOf(owner);
  }
}
