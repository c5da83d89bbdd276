package dev.sol.ir;

import java.nio.charset.StandardCharsets;

/** {@code "text"}; non-printable bytes print as {@code \XX} as MLIR does. */
public record StringAttr(String value) implements Attribute {
  @Override public String toString() { return quote(value); }

  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f && c != '"') {
        sb.append((char) c);
      } else {
        sb.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.append('"').toString();
  }
}
