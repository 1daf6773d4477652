/**
 * Sentences said or typed for a quick-log while the device had no connection. Understanding one needs the server
 * (the seller's customers, aliases and contacts), and what the parser proposes must be confirmed, so a sentence is
 * never turned into an activity unattended: it is kept here and offered again when the connection is back.
 */
const KEY = 'actionflow.kept-sentences';

export function keptSentences(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function save(sentences: string[]): string[] {
  localStorage.setItem(KEY, JSON.stringify(sentences));
  return sentences;
}

export const keepSentence = (sentence: string) => save([...keptSentences().filter((s) => s !== sentence), sentence]);
export const forgetSentence = (sentence: string) => save(keptSentences().filter((s) => s !== sentence));
