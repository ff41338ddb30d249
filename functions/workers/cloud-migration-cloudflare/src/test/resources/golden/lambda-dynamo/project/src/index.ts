import type { Env } from "./env";
import { dispatch } from "./router";
import { routes } from "./routes";

/** Thrown by a scheduled job or queue consumer that has not been ported yet, so the failure shows in the logs and metrics. */
class NotMigrated extends Error {
  constructor(what: string, where: string) {
    super(what + " is not migrated yet: port " + where);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return dispatch(request, env, routes);
  },

  async scheduled(controller: ScheduledController): Promise<void> {
    switch (controller.cron) {
      case "0 * * * *":
        throw new NotMigrated("the schedule CleanupFunction.Nightly", "template.yaml:53");
      default:
        throw new NotMigrated("the schedule " + controller.cron, "its job");
    }
  },

  async queue(batch: MessageBatch<unknown>): Promise<void> {
    // messages are retried (then dead-lettered) until the consumer is ported: never acknowledged silently
    console.error(new NotMigrated("the consumer of " + batch.queue, "template.yaml:43").message);
    batch.retryAll();
  },
} satisfies ExportedHandler<Env>;
