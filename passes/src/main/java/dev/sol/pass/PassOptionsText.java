package dev.sol.pass;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Prints the options that differ from the defaults as {@code {key=value ...}}. */
final class PassOptionsText {
  private PassOptionsText() {}

  static String of(Record options, Record defaults) {
    List<String> parts = new ArrayList<>();
    try {
      for (RecordComponent c : options.getClass().getRecordComponents()) {
        Object v = c.getAccessor().invoke(options);
        Object d = c.getAccessor().invoke(defaults);
        if (v.equals(d)) continue;
        String text = v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
            : v instanceof Enum<?> e ? e.name().toLowerCase().replace('_', '-') : String.valueOf(v);
        parts.add(OptionsParser.kebab(c.getName()) + "=" + text);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return parts.isEmpty() ? "" : "{" + String.join(" ", parts) + "}";
  }
}
