package dev.luna.functions.rag;

/** Why one file of a job was skipped. */
record FileError(String path, String reason) {
}
