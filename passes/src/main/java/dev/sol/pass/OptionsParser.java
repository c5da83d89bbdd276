package dev.sol.pass;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an options record from text such as {@code max-iterations=3 top-down=false} or
 * {@code a=1,list=1,2,3}: options are separated by spaces or commas, list values by commas.
 * Component {@code maxIterations} is option {@code max-iterations}.
 */
public final class OptionsParser {
  private OptionsParser() {}

  public static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) sb.append('-').append(Character.toLowerCase(c));
      else sb.append(c);
    }
    return sb.toString();
  }

  /** Parses {@code text} over the defaults; throws {@link PipelineException} naming the bad option. */
  public static <O extends Record> O parse(String passName, O defaults, String text) {
    RecordComponent[] components = defaults.getClass().getRecordComponents();
    Map<String, RecordComponent> byName = new LinkedHashMap<>();
    for (RecordComponent c : components) byName.put(kebab(c.getName()), c);
    Map<String, List<String>> given = new LinkedHashMap<>();
    String current = null;
    for (String piece : split(text)) {
      int eq = piece.indexOf('=');
      if (eq < 0) {
        if (current == null || !isList(byName.get(current))) {
          throw new PipelineException("option '" + piece + "' of pass '" + passName + "' needs a value (" + piece + "=...)");
        }
        given.get(current).add(piece);
        continue;
      }
      current = piece.substring(0, eq).trim();
      if (!byName.containsKey(current)) {
        throw new PipelineException("pass '" + passName + "' has no option '" + current + "'"
            + (byName.isEmpty() ? " (it takes no options)" : "; its options are: " + String.join(", ", byName.keySet())));
      }
      List<String> values = new ArrayList<>();
      String value = piece.substring(eq + 1).trim();
      if (!value.isEmpty()) values.add(value);
      given.put(current, values);
    }
    Object[] args = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        String key = kebab(c.getName());
        args[i] = given.containsKey(key) ? convert(passName, key, c, given.get(key)) : c.getAccessor().invoke(defaults);
      }
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
      Constructor<?> ctor = defaults.getClass().getDeclaredConstructor(types);
      ctor.setAccessible(true);
      @SuppressWarnings("unchecked")
      O result = (O) ctor.newInstance(args);
      return result;
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new PipelineException("invalid options for pass '" + passName + "': " + cause.getMessage());
    }
  }

  private static boolean isList(RecordComponent c) { return c != null && c.getType() == List.class; }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') quoted = !quoted;
      if (!quoted && (c == '{' || c == '[')) depth++;
      if (!quoted && (c == '}' || c == ']')) depth--;
      if (!quoted && depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        if (!cur.isEmpty()) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.isEmpty()) out.add(cur.toString());
    return out;
  }

  private static Object convert(String pass, String key, RecordComponent c, List<String> values) {
    Class<?> t = c.getType();
    if (t == List.class) {
      Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (String v : values) list.add(scalar(pass, key, element, v));
      return List.copyOf(list);
    }
    if (values.size() != 1) throw new PipelineException("option '" + key + "' of pass '" + pass + "' takes one value");
    return scalar(pass, key, t, values.getFirst());
  }

  private static Object scalar(String pass, String key, Class<?> t, String v) {
    String value = v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
    try {
      if (t == int.class || t == Integer.class) return Integer.parseInt(value);
      if (t == long.class || t == Long.class) return Long.parseLong(value);
      if (t == double.class || t == Double.class) return Double.parseDouble(value);
      if (t == boolean.class || t == Boolean.class) {
        if (value.equals("true") || value.equals("1")) return true;
        if (value.equals("false") || value.equals("0")) return false;
        throw new IllegalArgumentException();
      }
      if (t == String.class) return value;
      if (t.isEnum()) {
        for (Object constant : t.getEnumConstants()) {
          if (kebab(((Enum<?>) constant).name().toLowerCase()).equals(value) || ((Enum<?>) constant).name().equalsIgnoreCase(value.replace('-', '_'))) {
            return constant;
          }
        }
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new PipelineException("invalid value '" + value + "' for option '" + key + "' of pass '" + pass + "': expected "
          + describe(t));
    }
    throw new IllegalStateException("unsupported option type " + t);
  }

  static String describe(Class<?> t) {
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "an integer";
    if (t == double.class || t == Double.class) return "a number";
    if (t == boolean.class || t == Boolean.class) return "true or false";
    if (t.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : t.getEnumConstants()) names.add(((Enum<?>) c).name().toLowerCase().replace('_', '-'));
      return "one of " + String.join(", ", names);
    }
    return "a string";
  }
}
