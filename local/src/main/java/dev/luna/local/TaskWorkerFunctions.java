package dev.luna.local;

import dev.luna.catalog.Catalog;
import dev.luna.tasks.TaskTypes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The worker functions of the task types the context registered: the catalog's entry for each type that has one
 * (what Terraform deploys), and for a type registered without one — a test's, a benchmark's, or a new type a
 * developer tries locally before adding it to the catalog — the catalog's defaults ({@link Catalog.FunctionSpec#taskWorker}).
 * A catalog task function whose type no module registered is a start-up error, like any function without a bean.
 */
final class TaskWorkerFunctions {
    private TaskWorkerFunctions() {
    }

    static List<Catalog.FunctionSpec> of(Catalog catalog, GenericApplicationContext context) {
        var declared = catalog.taskWorkers();
        var registry = TaskTypes.of(context);
        for (String type : declared.keySet()) {
            if (registry.runnable(type).isEmpty()) {
                throw new IllegalStateException("catalog function " + declared.get(type).name() + " runs task type '" + type
                        + "', which no module registers a handler for");
            }
        }
        var out = new ArrayList<Catalog.FunctionSpec>();
        for (String type : registry.names()) {
            if (registry.runnable(type).isPresent()) out.add(declared.getOrDefault(type, Catalog.FunctionSpec.taskWorker(type)));
        }
        return out;
    }
}
