package dev.sol.textir;

import org.antlr.v4.runtime.Token;

/**
 * {@link MlirLexer} with a fast path for the hex blobs of dense attributes ({@code dense<"0x...">}):
 * such a string token is found with one search for its closing quote instead of a step of
 * the lexer's automaton per character, which on an imported network's 18 MB of weights took
 * most of the lexing. Anything that is not a plain string (a backslash or line break before
 * the closing quote) goes through the automaton as before, and so does every other token.
 */
final class BlobLexer extends MlirLexer {
  private final String text;

  BlobLexer(StringCharStream input) {
    super(input);
    this.text = input.text();
  }

  @Override public Token nextToken() {
    int start = _input.index();
    if (text.startsWith("\"0x", start)) {
      int end = text.indexOf('"', start + 1);
      if (end > 0 && text.indexOf('\\', start, end) < 0 && text.indexOf('\n', start, end) < 0 && text.indexOf('\r', start, end) < 0) {
        _token = null;
        _channel = Token.DEFAULT_CHANNEL;
        _type = STRING;
        _text = null;
        _tokenStartCharIndex = start;
        _tokenStartLine = getInterpreter().getLine();
        _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
        _input.seek(end + 1);
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine + text.codePointCount(start, end + 1));
        return emit();
      }
    }
    return super.nextToken();
  }
}
