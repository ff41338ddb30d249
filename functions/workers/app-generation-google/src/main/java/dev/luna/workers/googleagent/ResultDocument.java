package dev.luna.workers.googleagent;

import dev.luna.workers.googleagent.input.ApiDescription;
import dev.luna.workers.googleagent.plan.AgentPlan;
import dev.luna.workers.googleagent.plan.Tool;
import dev.luna.workers.kit.ArtifactRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The task's result: what API was found, the tools and skills, what was left out, the artifacts, the model's part. */
final class ResultDocument {
    static final String NO_API = "No HTTP API was found: no OpenAPI or Swagger document in the source, and no endpoints in Spring, JAX-RS, "
            + "Express, Fastify, NestJS, Next.js, FastAPI or Flask code. Nothing was generated; point the task at the service that serves the API.";

    private ResultDocument() {
    }

    static Map<String, Object> noApi(ApiDescription api, Map<String, Object> model) {
        var out = new LinkedHashMap<String, Object>();
        out.put("apiFound", false);
        out.put("message", NO_API);
        out.put("notes", api.notes());
        out.put("artifacts", List.of());
        out.put("model", model);
        return out;
    }

    static Map<String, Object> of(ApiDescription api, AgentPlan plan, List<ArtifactRef> artifacts, Map<String, Object> model, String modelNote) {
        var out = new LinkedHashMap<String, Object>();
        out.put("apiFound", true);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("appName", plan.appName());
        summary.put("source", plan.origin());
        if (plan.document() != null) summary.put("document", plan.document());
        summary.put("operationsFound", api.operations().size());
        summary.put("tools", plan.tools().size());
        summary.put("confirmed", plan.tools().stream().filter(Tool::confirm).count());
        summary.put("skills", plan.skills().size());
        summary.put("leftOut", plan.leftOut().size());
        summary.put("agentUrl", plan.options().agentUrl());
        summary.put("run", "unzip project.zip && cd adk-java && mvn -q compile exec:java");
        out.put("summary", summary);
        out.put("artifacts", artifacts);
        var tools = new ArrayList<Map<String, Object>>();
        for (Tool t : plan.tools()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", t.name());
            m.put("operation", t.method() + " " + t.path());
            m.put("skill", t.skill());
            m.put("readOnly", t.readOnly());
            m.put("destructive", t.destructive());
            m.put("confirm", t.confirm());
            m.put("description", t.description());
            m.put("location", t.location());
            tools.add(m);
        }
        out.put("tools", tools);
        var skills = new ArrayList<Map<String, Object>>();
        for (var s : plan.skills()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("tools", s.tools());
            skills.add(m);
        }
        out.put("skills", skills);
        out.put("leftOut", plan.leftOut());
        out.put("notes", plan.notes());
        var modelOut = new LinkedHashMap<>(model);
        if (modelNote != null) modelOut.put("note", modelNote);
        out.put("model", modelOut);
        return out;
    }
}
