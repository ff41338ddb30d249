// "Ask the codebase": a RAG query whose contexts become results that open at their file and line range.
import type { LunaClient, QueryOptions, RagContext } from './api.js';

export interface AskResult {
  id: string;
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  symbol?: string;
  score: number;
  tokens: number;
  label: string;
  detail: string;
  preview: string;
}

export function toResult(c: RagContext): AskResult {
  const lines = c.startLine === c.endLine ? `${c.startLine}` : `${c.startLine}–${c.endLine}`;
  return {
    id: c.id, path: c.path, startLine: c.startLine, endLine: c.endLine, symbol: c.symbol, score: c.relevanceScore, tokens: c.tokenCount,
    label: `${c.path}:${lines}`,
    detail: `${c.symbol ? c.symbol + ' · ' : ''}score ${c.relevanceScore.toFixed(2)} · ${c.tokenCount} tokens`,
    preview: c.content.split('\n').slice(0, 12).join('\n'),
  };
}

export async function ask(client: LunaClient, question: string, options: QueryOptions = {}): Promise<{ results: AskResult[]; totalTokens: number; tokenBudget: number }> {
  const q = question.trim();
  if (!q) throw new Error('Ask a question first');
  const answer = await client.query(q, options);
  return { results: answer.contexts.map(toResult), totalTokens: answer.totalTokens, tokenBudget: answer.tokenBudget };
}
