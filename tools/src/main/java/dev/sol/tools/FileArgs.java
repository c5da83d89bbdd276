package dev.sol.tools;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Files and folders named on a tool's command line: what is wrong with an output before any
 * work starts (so a typo in {@code -o} costs no time), and why one could not be read or
 * written, in words rather than as an exception's name.
 */
final class FileArgs {
  private FileArgs() {}

  /** Why {@code file} cannot be created or overwritten, or null when it looks writable. */
  static String outputProblem(Path file) {
    if (Files.isDirectory(file)) return "'" + file + "' is a directory";
    Path parent = file.getParent() != null ? file.getParent() : Path.of(".");
    if (!Files.exists(parent)) return "the directory '" + parent + "' does not exist";
    if (!Files.isDirectory(parent)) return "'" + parent + "' is not a directory";
    if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) return "permission denied";
    return null;
  }

  /** An I/O failure in words: "no such file", "is a directory", "permission denied" or the system's message. */
  static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException x -> "no such file";
      case AccessDeniedException x -> "permission denied";
      case NotDirectoryException x -> "not a directory";
      case FileSystemException x when x.getReason() != null -> x.getReason().toLowerCase(java.util.Locale.ROOT);
      default -> e.getMessage() != null && e.getMessage().equals("Is a directory") ? "is a directory" : String.valueOf(e.getMessage());
    };
  }
}
