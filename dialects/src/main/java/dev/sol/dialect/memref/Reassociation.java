package dev.sol.dialect.memref;

import dev.sol.ir.*;

/**
 * The reassociation of memref.collapse_shape and memref.expand_shape: which dimensions of
 * the higher-rank type make up each dimension of the lower-rank one.
 */
final class Reassociation {
  private Reassociation() {}

  static ArrayAttr attribute(int[][] groups) {
    java.util.List<Attribute> out = new java.util.ArrayList<>();
    for (int[] g : groups) {
      java.util.List<Attribute> dims = new java.util.ArrayList<>();
      for (int d : g) dims.add(IntegerAttr.i64(d));
      out.add(new ArrayAttr(dims));
    }
    return new ArrayAttr(out);
  }

  static int[][] of(Operation op) {
    ArrayAttr groups = (ArrayAttr) op.attribute("reassociation");
    int[][] out = new int[groups.size()][];
    for (int g = 0; g < out.length; g++) {
      out[g] = ((ArrayAttr) groups.get(g)).elements().stream().mapToInt(e -> (int) ((IntegerAttr) e).value()).toArray();
    }
    return out;
  }

  /**
   * The collapsed type of {@code source}: each group's sizes multiplied. A strided source keeps
   * its offset, and each group takes the stride of its innermost dimension, which needs the
   * dimensions of a group to be contiguous (static shape and strides), as MLIR requires.
   */
  static MemRefType collapse(MemRefType source, int[][] groups) {
    long[] shape = new long[groups.length];
    for (int g = 0; g < groups.length; g++) {
      shape[g] = 1;
      for (int d : groups[g]) {
        long size = source.shape()[d];
        shape[g] = size == ShapedType.DYNAMIC || shape[g] == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : shape[g] * size;
      }
    }
    if (source.hasIdentityLayout()) return new MemRefType(shape, source.element(), null, source.memorySpace());
    long[] st = source.staticStrides();
    if (!(source.layout() instanceof StridedLayoutAttr strided) || st == null || !source.hasStaticShape()) {
      throw new IllegalArgumentException("give the result type of collapsing " + source);
    }
    long[] strides = new long[groups.length];
    for (int g = 0; g < groups.length; g++) {
      int[] dims = groups[g];
      for (int i = 0; i + 1 < dims.length; i++) {
        if (st[dims[i]] != st[dims[i + 1]] * source.shape()[dims[i + 1]]) {
          throw new IllegalArgumentException("dimensions " + dims[i] + " and " + dims[i + 1] + " of " + source + " are not contiguous");
        }
      }
      strides[g] = st[dims[dims.length - 1]];
    }
    return new MemRefType(shape, source.element(), new StridedLayoutAttr(strided.offset(), strides), source.memorySpace());
  }

  static boolean verify(Operation op, Diagnostics diag, boolean collapse) {
    MemRefType src = (MemRefType) op.operand(0).type();
    MemRefType res = (MemRefType) op.result(0).type();
    MemRefType big = collapse ? src : res;
    MemRefType small = collapse ? res : src;
    if (!src.element().equals(res.element())) return diag.report(op.opError("expected the same element type for source and result"));
    if (collapse && src.rank() <= res.rank()) {
      return diag.report(op.opError("expected rank reduction, but found source rank " + src.rank() + " <= result rank " + res.rank()));
    }
    if (!collapse && res.rank() <= src.rank()) {
      return diag.report(op.opError("expected rank expansion, but found source rank " + src.rank() + " >= result rank " + res.rank()));
    }
    ArrayAttr groups = (ArrayAttr) op.attribute("reassociation");
    if (small.rank() == 0 && groups.size() == 0) {
      // As in MLIR: a rank-0 buffer has no dimensions to group, so the other side must be all ones.
      for (long d : big.shape()) {
        if (d != 1) return diag.report(op.opError("rank 0 memrefs can only be extended/collapsed with/from ones"));
      }
      return true;
    }
    if (groups.size() != small.rank()) {
      return diag.report(op.opError("invalid number of reassociation groups: found " + groups.size() + ", expected " + small.rank()));
    }
    int next = 0;
    for (int g = 0; g < groups.size(); g++) {
      ArrayAttr group = (ArrayAttr) groups.get(g);
      if (group.size() == 0) return diag.report(op.opError("reassociation indices must not be empty"));
      long product = 1;
      boolean dynamic = false;
      for (Attribute a : group.elements()) {
        long dim = ((IntegerAttr) a).value();
        if (dim != next) return diag.report(op.opError("expected reassociation map #" + g + " to be valid and contiguous"));
        next++;
        if (dim >= big.rank()) return diag.report(op.opError("reassociation index " + dim + " is out of bounds"));
        long size = big.shape()[(int) dim];
        if (size == ShapedType.DYNAMIC) dynamic = true;
        else product *= size;
      }
      long expected = small.shape()[g];
      if (!dynamic && expected != ShapedType.DYNAMIC && product != expected) {
        return diag.report(op.opError((collapse ? "collapsed" : "expanded") + " dim (" + g + ") must be the product of the "
            + (collapse ? "source" : "result") + " dims in the reassociation group; expected " + product + ", got " + expected));
      }
    }
    if (next != big.rank()) return diag.report(op.opError("expected reassociation to cover all " + big.rank() + " dimensions"));
    return true;
  }
}
