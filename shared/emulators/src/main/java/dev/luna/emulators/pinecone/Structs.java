package dev.luna.emulators.pinecone;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

/** JSON of metadata structs, as Pinecone measures and returns them. */
final class Structs {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private Structs() {}

  static String json(Struct s) {
    try {
      return PRINTER.print(s);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
