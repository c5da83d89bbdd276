package dev.sol.textir;

import dev.sol.ir.*;
import dev.sol.textir.MlirParser.ShapedBodyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** tensor, memref and vector types from their bodies, checked as MLIR 16's parser checks them. */
final class ShapedTypeBuilder {
  private final AttributeBuilder attrs;

  ShapedTypeBuilder(AttributeBuilder attrs) { this.attrs = attrs; }

  /** The dimensions of a body: sizes, and which of them MLIR 16's bracketed run marks scalable. */
  private record Dims(long[] shape, boolean[] scalable) {}

  Type build(String kind, ShapedBodyContext body, Token start) {
    Dims dims;
    Type element;
    if (body.UNRANKED() != null) {
      dims = null;
      element = attrs.type(body.type());
    } else if (body.HEX_INT() != null) {
      String rest = body.HEX_INT().getText().substring(2);
      element = FloatType.forKeyword(rest);
      if (element == null) throw attrs.error(body.start, "expected element type after dimensions in " + kind + " type");
      dims = new Dims(new long[] {0}, new boolean[1]);
    } else {
      dims = dims(kind, body);
      element = attrs.type(body.type());
    }
    long[] shape = dims == null ? null : dims.shape;
    String problem = shape == null ? null : ShapedType.shapeProblem(shape);
    if (problem != null) throw attrs.error(start, kind + " type " + problem);
    List<Attribute> extra = new ArrayList<>();
    for (var a : body.attribute()) extra.add(attrs.attribute(a));
    return switch (kind) {
      case "tensor" -> {
        if (extra.size() > 1) throw attrs.error(start, "expected '>' after tensor encoding");
        if (element instanceof FunctionType || element instanceof NoneType) throw attrs.error(start, "invalid tensor element type");
        yield shape == null ? new UnrankedTensorType(element)
            : new RankedTensorType(shape, element, extra.isEmpty() ? null : extra.getFirst());
      }
      case "memref" -> memref(shape, element, extra, start);
      default -> {
        if (shape == null || shape.length == 0) throw attrs.error(start, "vector types must have at least one dimension");
        if (!extra.isEmpty()) throw attrs.error(start, "expected '>' in vector type");
        for (long d : shape) {
          if (d == ShapedType.DYNAMIC) throw attrs.error(start, "expected static shape");
          if (d == 0) throw attrs.error(start, "vector types must have positive constant sizes");
        }
        if (!(element instanceof IntegerType || element instanceof FloatType || element instanceof IndexType)) {
          throw attrs.error(start, "vector elements must be int/index/float type but got '" + element + "'");
        }
        yield new VectorType(shape, element, dims.scalable);
      }
    };
  }

  private Type memref(long[] shape, Type element, List<Attribute> extra, Token start) {
    if (!(element instanceof IntegerType || element instanceof FloatType || element instanceof IndexType
        || element instanceof VectorType || element instanceof ComplexType || element instanceof MemRefType
        || element instanceof OpaqueType || element instanceof DialectType)) {
      throw attrs.error(start, "invalid memref element type");
    }
    if (shape == null) {
      if (extra.size() > 1) throw attrs.error(start, "expected '>' after memory space");
      return new UnrankedMemRefType(element, extra.isEmpty() ? null : extra.getFirst());
    }
    if (extra.size() > 2) throw attrs.error(start, "expected '>' after memory space");
    Attribute layout = null;
    Attribute space = null;
    if (extra.size() == 2) {
      layout = extra.get(0);
      space = extra.get(1);
    } else if (extra.size() == 1) {
      if (extra.getFirst() instanceof AffineMapAttr || extra.getFirst() instanceof StridedLayoutAttr) layout = extra.getFirst();
      else space = extra.getFirst();
    }
    if (layout != null && !(layout instanceof AffineMapAttr || layout instanceof StridedLayoutAttr
        || layout instanceof OpaqueAttr)) {
      throw attrs.error(start, "expected memref layout attribute");
    }
    if (layout instanceof AffineMapAttr m && m.map().numDims() != shape.length) {
      throw attrs.error(start, "memref layout mismatch between rank and affine map: " + shape.length + " != "
          + m.map().numDims());
    }
    if (layout instanceof StridedLayoutAttr s && s.strides().length != shape.length) {
      throw attrs.error(start, "expected the number of strides to match the rank");
    }
    return new MemRefType(shape, element, layout, space);
  }

  /**
   * The fixed dimensions ("2x4x") and then, in vectors only, one bracketed run of scalable ones
   * ("[4x8]x"); anything after the run is where MLIR expects the element type.
   */
  private Dims dims(String kind, ShapedBodyContext body) {
    long[] shape = new long[0];
    boolean[] scalable = new boolean[0];
    boolean seenScalable = false;
    for (int i = 0; i < body.getChildCount(); i++) {
      if (!(body.getChild(i) instanceof TerminalNode t)) break;
      int type = t.getSymbol().getType();
      if (type != MlirLexer.DIM_LIST && type != MlirLexer.SCALABLE_DIMS) break;
      boolean run = type == MlirLexer.SCALABLE_DIMS;
      if (seenScalable || (run && !kind.equals("vector"))) {
        throw attrs.error(t.getSymbol(), "expected non-function type");
      }
      String text = t.getText();
      long[] more = sizes(t.getSymbol(), run ? 1 : 0, run ? text.substring(1, text.length() - 2) + "x" : text);
      int old = shape.length;
      shape = Arrays.copyOf(shape, old + more.length);
      System.arraycopy(more, 0, shape, old, more.length);
      scalable = Arrays.copyOf(scalable, shape.length);
      if (run) Arrays.fill(scalable, old, shape.length, true);
      seenScalable |= run;
    }
    return new Dims(shape, scalable);
  }

  /** "2x?x4x" (at {@code offset} in token {@code t}) as sizes, DYNAMIC for '?'. */
  private long[] sizes(Token t, int offset, String text) {
    String[] parts = text.split("x");
    long[] shape = new long[parts.length];
    int at = offset;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("?")) {
        shape[i] = ShapedType.DYNAMIC;
      } else {
        try {
          shape[i] = Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
          throw attrs.error(t, at, "invalid dimension: integer too large (" + parts[i] + ")");
        }
      }
      at += parts[i].length() + 1;
    }
    return shape;
  }
}
