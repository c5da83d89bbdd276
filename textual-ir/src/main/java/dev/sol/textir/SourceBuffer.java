package dev.sol.textir;

import dev.sol.ir.Diagnostic;
import dev.sol.ir.FileLineColLoc;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A named source text with line lookup, for locations and caret diagnostics. */
public final class SourceBuffer {
  private final String name;
  private final String text;
  private final int firstLine;
  private int[] lineStarts;

  /**
   * @param firstLine the line number of the text's first line in the original file, so that
   *     chunks of a split file report their original line numbers
   */
  public SourceBuffer(String name, String text, int firstLine) {
    this.name = name;
    this.text = text;
    this.firstLine = firstLine;
  }

  public SourceBuffer(String name, String text) { this(name, text, 1); }

  /**
   * The text of UTF-8 bytes.
   *
   * @throws ParseException for bytes that are not UTF-8, located at the line and column of the first bad one
   */
  public static SourceBuffer decode(String name, byte[] bytes) {
    // The JDK's decoding into a String copies ASCII (all of an 18 MB file of weights in hex)
    // straight into a Latin-1 string; it only replaces bad bytes with U+FFFD. Where the text
    // has one, the strict decoder below tells a real U+FFFD from a bad byte, and where.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) return new SourceBuffer(name, text);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) r = decoder.flush(out);
    if (!r.isError()) return new SourceBuffer(name, out.flip().toString());
    String before = out.flip().toString();
    int line = 1;
    for (int i = 0; i < before.length(); i++) if (before.charAt(i) == '\n') line++;
    int column = before.length() - before.lastIndexOf('\n');
    throw new ParseException(Diagnostic.error(new FileLineColLoc(name, line, column),
        String.format("invalid UTF-8 (byte 0x%02x); SOL reads UTF-8 text", bytes[Math.min(in.position(), bytes.length - 1)] & 0xff)));
  }

  public String name() { return name; }
  public String text() { return text; }
  public int firstLine() { return firstLine; }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int[] starts = new int[16];
      int n = 0;
      starts[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
          starts[n++] = i + 1;
        }
      }
      lineStarts = Arrays.copyOf(starts, n);
    }
    return lineStarts;
  }

  /** The text of a line numbered as in the original file, without its newline, or null. */
  public String line(int fileLine) {
    int i = fileLine - firstLine;
    int[] starts = lineStarts();
    if (i < 0 || i >= starts.length) return null;
    int end = text.indexOf('\n', starts[i]);
    String s = text.substring(starts[i], end < 0 ? text.length() : end);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
