package dev.sol.ir;

import java.util.ArrayList;
import java.util.List;

/** An error, warning, remark or note with a location, and notes attached to it. */
public final class Diagnostic {
  public enum Severity {
    ERROR("error"), WARNING("warning"), REMARK("remark"), NOTE("note");

    public final String label;

    Severity(String label) { this.label = label; }
  }

  private final Severity severity;
  private final Location location;
  private final String message;
  private final List<Diagnostic> notes = new ArrayList<>();

  public Diagnostic(Severity severity, Location location, String message) {
    this.severity = severity;
    this.location = location == null ? Location.UNKNOWN : location;
    this.message = message;
  }

  public static Diagnostic error(Location loc, String message) { return new Diagnostic(Severity.ERROR, loc, message); }
  public static Diagnostic warning(Location loc, String message) { return new Diagnostic(Severity.WARNING, loc, message); }
  public static Diagnostic remark(Location loc, String message) { return new Diagnostic(Severity.REMARK, loc, message); }

  /** Attaches a note and returns this diagnostic. */
  public Diagnostic note(Location loc, String message) {
    notes.add(new Diagnostic(Severity.NOTE, loc, message));
    return this;
  }

  public Severity severity() { return severity; }
  public Location location() { return location; }
  public String message() { return message; }
  public List<Diagnostic> notes() { return notes; }

  @Override public String toString() { return location + ": " + severity.label + ": " + message; }
}
