package dev.sol.ir;

/** Where an operation came from; prints as {@code loc(...)}. */
public sealed interface Location extends Attribute
    permits FileLineColLoc, NameLoc, CallSiteLoc, FusedLoc, UnknownLoc {
  Location UNKNOWN = UnknownLoc.INSTANCE;

  /** The text inside {@code loc(...)}. */
  String body();

  /** The first file position this location refers to, or null. */
  FileLineColLoc filePosition();
}
