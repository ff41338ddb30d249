/**
 * The {@code security} analyzer of code-analysis: inter-procedural taint analysis and security pattern checks on
 * Java source, from the text alone (JavaParser ASTs; the analysed project is never built or run, and its libraries
 * are not needed).
 *
 * <h2>Rules and models are data</h2>
 * {@code rules/security/<id>.yaml} hold each rule's metadata and what it pairs: a taint rule names source kinds
 * ({@code remote}, {@code env}, {@code weak-random}) and sink kinds ({@code sql}, {@code command}, {@code ldap},
 * {@code xpath}, {@code path}, {@code xss}, {@code trust-boundary}, {@code ssrf}, {@code deserialization},
 * {@code security-value}); a pattern rule names the checks it reports. {@code models/security/*.model.yaml} list,
 * as rows with a kind (like CodeQL's models-as-data), the sources, sinks, sanitizers (per sink kind), propagators
 * (pass-through methods) and the library types and result types the analysis needs ({@link TaintModels},
 * {@link RuleCatalog}). Fixtures beside the tests ({@code rules/security/<id>/*.java}, {@code // ruleid:} and
 * {@code // ok:}) pin each rule's behaviour.
 *
 * <h2>The engine</h2>
 * <ul>
 *   <li><b>Values.</b> A {@link Val} carries taints, a constant (strings, numbers, booleans, chars), a type's simple
 *   name and a pointer to a tracked heap object. A {@link Taint} is an origin (a real source, or a placeholder for a
 *   method input), the sink kinds it has been sanitized for (HTML encoding does not make SQL safe; numbers are safe
 *   for every injection kind) and the last step of its trace ({@link Step}, a shared linked list).</li>
 *   <li><b>Intraprocedural.</b> {@link Interpreter} walks statements over a {@link State} (locals, {@code this.field}
 *   entries, heap). Constant conditions are folded ({@link Folding}: {@code (7*18)+num > 200}, {@code "ABC".charAt(1)},
 *   {@code cond ? "safe" : p}) and only the live branch or switch case is walked; other branches run on copies and
 *   are joined; loops run until their head state is stable (at most three rounds); break, continue, return and throw
 *   end a path. {@link Guards} apply allow-list checks ({@code equals}, {@code contains}, safe {@code matches}).</li>
 *   <li><b>Collections and objects.</b> {@link CollectionOps} keeps list elements and map entries precisely while
 *   indexes and keys are constants and falls back to a whole-object taint; arrays likewise; objects created in the
 *   method keep their fields, builders their taint, cookies and XML factories their settings.</li>
 *   <li><b>Inter-procedural.</b> Calls to the project's own code apply a {@link Summary} of the callee computed once
 *   per pass (on demand, bottom-up through the call graph; recursion contributes nothing, depth and work are
 *   bounded): what it returns, the receiver fields and argument objects it changes, and which of its inputs reach a
 *   sink inside it, all in terms of {@link Origin.Input} placeholders that {@link Inputs} replaces with the caller's
 *   values, re-linking the trace through the call. Interface and abstract calls use every project implementation
 *   (bounded). Types come from declarations and imports, with a name-based fallback for distinctive library
 *   methods when a receiver's type cannot be resolved.</li>
 *   <li><b>Fields and constants.</b> Final fields with constant initializers are constants across classes
 *   ({@link Constants}); other fields hold the real-source taint any method stores in them ({@link FieldStore}, flow-
 *   insensitive), and the analysis runs again (at most three passes) while a field read earlier gained taint later.
 *   The project's {@code .properties} files resolve {@code Properties.getProperty} ({@link PropertiesIndex}).</li>
 *   <li><b>Pattern checks.</b> {@link PatternChecks} and {@link XxeCheck} judge API use through the same constants
 *   and tracked objects; {@link Credentials} scans for hard-coded credentials and class-naming Jackson type info.</li>
 * </ul>
 *
 * <h2>Output</h2>
 * {@link Findings} keeps one finding per rule, sink region and entry file (the shortest trace), sorted by file, line,
 * column and rule, with {@code Finding.fingerprint} numbered by occurrence and credentials masked in every snippet
 * ({@link Snippets}). Files that cannot be read or parsed are reported as skipped; the stop flag is polled between
 * files; the analysis runs on its own thread with a deep stack.
 */
package dev.luna.workers.codeanalysis.security;
