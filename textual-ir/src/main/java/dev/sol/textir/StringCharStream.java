package dev.sol.textir;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input read straight from the source text: ANTLR's {@code CharStreams.fromString}
 * first copies the text into a buffer of code points, one character at a time (0.2 s of a
 * cold sol-opt on an 18 MB file). Positions are indices into the String (UTF-16 units), so a
 * token's text is a substring; what the lexer sees ({@link #LA}) are code points, as with
 * ANTLR's own streams, so a character outside the Basic Multilingual Plane is one character
 * (one column) there too.
 */
final class StringCharStream implements CharStream {
  private final String text;
  private final String name;
  private int p;

  StringCharStream(String text, String name) {
    this.text = text;
    this.name = name;
  }

  /** The source text. */
  String text() { return text; }

  @Override public void consume() {
    if (p >= text.length()) throw new IllegalStateException("cannot consume EOF");
    p += Character.charCount(text.codePointAt(p));
  }

  @Override public int LA(int i) {
    if (i == 0) return 0;
    if (i < 0) {
      int q = p;
      for (int k = 0; k < -i; k++) {
        if (q <= 0) return IntStream.EOF;
        q = text.offsetByCodePoints(q, -1);
      }
      return text.codePointAt(q);
    }
    int q = p;
    for (int k = 1; k < i; k++) {
      if (q >= text.length()) return IntStream.EOF;
      q += Character.charCount(text.codePointAt(q));
    }
    return q >= text.length() ? IntStream.EOF : text.codePointAt(q);
  }

  @Override public int mark() { return -1; }

  @Override public void release(int marker) {}

  @Override public int index() { return p; }

  /** Moves to {@code index}, a position this stream gave (so never inside a surrogate pair). */
  @Override public void seek(int index) { p = Math.min(index, text.length()); }

  @Override public int size() { return text.length(); }

  @Override public String getSourceName() { return name; }

  @Override public String getText(Interval interval) {
    int from = Math.max(0, interval.a);
    int to = Math.min(text.length() - 1, interval.b);
    if (from >= text.length() || to < from) return "";
    // A stop index is the first unit of the last character: take its second unit too.
    return text.substring(from, Math.min(text.length(), to + Character.charCount(text.codePointAt(to))));
  }

  @Override public String toString() { return text; }
}
