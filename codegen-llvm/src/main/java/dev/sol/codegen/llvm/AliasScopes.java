package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.memref.*;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.*;

/**
 * Alias scopes for the views of one buffer at disjoint bytes, as the memory plan places the
 * temporaries in the arena. LLVM sees those views as offsets from one pointer and, where an
 * index is not affine (a clamped window position), cannot tell that a loop's loads and stores
 * touch different tensors, so it would not vectorize; separate allocations it knew apart.
 * Each such view gets a scope, and every load and store through it (or through views of it)
 * carries {@code !alias.scope} of its view and {@code !noalias} of the views whose bytes are
 * disjoint from its own. Views that share bytes (tensors placed at the same offset at
 * different times) stay in each other's way, so no access moves across the other's.
 */
final class AliasScopes {
  private final Map<ViewOp, LLVMValueRef[]> tags = new IdentityHashMap<>();
  private final int scopeKind;
  private final int noaliasKind;

  private AliasScopes(LLVMContextRef ctx) {
    scopeKind = LLVMGetMDKindIDInContext(ctx, "alias.scope", 11);
    noaliasKind = LLVMGetMDKindIDInContext(ctx, "noalias", 7);
  }

  /** The scopes of the views in {@code function}, named after it. */
  static AliasScopes of(LLVMContextRef ctx, Operation function, String name) {
    AliasScopes s = new AliasScopes(ctx);
    Map<Object, List<ViewOp>> byBase = new LinkedHashMap<>();
    Map<ViewOp, BufferRoots.Root> ranges = new IdentityHashMap<>();
    function.walkPreOrder(op -> {
      if (!(op instanceof ViewOp v)) return;
      BufferRoots.Root r = BufferRoots.root(v.result());
      if (r == null || r.to() == Long.MAX_VALUE) return;
      ranges.put(v, r);
      byBase.computeIfAbsent(r.base(), k -> new ArrayList<>()).add(v);
    });
    int group = 0;
    for (List<ViewOp> views : byBase.values()) {
      if (views.size() < 2) continue;
      LLVMMetadataRef domain = node(ctx, string(ctx, name + ".buffer" + group));
      LLVMMetadataRef[] scopes = new LLVMMetadataRef[views.size()];
      for (int i = 0; i < scopes.length; i++) scopes[i] = node(ctx, string(ctx, name + ".buffer" + group + ".view" + i), domain);
      for (int i = 0; i < scopes.length; i++) {
        List<LLVMMetadataRef> disjoint = new ArrayList<>();
        for (int j = 0; j < scopes.length; j++) {
          if (!ranges.get(views.get(i)).overlaps(ranges.get(views.get(j)))) disjoint.add(scopes[j]);
        }
        if (disjoint.isEmpty()) continue;
        s.tags.put(views.get(i), new LLVMValueRef[] {
            LLVMMetadataAsValue(ctx, node(ctx, scopes[i])), LLVMMetadataAsValue(ctx, node(ctx, disjoint.toArray(LLVMMetadataRef[]::new)))});
      }
      group++;
    }
    return s;
  }

  /** Marks {@code access}, a load or store (or a masked or memcpy intrinsic) through {@code memref}, with the scopes of its view. */
  void tag(LLVMValueRef access, Value memref) {
    ViewOp view = viewOf(memref);
    LLVMValueRef[] t = view == null ? null : tags.get(view);
    if (t != null) {
      LLVMSetMetadata(access, scopeKind, t[0]);
      LLVMSetMetadata(access, noaliasKind, t[1]);
    }
  }

  /** The memref.view that {@code memref} is, or is a view of (through subviews, casts and reshapes); null when none. */
  static ViewOp viewOf(Value memref) {
    Value v = memref;
    while (true) {
      switch (v.definingOp()) {
        case ViewOp view -> { return view; }
        case SubViewOp x -> v = x.source();
        case CastOp c -> v = c.source();
        case ReshapeOp r -> v = r.source();
        case CollapseShapeOp c -> v = c.src();
        case ExpandShapeOp x -> v = x.src();
        case null, default -> { return null; }
      }
    }
  }

  private static LLVMMetadataRef string(LLVMContextRef ctx, String s) { return LLVMMDStringInContext2(ctx, s, s.length()); }

  private static LLVMMetadataRef node(LLVMContextRef ctx, LLVMMetadataRef... operands) {
    return LLVMMDNodeInContext2(ctx, ptrs(operands), operands.length);
  }
}
