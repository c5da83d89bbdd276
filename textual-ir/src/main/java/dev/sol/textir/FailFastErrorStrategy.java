package dev.sol.textir;

import dev.sol.textir.MlirParser.AttributeContext;
import dev.sol.textir.MlirParser.LocationContext;
import dev.sol.textir.MlirParser.NonFunctionTypeContext;
import dev.sol.textir.MlirParser.TypeContext;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error into a {@link ParseException} with an MLIR-style message;
 * no recovery, so one mistake gives one error. Never asks the token stream for text,
 * which an unbuffered stream cannot give.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {
  private static final int RPAREN = literalType("')'");
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

  private static String describeContext(ParserRuleContext ctx) {
    if (ctx instanceof AttributeContext) return "expected attribute value";
    if (ctx instanceof TypeContext || ctx instanceof NonFunctionTypeContext) return "expected non-function type";
    if (ctx instanceof LocationContext) return "expected location instance";
    return null;
  }
}
