package dev.sol.textir;

import dev.sol.textir.MlirParser.AttributeContext;
import dev.sol.textir.MlirParser.LocationContext;
import dev.sol.textir.MlirParser.NonFunctionTypeContext;
import dev.sol.textir.MlirParser.ShapedBodyContext;
import dev.sol.textir.MlirParser.TypeContext;
import dev.sol.textir.MlirParser.VectorTypeContext;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error into a {@link ParseException} with an MLIR-style message;
 * no recovery, so one mistake gives one error. Never asks the token stream for text,
 * which an unbuffered stream cannot give.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {
  private static final int RPAREN = literalType("')'");
  private static final int LSQUARE = literalType("'['");
  private static final Pattern CLOSED_SCALABLE_DIMS = Pattern.compile("\\[[0-9]+(x[0-9]+)*].*", Pattern.DOTALL);
  private final AttributeBuilder attrs;

  private static int literalType(String literal) {
    for (int i = 0; i <= MlirParser.VOCABULARY.getMaxTokenType(); i++) {
      if (literal.equals(MlirParser.VOCABULARY.getLiteralName(i))) return i;
    }
    throw new IllegalStateException("no token " + literal);
  }

  FailFastErrorStrategy(AttributeBuilder attrs) { this.attrs = attrs; }

  @Override public void reportError(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken());
  }

  @Override public void recover(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, recognizer.getCurrentToken());
  }

  @Override public Token recoverInline(Parser recognizer) {
    throw fail(recognizer, new InputMismatchException(recognizer).getOffendingToken());
  }

  @Override public void sync(Parser recognizer) {}

  private ParseException fail(Parser p, Token t) {
    if (t.getType() == MlirLexer.FILE_METADATA) {
      return attrs.error(t, "file metadata dictionaries ({-# ... #-}, dialect resources) are not supported by SOL");
    }
    if (t.getType() == MlirLexer.ERROR_CHAR) {
      String c = t.getText();
      return attrs.error(t, c.equals("\"") ? "expected '\"' in string literal" : "unexpected character '" + c + "'");
    }
    if (t.getType() == MlirLexer.BARE_ID && expectsOperationName(p)) {
      return attrs.error(t, "expected an operation name in quotes, but found '" + t.getText()
          + "': SOL reads MLIR's generic form; print it with mlir-opt --mlir-print-op-generic");
    }
    ShapedBodyContext shape = t.getType() == LSQUARE ? enclosingShape(p.getContext()) : null;
    if (shape != null) {
      // Only vectors have scalable dimensions; in tensors and memrefs MLIR wants the element type there.
      return shape.getParent() instanceof VectorTypeContext ? scalableDimsError(t) : attrs.error(t, "expected non-function type");
    }
    IntervalSet expectedHere = p.getExpectedTokens();
    if ((p.getContext() instanceof MlirParser.ValueUseListContext || p.getContext() instanceof MlirParser.OperationContext)
        && expectedHere.contains(RPAREN) && p.getContext().getChildCount() > 0) {
      return attrs.error(t, "expected ')' to end operand list, but found '" + t.getText() + "'");
    }
    String what = describeContext(p.getContext());
    String found = t.getType() == Token.EOF ? "end of file" : "'" + t.getText() + "'";
    if (what != null) return attrs.error(t, what + ", but found " + found);
    IntervalSet expected = p.getExpectedTokens();
    String list = expected.toString(p.getVocabulary());
    if (expected.size() > 6) return attrs.error(t, "unexpected " + found);
    list = list.replace("{", "").replace("}", "").replace("<EOF>", "end of file");
    return attrs.error(t, "expected " + list + ", but found " + found);
  }

  /** Whether the parser is where an operation may start, so that a bare word there is MLIR's custom form. */
  private static boolean expectsOperationName(Parser p) {
    ParserRuleContext ctx = p.getContext();
    // Where operations repeat, ANTLR leaves the loop first, so it expects only what follows it ('}', end of file).
    return ctx instanceof MlirParser.TopLevelContext || ctx instanceof MlirParser.RegionContext
        || ctx instanceof MlirParser.LabeledBlockContext
        || ctx instanceof MlirParser.OperationContext && p.getExpectedTokens().contains(MlirLexer.STRING);
  }

  /** The shape body (tensor, memref or vector) the parser is in, directly or at its element type; else null. */
  private static ShapedBodyContext enclosingShape(ParserRuleContext ctx) {
    if (ctx instanceof ShapedBodyContext s) return s;
    for (ParserRuleContext c = ctx; c instanceof TypeContext || c instanceof NonFunctionTypeContext; c = c.getParent()) {
      if (c.getParent() instanceof ShapedBodyContext s) return s;
    }
    return null;
  }

  /** A '[' that does not start a well-formed run of scalable dimensions ("[4x8]x"), worded as MLIR's parser. */
  private ParseException scalableDimsError(Token t) {
    CharStream chars = t.getInputStream();
    String rest = chars.getText(Interval.of(t.getStartIndex(), Math.min(chars.size() - 1, t.getStartIndex() + 64)));
    return attrs.error(t, CLOSED_SCALABLE_DIMS.matcher(rest).matches() ? "expected 'x' in dimension list"
        : "missing ']' closing set of scalable dimensions");
  }

  private static String describeContext(ParserRuleContext ctx) {
    if (ctx instanceof AttributeContext) return "expected attribute value";
    if (ctx instanceof TypeContext || ctx instanceof NonFunctionTypeContext) return "expected non-function type";
    if (ctx instanceof LocationContext) return "expected location instance";
    return null;
  }
}
