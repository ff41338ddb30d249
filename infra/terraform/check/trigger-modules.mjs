// What the trigger modules must contain (event source mappings that report batch item failures with a maximum
// concurrency, an alarm on the oldest message, schedules that send a scheduled event), what the root passes them,
// and an alarm on the depth of the dead-letter queues.

import path from "node:path";
import { rootModuleFor } from "./root-locals.mjs";

const blocksOf = (m, type) => m.files.flatMap(({ json }) => Object.entries(json.resource?.[type] ?? {}).map(([n, b]) => ({ name: n, block: b[0] })));

export function checkTriggerModules({ root, dirs, tfRoot, report: { fail, rel } }, queues) {
  const queueModule = dirs.get(path.join(tfRoot, "modules", "queue-function"));
  if (queueModule) {
    const esm = blocksOf(queueModule, "aws_lambda_event_source_mapping");
    if (!esm.length) fail("modules/queue-function: no aws_lambda_event_source_mapping");
    for (const { name, block } of esm) {
      if (!JSON.stringify(block.function_response_types ?? "").includes("ReportBatchItemFailures")) {
        fail(`modules/queue-function: aws_lambda_event_source_mapping.${name} must set function_response_types = ["ReportBatchItemFailures"]`);
      }
      if (!block.scaling_config) fail(`modules/queue-function: aws_lambda_event_source_mapping.${name} must set scaling_config { maximum_concurrency }`);
    }
    const alarms = JSON.stringify(blocksOf(queueModule, "aws_cloudwatch_metric_alarm"));
    if (!alarms.includes("ApproximateAgeOfOldestMessage")) fail("modules/queue-function: no alarm on the queue's ApproximateAgeOfOldestMessage");
  }
  const scheduleModule = dirs.get(path.join(tfRoot, "modules", "scheduled-function"));
  if (scheduleModule) {
    const schedules = blocksOf(scheduleModule, "aws_scheduler_schedule");
    if (!schedules.length) fail("modules/scheduled-function: no aws_scheduler_schedule");
    for (const { name, block } of schedules) {
      if (!JSON.stringify(block.target ?? "").includes("Scheduled Event")) {
        fail(`modules/scheduled-function: aws_scheduler_schedule.${name} must send a scheduled event (detail-type "Scheduled Event") as its input`);
      }
    }
  }
  // the consumed queues and their settings come from the catalog entry
  for (const [local, expected] of [
    ["queue_functions", [["queues", "each.value.consumed_queues"], ["queues", "max_concurrency"], ["batch_size", "each.value.batch_size"]]],
  ]) {
    const call = rootModuleFor(root, local);
    if (!call) continue;
    for (const [arg, want] of expected) {
      if (!JSON.stringify(call.call.call?.[arg] ?? call.call[arg] ?? "").includes(want)) {
        fail(`${rel(call.call.file)}: module "${call.name}" must pass ${arg} from ${want}`);
      }
    }
  }
  const scheduleCall = rootModuleFor(root, "schedule_functions");
  if (scheduleCall && !String(scheduleCall.call.schedule_expression ?? "").includes("each.value.schedule")) {
    fail(`${rel(scheduleCall.call.file)}: module "${scheduleCall.name}" must pass schedule_expression = each.value.schedule`);
  }
  const deadLetterNames = new Set(Object.values(queues).map((q) => q.deadLetterQueue).filter(Boolean));
  if (deadLetterNames.size) {
    const rootAlarms = JSON.stringify([...root.files].flatMap(({ json }) => Object.values(json.resource?.aws_cloudwatch_metric_alarm ?? {})));
    if (!rootAlarms.includes("ApproximateNumberOfMessagesVisible")) fail(`${rel(tfRoot)}: no alarm on the depth of the dead-letter queues (${[...deadLetterNames].join(", ")})`);
  }
}
