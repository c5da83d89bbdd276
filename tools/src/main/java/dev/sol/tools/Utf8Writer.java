package dev.sol.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A Writer of UTF-8 that hands whole strings to the stream: the printer appends its text in
 * blocks of a few MB, and an OutputStreamWriter copied each block into chars and encoded them
 * one by one (sol-opt on an 18 MB file of weights in hex spent a fifth of its printing there),
 * where {@code String.getBytes} copies an ASCII string's bytes at once. Each call's text is
 * encoded on its own, so a surrogate pair must not be split across calls: the printer hands
 * over whole blocks that end between operations, and escapes what is not ASCII anyway.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;

  Utf8Writer(OutputStream out) { this.out = out; }

  @Override public Writer append(CharSequence text) throws IOException {
    out.write(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override public void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override public void write(char[] chars, int offset, int length) throws IOException {
    out.write(new String(chars, offset, length).getBytes(StandardCharsets.UTF_8));
  }

  @Override public void flush() throws IOException { out.flush(); }

  @Override public void close() throws IOException { out.close(); }
}
