package dev.sol.textir;

import dev.sol.ir.Diagnostic;
import dev.sol.ir.FileLineColLoc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Implements {@code --verify-diagnostics}: collects {@code expected-error/warning/remark/note}
 * comments (with {@code @+N}, {@code @-N}, {@code @above}, {@code @below}, {@code @unknown}),
 * matches the diagnostics actually produced against them by line, severity and message
 * substring, and reports both unexpected diagnostics and expectations never produced.
 */
public final class DiagnosticVerifier {
  private static final Pattern EXPECTED = Pattern.compile(
      "expected-(error|warning|remark|note)(-re)?\\s*(@([+-]\\d+|above|below|unknown))?\\s*\\{\\{(.*?)\\}\\}");

  private static final class Expectation {
    final Diagnostic.Severity severity;
    final String message;
    final boolean regex;
    int line;
    final int commentLine;
    final int commentColumn;
    final boolean unknownLocation;
    boolean matched;

    Expectation(Diagnostic.Severity severity, String message, boolean regex, int line, int commentLine,
        int commentColumn, boolean unknownLocation) {
      this.severity = severity;
      this.message = message;
      this.regex = regex;
      this.line = line;
      this.commentLine = commentLine;
      this.commentColumn = commentColumn;
      this.unknownLocation = unknownLocation;
    }

    boolean matches(String text) {
      if (!regex) return text.contains(message);
      StringBuilder re = new StringBuilder();
      Matcher m = Pattern.compile("\\{\\{(.*?)\\}\\}").matcher(message);
      int last = 0;
      while (m.find()) {
        re.append(Pattern.quote(message.substring(last, m.start()))).append(m.group(1));
        last = m.end();
      }
      re.append(Pattern.quote(message.substring(last)));
      return Pattern.compile(re.toString()).matcher(text).find();
    }
  }

  private final SourceBuffer source;
  private final List<Expectation> expectations = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  public DiagnosticVerifier(SourceBuffer source) {
    this.source = source;
    String[] lines = source.text().split("\n", -1);
    List<Expectation> pendingBelow = new ArrayList<>();
    int lastNonDesignatorLine = -1;
    for (int i = 0; i < lines.length; i++) {
      int fileLine = i + source.firstLine();
      Matcher m = EXPECTED.matcher(lines[i]);
      boolean designator = false;
      while (m.find()) {
        designator = true;
        Diagnostic.Severity sev = Diagnostic.Severity.valueOf(m.group(1).toUpperCase());
        String offset = m.group(4);
        int line = fileLine;
        boolean unknown = false;
        Expectation e;
        if (offset == null) {
          line = fileLine;
        } else if (offset.equals("above")) {
          line = lastNonDesignatorLine;
        } else if (offset.equals("unknown")) {
          unknown = true;
        } else if (!offset.equals("below")) {
          line = lineAt(fileLine, offset);
        }
        e = new Expectation(sev, m.group(5), m.group(2) != null, line, fileLine, m.start() + 1, unknown);
        expectations.add(e);
        if ("below".equals(offset)) pendingBelow.add(e);
      }
      if (!designator) {
        lastNonDesignatorLine = fileLine;
        for (Expectation e : pendingBelow) e.line = fileLine;
        pendingBelow.clear();
      }
    }
  }

  /** The line {@code offset} ("+2", "-1") from {@code fileLine}; one that no diagnostic has when the offset leaves the file. */
  private static int lineAt(int fileLine, String offset) {
    try {
      return Math.max(-1, Math.addExact(fileLine, Integer.parseInt(offset)));
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  /** Handles one produced diagnostic and its notes. */
  public void handle(Diagnostic d) {
    check(d);
    for (Diagnostic n : d.notes()) check(n);
  }

  private void check(Diagnostic d) {
    FileLineColLoc pos = d.location().filePosition();
    boolean inFile = pos != null && pos.file().equals(source.name());
    for (Expectation e : expectations) {
      if (e.matched || e.severity != d.severity()) continue;
      boolean lineMatches = e.unknownLocation ? !inFile : inFile && pos.line() == e.line;
      if (lineMatches && e.matches(d.message())) {
        e.matched = true;
        return;
      }
    }
    problems.add(new Diagnostic(Diagnostic.Severity.ERROR, d.location(),
        "unexpected " + d.severity().label + ": " + d.message()));
  }

  /** Diagnostics describing every mismatch; empty when all expectations were met. */
  public List<Diagnostic> finish() {
    List<Diagnostic> out = new ArrayList<>(problems);
    for (Expectation e : expectations) {
      if (!e.matched) {
        out.add(Diagnostic.error(new FileLineColLoc(source.name(), e.commentLine, e.commentColumn),
            "expected " + e.severity.label + " \"" + e.message + "\" was not produced"));
      }
    }
    return out;
  }
}
