// What the checks found: problems in the order they were found, and paths shown relative to the repository.

import path from "node:path";

export function createReport(repo) {
  const errors = [];
  return {
    errors,
    rel: (p) => path.relative(repo, p) || ".",
    fail: (msg) => errors.push(msg),
  };
}
