package dev.sol.textir;

import dev.sol.ir.Diagnostic;
import dev.sol.ir.FileLineColLoc;
import dev.sol.ir.Location;
import dev.sol.ir.UnknownLoc;
import java.io.PrintStream;

/**
 * Prints diagnostics as mlir-opt does: {@code file:line:col: error: message}, then the
 * source line and a caret under the column, then the notes the same way.
 */
public final class DiagnosticPrinter {
  private final SourceBuffer source;
  private final PrintStream out;

  public DiagnosticPrinter(SourceBuffer source, PrintStream out) {
    this.source = source;
    this.out = out;
  }

  public void print(Diagnostic d) {
    printOne(d);
    for (Diagnostic n : d.notes()) printOne(n);
  }

  private void printOne(Diagnostic d) {
    out.println(prefix(d.location()) + d.severity().label + ": " + d.message());
    FileLineColLoc pos = d.location().filePosition();
    if (pos != null && pos.file().equals(source.name())) {
      String line = source.line(pos.line());
      if (line != null) {
        out.println(line);
        StringBuilder caret = new StringBuilder();
        for (int i = 1; i < pos.column() && i <= line.length(); i++) caret.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
        out.println(caret.append('^'));
      }
    }
  }

  /** {@code file:line:col: } for a location with a file position, else its textual form. */
  public static String prefix(Location loc) {
    FileLineColLoc pos = loc.filePosition();
    if (pos != null) return pos.file() + ":" + pos.line() + ":" + pos.column() + ": ";
    if (loc instanceof UnknownLoc) return "";
    return loc + ": ";
  }
}
