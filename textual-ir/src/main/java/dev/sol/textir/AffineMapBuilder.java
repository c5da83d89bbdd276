package dev.sol.textir;

import dev.sol.ir.*;
import dev.sol.textir.MlirParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Affine maps from their parse trees, with MLIR's checks that each expression is affine. */
final class AffineMapBuilder {
  private final AttributeBuilder attrs;

  AffineMapBuilder(AttributeBuilder attrs) { this.attrs = attrs; }

  AffineMap build(AffineMapContext c) {
    Map<String, AffineExpr> ids = new HashMap<>();
    int dims = 0;
    int syms = 0;
    boolean inSymbols = false;
    for (int i = 0; i < c.getChildCount(); i++) {
      var child = c.getChild(i);
      if (child instanceof TerminalNode tn && tn.getText().equals("[")) inSymbols = true;
      if (child instanceof TerminalNode tn && tn.getText().equals("->")) break;
      if (child instanceof BareIdContext id) {
        if (ids.containsKey(id.getText())) throw attrs.error(id.start, "redefinition of identifier '" + id.getText() + "'");
        ids.put(id.getText(), inSymbols ? new AffineExpr.Symbol(syms++) : new AffineExpr.Dim(dims++));
      }
    }
    List<AffineExpr> results = new ArrayList<>();
    for (AffineExprContext e : c.affineExpr()) results.add(affineExpr(e, ids));
    return new AffineMap(dims, syms, results);
  }

  private AffineExpr affineExpr(AffineExprContext c, Map<String, AffineExpr> ids) {
    return switch (c) {
      case AffineNegContext n -> AffineExpr.neg(affineExpr(n.affineExpr(), ids));
      case AffineParenContext p -> affineExpr(p.affineExpr(), ids);
      case AffineConstContext k -> AffineExpr.constant(attrs.integerValue(k.INT().getSymbol(), false, IntegerType.I64));
      case AffineIdContext id -> {
        AffineExpr e = ids.get(id.getText());
        if (e == null) throw attrs.error(id.start, "use of undeclared identifier '" + id.getText() + "'");
        yield e;
      }
      case AffineAddLikeContext a -> {
        AffineExpr l = affineExpr(a.affineExpr(0), ids);
        AffineExpr r = affineExpr(a.affineExpr(1), ids);
        yield a.op.getText().equals("+") ? AffineExpr.add(l, r) : AffineExpr.sub(l, r);
      }
      case AffineMulLikeContext m -> {
        AffineExpr l = affineExpr(m.affineExpr(0), ids);
        AffineExpr r = affineExpr(m.affineExpr(1), ids);
        AffineExpr.Kind kind = switch (m.op.getText()) {
          case "*" -> AffineExpr.Kind.MUL;
          case "floordiv" -> AffineExpr.Kind.FLOOR_DIV;
          case "ceildiv" -> AffineExpr.Kind.CEIL_DIV;
          default -> AffineExpr.Kind.MOD;
        };
        if (kind == AffineExpr.Kind.MUL && !(l instanceof AffineExpr.Constant) && !(r instanceof AffineExpr.Constant)
            && !symbolic(l) && !symbolic(r)) {
          throw attrs.error(m.op, "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic");
        }
        if (kind != AffineExpr.Kind.MUL && !(r instanceof AffineExpr.Constant) && !symbolic(r)) {
          throw attrs.error(m.op, "non-affine expression: right operand of " + m.op.getText() + " has to be either a constant or symbolic");
        }
        yield AffineExpr.binary(kind, l, r);
      }
      default -> throw attrs.error(c.start, "expected affine expression");
    };
  }

  private static boolean symbolic(AffineExpr e) {
    return switch (e) {
      case AffineExpr.Dim d -> false;
      case AffineExpr.Symbol s -> true;
      case AffineExpr.Constant k -> true;
      case AffineExpr.Binary b -> symbolic(b.lhs()) && symbolic(b.rhs());
    };
  }
}
