package dev.sol.tools;

import dev.sol.textir.SourceBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits an input at {@code // -----} lines; each chunk keeps its original line numbers. */
final class InputSplitter {
  private InputSplitter() {}

  static List<SourceBuffer> split(String name, String text) {
    List<SourceBuffer> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int firstLine = 1;
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      String l = end < 0 ? text.substring(start) : text.substring(start, end + 1);
      if (l.strip().startsWith("// -----")) {
        chunks.add(new SourceBuffer(name, current.toString(), firstLine));
        current.setLength(0);
        firstLine = line + 1;
      } else {
        current.append(l);
      }
      line++;
      if (end < 0) break;
      start = end + 1;
    }
    chunks.add(new SourceBuffer(name, current.toString(), firstLine));
    return chunks;
  }
}
