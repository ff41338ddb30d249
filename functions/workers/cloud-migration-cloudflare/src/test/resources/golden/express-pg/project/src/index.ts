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
} satisfies ExportedHandler<Env>;
