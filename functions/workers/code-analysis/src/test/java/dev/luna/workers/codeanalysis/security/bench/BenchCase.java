package dev.luna.workers.codeanalysis.security.bench;

/**
 * One labelled benchmark case: a small class in its own file, vulnerable or safe for one CWE.
 *
 * @param category short name (sqli, cmdi, …), one per CWE
 * @param path     relative path of the case's file
 */
record BenchCase(String id, String category, int cwe, boolean vulnerable, String path, String code) {
}
