package dev.luna.emulators.pinecone;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Map;

/** Metadata structs as plain JSON (no HTML escaping), as Pinecone measures them against its 40 KB limit. */
final class Structs {
  private Structs() {}

  static String json(Struct s) {
    var sb = new StringBuilder();
    write(sb, s);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Struct s) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : s.getFieldsMap().entrySet()) {
      if (!first) sb.append(',');
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      write(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void write(StringBuilder sb, Value v) {
    switch (v.getKindCase()) {
      case STRING_VALUE -> string(sb, v.getStringValue());
      case NUMBER_VALUE -> {
        double d = v.getNumberValue();
        sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
      }
      case BOOL_VALUE -> sb.append(v.getBoolValue());
      case STRUCT_VALUE -> write(sb, v.getStructValue());
      case LIST_VALUE -> {
        ListValue l = v.getListValue();
        sb.append('[');
        for (int i = 0; i < l.getValuesCount(); i++) {
          if (i > 0) sb.append(',');
          write(sb, l.getValues(i));
        }
        sb.append(']');
      }
      default -> sb.append("null");
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
