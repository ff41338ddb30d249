package dev.luna.codebase.java;

import com.github.javaparser.ast.CompilationUnit;
import java.util.List;
import java.util.Map;

/**
 * One parsed Java file and what its header says.
 *
 * @param imports         single-type imports, simple name to qualified name
 * @param wildcards       packages (or types) imported on demand
 * @param staticImports   statically imported members, member name to owning type's qualified name
 * @param staticWildcards types whose static members are imported on demand
 */
record ParsedFile(String path, CompilationUnit cu, String packageName, Map<String, String> imports, List<String> wildcards,
                  Map<String, String> staticImports, List<String> staticWildcards) {
}
