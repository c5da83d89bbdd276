package dev.sol.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code {a = 1 : i64, b}}: attributes sorted by name, names unique. Lookup is a
 * binary search over the sorted entries.
 */
public record DictionaryAttr(List<NamedAttribute> entries) implements Attribute {
  public static final DictionaryAttr EMPTY = new DictionaryAttr(List.of());

  public DictionaryAttr {
    List<NamedAttribute> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(NamedAttribute::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("duplicate attribute name '" + sorted.get(i).name() + "'");
      }
    }
    entries = List.copyOf(sorted);
  }

  public Attribute get(String name) {
    int lo = 0;
    int hi = entries.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = entries.get(mid).name().compareTo(name);
      if (c == 0) return entries.get(mid).value();
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** A copy with {@code name} set to {@code value}, or removed when value is null. */
  public DictionaryAttr with(String name, Attribute value) {
    List<NamedAttribute> list = new ArrayList<>(entries.size() + 1);
    for (NamedAttribute e : entries) if (!e.name().equals(name)) list.add(e);
    if (value != null) list.add(new NamedAttribute(name, value));
    return new DictionaryAttr(list);
  }

  public boolean isEmpty() { return entries.isEmpty(); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(entries.get(i));
    }
    return sb.append('}').toString();
  }
}
