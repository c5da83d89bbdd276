package dev.sol.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * The flags of a tool whose start-up is most of its run ({@code sol-opt}), read with Apache
 * Commons CLI: declared in a list, applied in command-line order (a later value wins), listed
 * by {@code --help}. The other tools use picocli; its annotation processing cost 140 ms of
 * every sol-opt run here (its classes are Java 5 bytecode, which the JDK's AOT cache cannot
 * hold), a seventh of parsing and printing an 18 MB file; Commons CLI takes a few.
 *
 * <p>Names are written as on the command line: {@code -o} (one letter), {@code --name}; a long
 * name is also accepted with one dash ({@code -pass-pipeline}), as mlir-opt spells them.
 */
final class Flags {
  /** A flag: its names, the label of its value (null: a switch, whose setter gets null), what it does. */
  record Flag(List<String> names, String label, String description, Consumer<String> set, String bareValue) {}

  /** A user's mistake on the command line, said in one line. */
  static final class UsageException extends Exception {
    UsageException(String message) { super(message); }
  }

  private final List<Flag> flags = new ArrayList<>();

  /** A switch. */
  Flags toggle(String description, Runnable set, String... names) {
    flags.add(new Flag(List.of(names), null, description, v -> set.run(), null));
    return this;
  }

  /** A flag with a value, given attached ({@code --name=V}, {@code -oV}) or as the next argument. */
  Flags value(String label, String description, Consumer<String> set, String... names) {
    flags.add(new Flag(List.of(names), label, description, set, null));
    return this;
  }

  /**
   * A flag whose value can only be attached ({@code --canonicalize=max-iterations=3}); given
   * bare, it means {@code bareValue}, and the next argument stays what it is (an input file).
   */
  Flags optionalValue(String label, String description, String bareValue, Consumer<String> set, String... names) {
    flags.add(new Flag(List.of(names), label, description, set, bareValue));
    return this;
  }

  /** Applies the flags of {@code args} in order; returns the other arguments. */
  List<String> parse(String[] args) throws UsageException {
    Options options = new Options();
    Map<String, Flag> byKey = new HashMap<>();
    for (Flag f : flags) {
      for (String name : f.names()) {
        String key = name.replaceFirst("^--?", "");
        Option.Builder b = name.startsWith("--") || key.length() > 1 ? Option.builder().longOpt(key) : Option.builder(key);
        options.addOption(b.hasArg(f.label() != null).build());
        byKey.put(key, f);
      }
    }
    org.apache.commons.cli.CommandLine parsed;
    try {
      parsed = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options, attachBareValues(args, byKey));
    } catch (UnrecognizedOptionException e) {
      int equals = e.getOption().indexOf('=');
      Flag f = equals < 0 ? null : byKey.get(e.getOption().substring(0, equals).replaceFirst("^--?", ""));
      if (f != null && f.label() == null) throw new UsageException("Option '" + e.getOption().substring(0, equals) + "' takes no value");
      throw new UsageException("Unknown option: '" + e.getOption() + "'");
    } catch (MissingArgumentException e) {
      Option o = e.getOption();
      Flag f = byKey.get(o.getKey());
      throw new UsageException("Missing value for option '" + f.names().getFirst() + "' (" + f.label() + ")");
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    for (Option o : parsed.getOptions()) byKey.get(o.getKey()).set().accept(o.getValue());
    return parsed.getArgList();
  }

  /** {@code args} with each bare flag of optional value written with its value attached. */
  private static String[] attachBareValues(String[] args, Map<String, Flag> byKey) {
    String[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i].equals("--")) break;
      if (!out[i].startsWith("-") || out[i].contains("=")) continue;
      Flag f = byKey.get(out[i].replaceFirst("^--?", ""));
      if (f != null && f.bareValue() != null) out[i] = out[i] + "=" + f.bareValue();
    }
    return out;
  }

  /** The flags, one a line: names, the value's label, what it does. */
  void printHelp(PrintStream out) {
    for (Flag f : flags) {
      String value = f.label() == null ? ""
          : f.bareValue() == null ? (f.names().getLast().startsWith("--") ? "=" : " ") + f.label()
          : f.bareValue().isEmpty() ? "=" + f.label()
          : "[=" + f.label() + "]";
      out.printf("  %-36s %s%n", String.join(", ", f.names()) + value, f.description());
    }
  }
}
