package dev.luna.workers.googleagent.render;

import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Tool;
import dev.luna.workers.googleagent.plan.ToolInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code adk-java/}: the Google ADK (Java) agent project, from the templates under {@code templates/adk-java/} (the
 * output tree's mirror: {@code .mustache} files are rendered, the others copied) and the plan's views.
 */
public final class AdkProject {
    public static final String ROOT = "adk-java/";
    public static final String ADK_VERSION = "1.8.0";
    static final List<String> COPIED = List.of("src/main/java/agent/A2aServer.java", "src/main/java/agent/AgentApp.java",
            "src/main/java/agent/FakeModel.java", "src/main/java/agent/Upstream.java");

    private AdkProject() {
    }

    /** Whether {@code path} (under adk-java/) is a template copied as it is. */
    public static boolean copiedFile(String path) {
        return path.startsWith(ROOT) && COPIED.contains(path.substring(ROOT.length()));
    }

    /** Path (under adk-java/) → content, sorted. */
    public static Map<String, String> files(AgentPlan plan, String cardJson) {
        var files = new TreeMap<String, String>();
        var tools = tools(plan);
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", plan.appName());
        view.put("appId", JavaText.literal(plan.appId()));
        view.put("artifactId", plan.appId());
        view.put("agentName", plan.agentName());
        view.put("agentUrl", plan.options().agentUrl());
        view.put("agentOrigin", AgentCardJson.origin(plan.options().agentUrl()));
        view.put("description", JavaText.literal(plan.description()));
        view.put("baseUrl", plan.options().baseUrl());
        view.put("source", plan.document() != null ? "the OpenAPI document " + plan.document() : "the HTTP endpoints found in the code");
        view.put("operations", tools);
        view.put("tools", tools);
        view.put("toolCount", tools.size());
        probe(plan.tools().stream().filter(Tool::readOnly).findFirst().orElse(plan.tools().get(0)), view);
        for (String path : COPIED) files.put(ROOT + path, Templates.copy("adk-java/" + path));
        files.put(ROOT + "pom.xml", Templates.render("adk-java/pom.xml", view));
        files.put(ROOT + "src/main/java/agent/ApiAgent.java", Templates.render("adk-java/src/main/java/agent/ApiAgent.java", view));
        files.put(ROOT + "src/main/java/agent/ApiTools.java", Templates.render("adk-java/src/main/java/agent/ApiTools.java", view));
        files.put(ROOT + "src/test/java/agent/ApiAgentTest.java", Templates.render("adk-java/src/test/java/agent/ApiAgentTest.java", view));
        files.put(ROOT + "src/main/resources/agent-card.json", cardJson);
        files.put(ROOT + "src/main/resources/instruction.md", instruction(plan, tools));
        var readme = new LinkedHashMap<>(view);
        readme.put("description", plan.description());
        files.put(ROOT + "README.md", Templates.render("adk-java/README.md", readme));
        return files;
    }

    public static Map<String, byte[]> bytes(Map<String, String> files) {
        var out = new TreeMap<String, byte[]>();
        files.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /** ADK fills {@code {name}} from session state: the instruction must not contain braces. */
    static String instruction(AgentPlan plan, List<Map<String, Object>> tools) {
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", plan.appName());
        view.put("description", plan.description());
        var plain = new ArrayList<Map<String, Object>>();
        for (var t : plan.tools()) plain.add(Map.of("name", t.name(), "description", t.description()));
        view.put("tools", plain);
        return Templates.render("adk-java/src/main/resources/instruction.md", view).replace('{', '(').replace('}', ')');
    }

    private static List<Map<String, Object>> tools(AgentPlan plan) {
        var out = new ArrayList<Map<String, Object>>();
        for (Tool t : plan.tools()) {
            var v = new LinkedHashMap<String, Object>();
            v.put("name", t.name());
            v.put("method", t.method());
            v.put("path", JavaText.literal(t.path()));
            v.put("description", JavaText.literal(t.description()));
            v.put("javadoc", JavaText.javadoc(t.description()));
            v.put("confirm", t.confirm());
            v.put("confirmText", t.confirm() ? "yes" : "no");
            var params = new ArrayList<Map<String, Object>>();
            var bodyArgs = new ArrayList<String>();
            String wholeBody = null;
            for (ToolInput in : t.inputs()) {
                var p = new LinkedHashMap<String, Object>();
                p.put("name", in.name());
                p.put("wire", JavaText.literal(in.wire()));
                p.put("description", JavaText.literal(in.description()));
                p.put("optional", !in.required());
                p.put("javaType", in.javaType());
                p.put("inPath", in.in().equals("path"));
                p.put("inQuery", in.in().equals("query"));
                params.add(p);
                if (in.in().equals("body") && in.wire().isEmpty()) wholeBody = in.name();
                else if (in.in().equals("body")) bodyArgs.add("\"" + JavaText.literal(in.wire()) + "\", " + in.name());
            }
            v.put("params", params);
            v.put("body", !t.hasBody() ? "null" : wholeBody != null ? wholeBody : "Upstream.json(" + String.join(", ", bodyArgs) + ")");
            out.add(v);
        }
        return out;
    }

    /**
     * The generated test calls the first read-only tool (else the first) with its required arguments and expects exactly
     * this request upstream; a tool that needs confirmation must not reach upstream without it.
     */
    private static void probe(Tool tool, Map<String, Object> view) {
        var args = new StringBuilder("{");
        String path = tool.path();
        for (ToolInput in : tool.inputs()) {
            if (!in.required()) continue;
            if (args.length() > 1) args.append(',');
            args.append('"').append(in.name()).append("\":").append(in.example());
            if (in.in().equals("path")) path = path.replace("{" + in.wire() + "}", in.example().replace("\"", ""));
        }
        args.append('}');
        view.put("probeTool", tool.name());
        view.put("probeArgs", JavaText.literal(args.toString()));
        view.put("probeMethod", tool.method());
        view.put("probeConfirms", tool.confirm());
        view.put("probePath", JavaText.literal(path));
    }
}
