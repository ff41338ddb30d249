package dev.luna.workers.projectorganization.standards;

import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.patch.PatchPlanner;
import dev.luna.workers.projectorganization.rules.Globs;
import dev.luna.workers.projectorganization.rules.Kinds;
import dev.luna.workers.projectorganization.rules.Stacks;
import dev.luna.workers.projectorganization.rules.Templates;
import dev.luna.workers.projectorganization.rules.Tsv;
import dev.luna.workers.projectorganization.tree.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Standardisation: {@code .editorconfig}, a formatter and a linter per stack ({@code tooling.tsv}), README (and the
 * sections of {@code readme-sections.tsv}), CONTRIBUTING and LICENSE. Missing configuration and documentation is
 * added from {@code templates/} (a LICENSE never is: choosing one is the owners' decision).
 */
public final class StandardsCheck {
    private static final Pattern README = Pattern.compile("(?i)readme(\\.(md|markdown|rst|txt|adoc|org))?");
    private static final Pattern CONTRIBUTING = Pattern.compile("(?i)contributing(\\.(md|markdown|rst|txt|adoc))?");
    private static final Pattern LICENSE = Pattern.compile("(?i)(licen[cs]e|copying|unlicense)([.-].*)?");
    private static final Map<String, String> LANGUAGE_GLOBS = Map.of("maven", "*.java", "gradle", "*.{java,kt,kts}",
            "node", "*.{js,jsx,mjs,cjs,ts,tsx,vue,svelte}", "python", "*.py", "go", "*.go");

    private record Tool(String stack, String kind, String evidence, String name) {
    }

    private record Section(String id, String title, Pattern pattern, String why) {
    }

    private final Kinds kinds;
    private final Stacks stacks;
    private final List<Tool> tools = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, String[]> commands = new LinkedHashMap<>();

    public StandardsCheck(Kinds kinds, Stacks stacks) {
        this.kinds = kinds;
        this.stacks = stacks;
        Tsv.read("tooling.tsv", 4).forEach(r -> tools.add(new Tool(r[0], r[1], r[2], r[3])));
        Tsv.read("readme-sections.tsv", 4).forEach(r -> sections.add(new Section(r[0], r[1], Pattern.compile(r[2]), r[3])));
        Tsv.read("commands.tsv", 3).forEach(r -> commands.put(r[0], r));
    }

    public List<Finding> run(Project project, List<String> detected, String projectName, PatchPlanner planner) {
        var findings = new ArrayList<Finding>();
        var language = detected.stream().filter(LANGUAGE_GLOBS::containsKey).findFirst().orElse(null);
        var style = Indentation.detect(project, p -> language != null && matches(LANGUAGE_GLOBS.get(language), p),
                "node".equals(language) ? 2 : 4);
        if (!project.has(".editorconfig")) {
            String content = editorconfig(project, detected, style);
            var f = kinds.finding("editorconfig-missing", ".editorconfig", List.of(".editorconfig"),
                    "No .editorconfig: each editor falls back to its own charset, line endings and indentation. The proposed one keeps "
                            + "what the code already does (" + describe(style) + ").", Confidence.HIGH, "add .editorconfig");
            findings.add(f);
            planner.write(PatchPlanner.Stage.CONFIG, ".editorconfig", content, f.id());
        }
        for (var stack : detected) {
            for (var kind : List.of("formatter", "linter")) {
                var candidates = tools.stream().filter(t -> t.stack().equals(stack) && t.kind().equals(kind)).toList();
                if (candidates.isEmpty() || candidates.stream().anyMatch(t -> present(project, t.evidence()))) continue;
                var names = new TreeSet<String>();
                candidates.forEach(t -> names.add(t.name()));
                String title = stacks.stack(stack).title();
                String template = kind.equals("formatter") && commands.containsKey(stack) ? commands.get(stack)[2] : "-";
                String file = template.equals("-") ? null : template.equals("prettierrc.json") ? ".prettierrc.json" : template;
                var f = kinds.finding(kind + "-config-missing", title + " " + kind, file == null ? List.of() : List.of(file),
                        "The " + title + " code has no " + kind + " configuration (looked for " + String.join(", ", names)
                                + "), so style and common mistakes are left to each contributor.", Confidence.HIGH,
                        file == null ? "adopt one of " + String.join(", ", names) + " in the build"
                                : "add " + file + " (matching the current style) and run the tool in CI");
                findings.add(f);
                if (file != null && !project.has(file)) {
                    var own = Indentation.detect(project, p -> matches(LANGUAGE_GLOBS.get(stack), p), stack.equals("node") ? 2 : 4);
                    planner.write(PatchPlanner.Stage.CONFIG, file, formatterConfig(template, own), f.id());
                }
            }
        }
        findings.addAll(documents(project, detected, projectName, planner));
        return findings;
    }

    private List<Finding> documents(Project project, List<String> detected, String projectName, PatchPlanner planner) {
        var out = new ArrayList<Finding>();
        String readme = rootFile(project, README);
        var cmds = detected.stream().filter(commands::containsKey).map(s -> commands.get(s)[1]).toList();
        String steps = cmds.isEmpty() ? "Describe here how to install and build the project.\n"
                : "```sh\n" + String.join("\n", cmds) + "\n```\n";
        if (readme == null) {
            var f = kinds.finding("readme-missing", "README.md", List.of("README.md"),
                    "No README at the project root: a newcomer cannot tell what the project is or how to start.", Confidence.HIGH,
                    "add README.md (a skeleton with the detected build and test commands is proposed)");
            out.add(f);
            planner.write(PatchPlanner.Stage.DOCS, "README.md", Templates.render("README.md", Map.of("projectName", projectName,
                    "description", "Describe here what " + projectName + " does and who it is for.", "installSteps", steps,
                    "testSteps", steps)), f.id());
        } else {
            String text = project.text(readme);
            var headings = text == null ? List.<String>of() : Docs.headings(text);
            for (var s : sections) {
                if (headings.stream().anyMatch(h -> s.pattern().matcher(h).find())) continue;
                out.add(kinds.finding("readme-section-missing", readme + "#" + s.id(), List.of(readme), readme + " has no " + s.title()
                        + " section (no heading like \"" + s.pattern().pattern().replace("|", "\", \"") + "\"): a newcomer needs "
                        + s.why() + ".", Confidence.MEDIUM, "add the section \"" + s.title() + "\" to " + readme));
            }
        }
        if (rootFile(project, CONTRIBUTING) == null && !project.has(".github/CONTRIBUTING.md") && !project.has("docs/CONTRIBUTING.md")) {
            var f = kinds.finding("contributing-missing", "CONTRIBUTING.md", List.of("CONTRIBUTING.md"),
                    "No CONTRIBUTING guide: how to build, test and propose a change is left to guesswork.", Confidence.HIGH,
                    "add CONTRIBUTING.md (a skeleton with the detected commands is proposed)");
            out.add(f);
            String styleNote = project.has(".editorconfig") || planner.claimed(".editorconfig") ? ".editorconfig sets the basics"
                    : "indentation, naming and layout";
            planner.write(PatchPlanner.Stage.DOCS, "CONTRIBUTING.md", Templates.render("CONTRIBUTING.md", Map.of("projectName", projectName,
                    "setupSteps", steps, "styleNote", styleNote)), f.id());
        }
        if (rootFile(project, LICENSE) == null) {
            out.add(kinds.finding("license-missing", "LICENSE", List.of(), "No LICENSE file at the root: without one, others may not "
                    + "legally use, change or share the code.", Confidence.HIGH, "choose a license with the owners and add it as LICENSE"));
        }
        return out;
    }

    private static String rootFile(Project project, Pattern name) {
        for (var e : project.entries()) if (!e.path().contains("/") && name.matcher(e.path()).matches()) return e.path();
        return null;
    }

    private static boolean present(Project project, String evidence) {
        int gt = evidence.indexOf('>');
        var glob = Globs.compile(gt < 0 ? evidence : evidence.substring(0, gt));
        for (var e : project.sources()) {
            if (e.path().chars().filter(c -> c == '/').count() > 2 || !glob.matcher(e.name()).matches()) continue;
            if (gt < 0) return true;
            String text = project.text(e.path());
            if (text != null && text.contains(evidence.substring(gt + 1))) return true;
        }
        return false;
    }

    private static boolean matches(String braceGlob, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int open = braceGlob.indexOf('{');
        if (open < 0) return Globs.matches(braceGlob, name);
        for (var alt : braceGlob.substring(open + 1, braceGlob.indexOf('}')).split(",")) {
            if (Globs.matches(braceGlob.substring(0, open) + alt, name)) return true;
        }
        return false;
    }

    private static String describe(Indentation.Style s) {
        return (s.tabs() ? "tabs" : s.size() + "-space indentation") + ", " + (s.crlf() ? "CRLF" : "LF") + " line endings"
                + (s.files() == 0 ? ", the defaults" : ", from " + s.files() + " files");
    }

    private String editorconfig(Project project, List<String> detected, Indentation.Style main) {
        var extra = new StringBuilder();
        for (var stack : detected) {
            String glob = LANGUAGE_GLOBS.get(stack);
            if (glob == null) continue;
            var s = Indentation.detect(project, p -> matches(glob, p), stack.equals("node") ? 2 : 4);
            if (s.files() == 0 || s.tabs() == main.tabs() && s.size() == main.size()) continue;
            extra.append('\n').append('[').append(glob).append("]\n").append("indent_style = ").append(s.tabs() ? "tab" : "space").append('\n')
                    .append("indent_size = ").append(s.size()).append('\n');
        }
        return Templates.render("editorconfig", Map.of("endOfLine", main.crlf() ? "crlf" : "lf", "indentStyle", main.tabs() ? "tab" : "space",
                "indentSize", String.valueOf(main.size()), "languageSections", extra.toString()));
    }

    private static String formatterConfig(String template, Indentation.Style s) {
        return switch (template) {
            case "prettierrc.json" -> Templates.render(template, Map.of("useTabs", String.valueOf(s.tabs()), "tabWidth",
                    String.valueOf(s.size()), "endOfLine", s.crlf() ? "crlf" : "lf"));
            case "ruff.toml" -> Templates.render(template, Map.of("indentWidth", String.valueOf(s.size())));
            default -> throw new IllegalStateException("no formatter template " + template.toLowerCase(Locale.ROOT));
        };
    }
}
